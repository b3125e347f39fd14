import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Outputs } from '../../api-types';
import { PageLink } from '../../components/page-link';
import { formatScore, profilePath } from './dashboard-format';
import { Delta, GradeTag, Movement } from './dashboard-tags';

type RankingRow = Outputs['dashboard']['ranking']['rows'][number];

/** The ranking table beside the chart: rank, movement, unit (to its profile), score, change, grade. */
export function RankingTable({ rows, period, pageSize = 30 }: { rows: readonly RankingRow[]; period: string; pageSize?: number }) {
  const { t } = useTranslation();
  return (
    <Table<RankingRow>
      size="small"
      rowKey="unit"
      dataSource={[...rows]}
      data-testid="ranking-table"
      pagination={
        rows.length > pageSize
          ? { pageSize, showSizeChanger: false, size: 'small', showTotal: (count) => t('common.total', { count }) }
          : false
      }
      rowClassName={(r) => (r.isFailing ? 'kp-row-failing' : '')}
      columns={[
        {
          title: t('dashboard.rank'),
          dataIndex: 'rank',
          width: 60,
          render: (rank: number | null) => rank ?? <Typography.Text type="secondary">{t('dashboard.unranked')}</Typography.Text>,
        },
        { title: t('dashboard.movementShort'), dataIndex: 'rankDelta', width: 64, render: (d: number | null) => <Movement delta={d} /> },
        {
          title: t('dashboard.unit'),
          dataIndex: 'name',
          ellipsis: true,
          render: (name: string, r) => (
            <Space size={4}>
              {r.unitId !== null ? <PageLink to={profilePath(r.unitId, period)}>{name}</PageLink> : name}
              {r.vetoes.map((v) => (
                <Tooltip key={v.code} title={v.name}>
                  <Tag color="red">{r.isVetoFail ? t('dashboard.vetoFail') : v.code}</Tag>
                </Tooltip>
              ))}
            </Space>
          ),
        },
        { title: t('dashboard.score'), dataIndex: 'final', width: 76, align: 'right', render: (s: number | null) => formatScore(s) },
        {
          title: t('dashboard.scoreDelta'),
          dataIndex: 'scoreDelta',
          width: 80,
          align: 'right',
          render: (d: number | null) => <Delta value={d} />,
        },
        {
          title: t('dashboard.grade'),
          dataIndex: 'grade',
          width: 76,
          render: (g: string | null, r) =>
            r.isQuotaDemoted ? (
              <Tooltip title={t('dashboard.quotaDemoted')}>
                <span>
                  <GradeTag grade={g} />*
                </span>
              </Tooltip>
            ) : (
              <GradeTag grade={g} />
            ),
        },
      ]}
    />
  );
}
