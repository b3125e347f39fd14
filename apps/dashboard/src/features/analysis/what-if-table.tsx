import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WhatIfRow } from '@kaoping/domain/analysis/what-if';
import { formatRankDelta } from '../../charts/chart-format';
import { MOVEMENT_COLORS } from '../../charts/chart-palette';
import { useGradeLabel } from '../dashboard/use-grade-label';
import { rankChangeTone } from './analysis-views';

const score = (v: number | null) => (v === null ? '—' : v.toFixed(2));

/**
 * Each unit's official and scenario score, rank and grade; grade changes highlighted. Virtual:
 * only the rows in view are drawn, so a slider step costs the same for 30 units or 3,000.
 */
export const WhatIfTable = memo(function WhatIfTable({ rows }: { rows: readonly WhatIfRow[] }) {
  const { t } = useTranslation();
  const gradeLabel = useGradeLabel();
  const columns = useMemo(
    (): ColumnsType<WhatIfRow> => [
      {
        title: t('analysis.whatIf.columns.unit'),
        dataIndex: 'name',
        fixed: 'left',
        width: 220,
        ellipsis: true,
        render: (name: string, row) => (
          <span title={`${row.unit} ${name}`}>
            {name}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.unit}
            </Typography.Text>
          </span>
        ),
      },
      {
        title: t('analysis.whatIf.columns.official'),
        children: [
          { title: t('analysis.whatIf.columns.score'), width: 80, align: 'right', render: (_, r) => score(r.official.final) },
          { title: t('analysis.whatIf.columns.rank'), width: 64, align: 'right', render: (_, r) => r.official.rank ?? '—' },
          { title: t('analysis.whatIf.columns.grade'), width: 72, render: (_, r) => gradeLabel(r.official.grade) },
        ],
      },
      {
        title: t('analysis.whatIf.columns.scenario'),
        children: [
          {
            title: t('analysis.whatIf.columns.score'),
            width: 80,
            align: 'right',
            render: (_, r) => <span data-testid="scenario-score">{score(r.scenario.final)}</span>,
          },
          {
            title: t('analysis.whatIf.columns.rank'),
            width: 64,
            align: 'right',
            sorter: (a, b) => (a.scenario.rank ?? 1e9) - (b.scenario.rank ?? 1e9),
            render: (_, r) => <span data-testid="scenario-rank">{r.scenario.rank ?? '—'}</span>,
          },
          {
            title: t('analysis.whatIf.columns.grade'),
            width: 72,
            render: (_, r) =>
              r.isGradeChanged ? (
                <Typography.Text strong type="danger">
                  {gradeLabel(r.scenario.grade)}
                </Typography.Text>
              ) : (
                gradeLabel(r.scenario.grade)
              ),
          },
        ],
      },
      {
        title: t('analysis.whatIf.columns.change'),
        width: 88,
        align: 'center',
        sorter: (a, b) => Math.abs(b.rankChange ?? 0) - Math.abs(a.rankChange ?? 0),
        render: (_, r) => {
          const tone = rankChangeTone(r.rankChange);
          return (
            <span style={{ color: tone === 'up' || tone === 'down' ? MOVEMENT_COLORS[tone] : undefined }}>
              {formatRankDelta(r.rankChange)}
            </span>
          );
        },
      },
    ],
    [t, gradeLabel],
  );
  return (
    <>
      <style>
        {
          '.kp-grade-changed > .ant-table-cell { background: #fff1f0 !important; } .kp-rank-changed > .ant-table-cell { background: #fffbe6 !important; }'
        }
      </style>
      <Table<WhatIfRow>
        size="small"
        rowKey="unit"
        bordered
        dataSource={rows as WhatIfRow[]}
        columns={columns}
        pagination={false}
        virtual
        scroll={{ x: 760, y: 560 }}
        rowClassName={(r) => (r.isGradeChanged ? 'kp-grade-changed' : r.isRankChanged ? 'kp-rank-changed' : '')}
        data-testid="whatif-table"
      />
    </>
  );
});
