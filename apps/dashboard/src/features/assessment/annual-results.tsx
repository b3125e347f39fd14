// Annual results (年度考核结果): Σ weight × each quarter's published final, ranked and graded
// within the group like a quarter; a unit missing a quarter is unscored for the year.
import { useQuery } from '@tanstack/react-query';
import { Alert, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outputs } from '../../api-types';
import { errorMessage, useTRPC } from '../../trpc';
import { formatPoints } from './assessment-format';
import { GradeTag, RankDelta, RoundStatusTag } from './ranking-table';

type AnnualRow = Outputs['assessment']['results']['annual']['groups'][number]['rows'][number];

export function AnnualResults({ year }: { year: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const annual = useQuery(trpc.assessment.results.annual.queryOptions({ year }));
  const [group, setGroup] = useState<string | null>(null);
  if (annual.error) return <Alert type="warning" showIcon title={errorMessage(annual.error)} />;
  const data = annual.data;
  const current = data?.groups.find((g) => g.code === group) ?? data?.groups[0];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="annual-results">
      {data && (
        <Space wrap>
          <Typography.Text type="secondary">{t('assessment.annual.weights')}</Typography.Text>
          {data.quarters.map((q) => (
            <Space key={q.period} size={2}>
              <Tag>{`${q.period} × ${formatPoints(q.weight)}`}</Tag>
              {q.status ? <RoundStatusTag status={q.status} /> : <Tag>{t('assessment.annual.noRound')}</Tag>}
            </Space>
          ))}
        </Space>
      )}
      {data && data.quarters.some((q) => q.status === null || q.status === 'draft') && (
        <Alert type="info" showIcon title={t('assessment.annual.incomplete')} />
      )}
      {data && (
        <Segmented
          value={current?.code}
          onChange={(v) => setGroup(String(v))}
          options={data.groups.map((g) => ({ value: g.code, label: `${g.code} ${g.name}` }))}
        />
      )}
      <Table<AnnualRow>
        size="small"
        rowKey="unit"
        loading={annual.isPending}
        dataSource={current?.rows ?? []}
        pagination={(current?.rows.length ?? 0) > 50 ? { pageSize: 50 } : false}
        columns={[
          {
            title: t('assessment.results.rank'),
            dataIndex: 'rank',
            width: 70,
            render: (r: number | null, row) => r ?? (row.isVetoFail ? t('assessment.results.vetoed') : '—'),
          },
          {
            title: t('assessment.results.movement'),
            dataIndex: 'rankDelta',
            width: 80,
            render: (d: number | null) => <RankDelta delta={d} />,
          },
          { title: t('assessment.results.unit'), dataIndex: 'name' },
          ...(data?.quarters ?? []).map((q, i) => ({
            title: q.period,
            key: q.period,
            width: 90,
            align: 'right' as const,
            render: (_: unknown, row: AnnualRow) => {
              const f = row.periods[i]?.final;
              return f === null || f === undefined ? '—' : f.toFixed(2);
            },
          })),
          {
            title: t('assessment.annual.final'),
            dataIndex: 'final',
            width: 100,
            align: 'right',
            render: (f: number | null, row) =>
              f === null ? (
                <Tooltip title={row.unscoredReason}>{t('assessment.annual.unscored')}</Tooltip>
              ) : (
                <Typography.Text strong>{f.toFixed(2)}</Typography.Text>
              ),
          },
          {
            title: t('assessment.results.grade'),
            dataIndex: 'grade',
            width: 90,
            render: (g: string | null, row) => <GradeTag grade={g} isQuotaDemoted={row.isQuotaDemoted} />,
          },
          {
            title: t('assessment.results.veto'),
            dataIndex: 'vetoes',
            width: 90,
            render: (v: string[]) =>
              v.map((c) => (
                <Tag key={c} color="red">
                  {c}
                </Tag>
              )),
          },
        ]}
      />
    </Space>
  );
}
