import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Outputs } from '../../api-types';
import { GradeTag, Movement } from '../dashboard/dashboard-tags';
import { formatPoints } from './assessment-format';

// One grade tag and one rank-movement convention app-wide (green ▲ up, red ▼ down): dashboard-tags.
export { GradeTag };

export type ResultRow = Outputs['assessment']['results']['round']['groups'][number]['rows'][number];

export function RoundStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = status === 'draft' ? 'processing' : status === 'published' ? 'success' : 'default';
  return <Tag color={color}>{t(`assessment.status.${status}`, { defaultValue: status })}</Tag>;
}

export function RankDelta({ delta }: { delta: number | null }) {
  return <Movement delta={delta} />;
}

/** The ranking of one group (名次 / 变化 / 单位 / 得分 / 等次 / 否决 / 加减分 / 完整性). */
export function RankingTable({ roundId, rows, loading }: { roundId: number; rows: ResultRow[]; loading?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<ResultRow>
      size="small"
      rowKey="unit"
      loading={loading}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      data-testid="ranking-table"
      columns={[
        {
          title: t('assessment.results.rank'),
          dataIndex: 'rank',
          width: 70,
          render: (rank: number | null, r) =>
            rank === null ? (
              <Typography.Text type="secondary">{r.isVetoFail ? t('assessment.results.vetoed') : '—'}</Typography.Text>
            ) : (
              rank
            ),
        },
        {
          title: t('assessment.results.movement'),
          dataIndex: 'rankDelta',
          width: 80,
          render: (d: number | null) => <RankDelta delta={d} />,
        },
        {
          title: t('assessment.results.unit'),
          dataIndex: 'name',
          render: (name: string, r) =>
            r.unitId !== null ? <Link to={`/assessment/rounds/${roundId}/units/${r.unitId}`}>{name}</Link> : name,
        },
        {
          title: t('assessment.results.score'),
          dataIndex: 'final',
          width: 100,
          align: 'right',
          render: (final: number | null, r) => (
            <Tooltip
              title={t('assessment.results.scoreHelp', {
                base: formatPoints(r.base),
                max: formatPoints(r.applicableMax),
                major: formatPoints(r.major),
                bonus: formatPoints(r.bonus),
              })}
            >
              <Typography.Text strong>{final === null ? '—' : final.toFixed(2)}</Typography.Text>
            </Tooltip>
          ),
        },
        {
          title: t('assessment.results.grade'),
          dataIndex: 'grade',
          width: 90,
          render: (g: string | null, r) => <GradeTag grade={g} isQuotaDemoted={r.isQuotaDemoted} />,
        },
        {
          title: t('assessment.results.events'),
          render: (_, r) => (
            <Space size={2} wrap>
              {r.vetoes.map((v) => (
                <Tooltip key={v.code} title={v.name}>
                  <Tag color="red">{`${t('assessment.results.veto')} ${v.code}`}</Tag>
                </Tooltip>
              ))}
              {r.majorItems.map((v, i) => (
                <Tooltip key={`${v.code}-${i}`} title={v.name}>
                  <Tag color="volcano">{`${t('assessment.results.major')} ${v.code}`}</Tag>
                </Tooltip>
              ))}
              {r.bonusItems.map((v, i) => (
                <Tooltip key={`${v.code}-${i}`} title={v.name}>
                  <Tag color="green">{`${t('assessment.results.bonus')} ${v.code}`}</Tag>
                </Tooltip>
              ))}
            </Space>
          ),
        },
        {
          title: t('assessment.results.completeness'),
          dataIndex: 'complete',
          width: 110,
          render: (complete: boolean, r) =>
            complete ? (
              <Tag color="green">{t('assessment.results.complete')}</Tag>
            ) : (
              <Tooltip title={r.missing.join('、')}>
                <Tag color="warning">{t('assessment.results.missing', { count: r.missing.length })}</Tag>
              </Tooltip>
            ),
        },
      ]}
    />
  );
}
