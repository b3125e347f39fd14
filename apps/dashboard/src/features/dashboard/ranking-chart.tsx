import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildRankingBarOption, type RankingUnit } from '../../charts/options/ranking-bar';
import { useChartLabels } from '../../charts/use-chart-labels';
import type { Outputs } from '../../api-types';
import { DashboardChart } from './dashboard-chart';

type RankingRow = Outputs['dashboard']['ranking']['rows'][number];

/** Bars shown at once; more scroll (the builder windows the data, so 3,000 units stay fast). */
export const RANKING_WINDOW = 30;

/** One group's ranking as bars coloured by grade with movement arrows; a click opens the unit. */
export function RankingChart({
  rows,
  passScore,
  groupName,
  onOpenUnit,
}: {
  rows: readonly RankingRow[];
  passScore: number | null;
  groupName: string;
  onOpenUnit: (unit: string) => void;
}) {
  const { t } = useTranslation();
  const labels = useChartLabels();
  const units = useMemo<RankingUnit[]>(
    () =>
      rows.map((r) => ({
        key: r.unit,
        name: r.name,
        score: r.final,
        rank: r.rank,
        rankDelta: r.rankDelta,
        grade: r.grade,
        isVetoFail: r.isVetoFail,
      })),
    [rows],
  );
  const option = useMemo(() => buildRankingBarOption({ units, passScore, windowSize: RANKING_WINDOW }, labels), [units, passScore, labels]);
  const events = useMemo(() => ({ click: (p: { name?: string }) => p.name && onOpenUnit(p.name) }), [onOpenUnit]);
  const visible = Math.min(rows.length, RANKING_WINDOW);
  return (
    <DashboardChart
      id="ranking-chart"
      option={option}
      ariaLabel={t('dashboard.rankings.chartLabel', { group: groupName })}
      height={visible * 24 + 56}
      onEvents={events}
    />
  );
}
