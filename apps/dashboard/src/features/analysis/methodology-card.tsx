import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodologyNote } from '@kaoping/domain/analysis/methodology';

/** A methodology note beside its view: what was computed and how, in plain words. */
export function MethodologyCard({ note, testId }: { note: MethodologyNote; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={`${t('analysis.methodology')} · ${note.title}`}
      data-testid={testId}
      styles={{ body: { background: '#fafafa' } }}
    >
      {note.paragraphs.map((p) => (
        <Typography.Paragraph key={p} style={{ fontSize: 13, lineHeight: 1.8 }}>
          {p}
        </Typography.Paragraph>
      ))}
    </Card>
  );
}
