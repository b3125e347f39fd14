// The versions of a unit's report for a year (old ones stay readable) and everything done to them.
import { Button, Card, List, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Outputs } from '../../api-types';
import { ReportStatusTag } from './report-tags';

type ReportView = Outputs['annualReports']['open'];

export function ReportHistory({ view, onVersion }: { view: ReportView; onVersion: (versionNo: number | null) => void }) {
  const { t } = useTranslation();
  const latest = view.versions.at(-1);
  return (
    <Card size="small" title={t('reports.versions.title')} data-testid="report-history">
      <List
        size="small"
        dataSource={[...view.versions].reverse()}
        locale={{ emptyText: t('reports.noReport') }}
        renderItem={(v) => (
          <List.Item
            actions={[
              <Button
                key="view"
                size="small"
                type="link"
                disabled={v.id === view.report?.id}
                onClick={() => onVersion(v.id === latest?.id ? null : v.versionNo)}
              >
                {t('reports.versions.view')}
              </Button>,
            ]}
          >
            <Space orientation="vertical" size={0}>
              <Space>
                <span>{t('reports.versions.version', { n: v.versionNo })}</span>
                <ReportStatusTag status={v.status} />
                {v.id === latest?.id && <Tag>{t('reports.versions.current')}</Tag>}
              </Space>
              {v.correctionReason && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('reports.versions.correction', { reason: v.correctionReason })}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
      <Timeline
        style={{ marginTop: 16 }}
        items={view.events.map((e) => ({
          color: e.action === 'returned' ? 'red' : e.action === 'accepted' ? 'green' : e.action === 'submitted' ? 'blue' : 'gray',
          content: (
            <Space orientation="vertical" size={0}>
              <span>
                {dayjs(e.at).format('YYYY-MM-DD HH:mm')} · {t('reports.versions.version', { n: e.versionNo })} ·{' '}
                {t(`reports.events.${e.action}`)}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.actorName}
                {e.note ? `:${e.note}` : ''}
              </Typography.Text>
            </Space>
          ),
        }))}
      />
    </Card>
  );
}
