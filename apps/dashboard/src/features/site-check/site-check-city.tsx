// 全市统计: units × problem kinds of the newest finished check, and each kind's count across checks.
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { siteProblemKinds } from '@kaoping/contracts/site-check/site-check';
import { useTRPC } from '../../trpc';

export function SiteCheckCity() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const city = useQuery(trpc.siteCheck.city.queryOptions({ runs: 6 }));
  const data = city.data;
  if (data && !data.run) return <Empty description={t('siteCheck.city.noRun')} />;
  const kindColumns = siteProblemKinds.map((k) => ({
    title: t(`siteCheck.kinds.${k}`),
    align: 'right' as const,
    render: (_: unknown, r: { counts: Record<string, number> }) => r.counts[k] || '',
  }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('siteCheck.city.latest', { date: data?.run?.judgedOn ?? '' })}>
        <Table
          size="small"
          rowKey="unitId"
          loading={city.isPending}
          dataSource={data?.rows ?? []}
          pagination={{ pageSize: 20 }}
          scroll={{ x: true }}
          data-testid="site-city-table"
          columns={[
            { title: t('siteCheck.columns.unit'), fixed: 'left', render: (_, r) => `${r.unitCode} ${r.unitName}` },
            ...kindColumns,
            { title: t('siteCheck.columns.total'), dataIndex: 'total', align: 'right' },
          ]}
        />
      </Card>
      <Card size="small" title={t('siteCheck.city.trend')}>
        <Table
          size="small"
          rowKey="runId"
          dataSource={data?.trend ?? []}
          pagination={false}
          scroll={{ x: true }}
          data-testid="site-city-trend"
          columns={[
            { title: t('siteCheck.columns.judgedOn'), render: (_, r) => `#${r.runId} ${r.judgedOn}` },
            ...kindColumns,
            { title: t('siteCheck.columns.unit'), dataIndex: 'units', align: 'right' },
          ]}
        />
      </Card>
    </Space>
  );
}
