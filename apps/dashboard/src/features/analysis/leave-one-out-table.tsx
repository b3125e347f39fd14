import { Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisGroup } from '@kaoping/domain/analysis/analysis-group';
import { computeLeaveOneOut, type LeaveOneOutUnit } from '@kaoping/domain/analysis/rank-stability';
import { formatRankDelta } from '../../charts/chart-format';
import { MOVEMENT_COLORS } from '../../charts/chart-palette';
import { rankChangeTone } from './analysis-views';

/** Each unit's rank with each level-1 indicator removed (exact, computed in the browser). */
export function LeaveOneOutTable({ group }: { group: AnalysisGroup }) {
  const { t } = useTranslation();
  const result = useMemo(() => computeLeaveOneOut(group), [group]);
  const columns: ColumnsType<LeaveOneOutUnit> = [
    { title: t('analysis.stability.columns.unit'), dataIndex: 'name', fixed: 'left', width: 200, ellipsis: true },
    {
      title: t('analysis.stability.columns.officialRank'),
      dataIndex: 'officialRank',
      width: 80,
      align: 'right',
      render: (r: number | null) => r ?? '—',
    },
    ...result.indicators.map((indicator, i) => ({
      key: indicator.code,
      width: 150,
      align: 'center' as const,
      title: (
        <div style={{ lineHeight: 1.4 }}>
          <div>{t('analysis.stability.removed', { name: indicator.name })}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {t('analysis.stability.changedUnits')} {t('analysis.stability.unitsChanged', { count: indicator.changedCount })}
            {indicator.maxShift > 0 ? `,${t('analysis.stability.maxShift', { n: indicator.maxShift })}` : ''}
          </Typography.Text>
        </div>
      ),
      render: (_: unknown, row: LeaveOneOutUnit) => {
        const rank = row.ranks[i] ?? null;
        const change = row.officialRank !== null && rank !== null ? row.officialRank - rank : null;
        const tone = rankChangeTone(change);
        return (
          <span>
            {rank ?? '—'}{' '}
            {tone === 'up' || tone === 'down' ? (
              <span style={{ color: MOVEMENT_COLORS[tone], fontSize: 12 }}>{formatRankDelta(change)}</span>
            ) : null}
          </span>
        );
      },
    })),
  ];
  return (
    <Card size="small" title={t('analysis.stability.leaveOneOut')}>
      <Table<LeaveOneOutUnit>
        size="small"
        rowKey="unit"
        bordered
        dataSource={result.units}
        columns={columns}
        pagination={false}
        scroll={{ x: 280 + 150 * result.indicators.length, y: 480 }}
        data-testid="leave-one-out-table"
      />
    </Card>
  );
}
