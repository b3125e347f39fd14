// 跨组比较: every unit of a period with its percentile and standard score within its own group.
// Deliberately no cross-group rank column: official rankings are within groups.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Input, Progress, Select, Space, Spin, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLink } from '../../components/page-link';
import type { Outputs } from '../../api-types';
import { DashboardError } from './dashboard-error';
import { useTRPC } from '../../trpc';
import { formatPeriod, formatScore, profilePath } from './dashboard-format';
import { GradeTag } from './dashboard-tags';
import { PeriodPicker } from './period-picker';
import { useDashboardParams } from './use-dashboard-params';

type CrossRow = Outputs['dashboard']['crossGroup']['rows'][number];

export function CrossGroupPanel() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { period, setPeriod } = useDashboardParams();
  const [groups, setGroups] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const cross = useQuery({ ...trpc.dashboard.crossGroup.queryOptions({ period }), placeholderData: keepPreviousData });
  if (cross.isPending) return <Spin />;
  if (cross.error) return <DashboardError error={cross.error} />;
  const data = cross.data;
  const rows = data.rows.filter(
    (r) => (groups.length === 0 || groups.includes(r.group)) && (search === '' || r.name.includes(search) || r.unit.includes(search)),
  );
  return (
    <Card
      title={
        <Typography.Title
          level={3}
          style={{ margin: 0 }}
          data-testid="compare-title"
        >{`${t('dashboard.compare.title')} · ${formatPeriod(data.period, i18n.language)}`}</Typography.Title>
      }
      extra={<PeriodPicker value={period} onChange={setPeriod} />}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('dashboard.compare.note')} data-testid="compare-note" />
        <Space wrap className="kp-no-print">
          <Select
            mode="multiple"
            allowClear
            style={{ minWidth: 260 }}
            placeholder={t('dashboard.group')}
            value={groups}
            onChange={setGroups}
            options={data.groups.map((g) => ({ value: g.code, label: `${g.code} ${g.name}` }))}
          />
          <Input.Search allowClear style={{ width: 240 }} placeholder={t('units.searchPlaceholder')} onSearch={setSearch} />
        </Space>
        <Table<CrossRow>
          size="small"
          rowKey="unit"
          dataSource={rows}
          data-testid="compare-table"
          pagination={{ pageSize: 30, showSizeChanger: false, showTotal: (count) => t('common.total', { count }) }}
          columns={[
            {
              title: t('dashboard.unit'),
              dataIndex: 'name',
              render: (name: string, r) => (r.unitId !== null ? <PageLink to={profilePath(r.unitId, data.period)}>{name}</PageLink> : name),
            },
            { title: t('dashboard.group'), dataIndex: 'groupName', width: 200, render: (name: string, r) => `${r.group} ${name}` },
            {
              title: t('dashboard.compare.groupRank'),
              dataIndex: 'rank',
              width: 110,
              render: (rank: number | null, r) => (rank === null ? t('dashboard.unranked') : `${rank} / ${r.groupRanked}`),
            },
            { title: t('dashboard.score'), dataIndex: 'final', width: 80, align: 'right', render: (s: number | null) => formatScore(s) },
            { title: t('dashboard.grade'), dataIndex: 'grade', width: 80, render: (g: string | null) => <GradeTag grade={g} /> },
            {
              title: <Tooltip title={t('dashboard.compare.percentileHelp')}>{t('dashboard.compare.percentile')} ⓘ</Tooltip>,
              dataIndex: 'percentile',
              width: 220,
              render: (p: number | null) =>
                p === null ? (
                  '—'
                ) : (
                  <Progress percent={p} size="small" format={(v) => (v ?? 0).toFixed(1)} style={{ width: 180, margin: 0 }} />
                ),
            },
            {
              title: <Tooltip title={t('dashboard.compare.standardScoreHelp')}>{t('dashboard.compare.standardScore')} ⓘ</Tooltip>,
              dataIndex: 'standardScore',
              width: 150,
              align: 'right',
              render: (z: number | null) => (z === null ? '—' : z.toFixed(2)),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
