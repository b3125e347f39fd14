// Last year's scheme against the one being edited: added, removed and changed nodes with points.
import { Alert, List, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scheme } from '@kaoping/contracts/scoring/scheme';
import { diffSchemes } from '@kaoping/domain/scheme-editor/scheme-diff';

const COLOR = { added: 'green', removed: 'red', changed: 'orange' } as const;

export function SchemeDiffPanel({ before, after }: { before: Scheme; after: Scheme }) {
  const { t } = useTranslation();
  const changes = useMemo(() => diffSchemes(before, after), [before, after]);
  if (changes.length === 0) return <Alert type="info" showIcon title={t('schemeEditor.diff.none')} data-testid="scheme-diff" />;
  return (
    <div data-testid="scheme-diff">
      <Typography.Text strong>{t('schemeEditor.diff.title', { year: before.year })}</Typography.Text>
      <List
        size="small"
        dataSource={changes}
        renderItem={(c) => (
          <List.Item style={{ paddingInlineStart: (c.level - 1) * 16 }}>
            <span>
              <Tag color={COLOR[c.kind]}>{t(`schemeEditor.diff.${c.kind}`)}</Tag>
              {c.code} {c.name}
              {c.kind === 'changed' && <Typography.Text type="secondary">:{c.fields.join('、')}</Typography.Text>}
              {c.beforePoints !== c.afterPoints && (
                <Typography.Text type="secondary">
                  ({t('schemeEditor.diff.points', { before: c.beforePoints ?? '—', after: c.afterPoints ?? '—' })})
                </Typography.Text>
              )}
            </span>
          </List.Item>
        )}
      />
    </div>
  );
}
