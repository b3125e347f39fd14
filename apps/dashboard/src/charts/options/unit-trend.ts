// One unit over the periods: its score (left axis, points coloured by grade) and its rank in
// its group (right axis, inverted so that rank 1 is at the top).
import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption, EChartsCoreOption } from 'echarts/core';
import { type ChartLabels, defaultChartLabels } from '../chart-labels';
import { dataIndexOf, fillTemplate } from '../chart-format';
import { formatScore } from '../../lib/format-number';
import { gradeColor, INK, SERIES_COLORS } from '../chart-palette';
import { type TooltipRow, tooltipHtml } from '../tooltip-html';
import { scoreAxisMin } from './group-trend';
import { CATEGORY_AXIS_LOOK, LEGEND_TEXT, TOOLTIP_BOX, VALUE_AXIS_LOOK } from './option-blocks';

export interface UnitTrendPoint {
  period: string;
  score: number | null;
  rank: number | null;
  /** Units ranked in the group that period ("3 / 20"). */
  rankedCount?: number | null;
  /** The grade as the scheme names it (its colour follows this name). */
  grade?: string | null;
  /** The grade as the UI says it (English in English); the name above when absent. */
  gradeLabel?: string | null;
}

export interface UnitTrendView {
  unitName: string;
  points: readonly UnitTrendPoint[];
  passScore?: number | null;
}

type UnitTrendOption = ComposeOption<
  LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

const SCORE_COLOR = SERIES_COLORS[0];
const RANK_COLOR = SERIES_COLORS[4];

export function buildUnitTrendOption(view: UnitTrendView, labels: ChartLabels = defaultChartLabels): EChartsCoreOption {
  const { points } = view;
  const passScore = view.passScore ?? null;
  const maxRank = points.reduce((m, p) => Math.max(m, p.rank ?? 0, p.rankedCount ?? 0), 1);

  const option: UnitTrendOption = {
    legend: { top: 0, left: 'center', data: [labels.score, labels.rank], ...LEGEND_TEXT },
    grid: { left: 8, right: 8, top: 56, bottom: 8 },
    tooltip: {
      trigger: 'axis',
      ...TOOLTIP_BOX,
      formatter: (params: unknown) => {
        const point = points[dataIndexOf(params) ?? -1];
        if (!point) return '';
        const rows: TooltipRow[] = [
          { label: labels.score, value: formatScore(point.score), color: SCORE_COLOR },
          {
            label: labels.rank,
            value: point.rank === null ? '—' : point.rankedCount ? `${point.rank} / ${point.rankedCount}` : String(point.rank),
            color: RANK_COLOR,
          },
        ];
        if (point.grade) rows.push({ label: labels.grade, value: point.gradeLabel ?? point.grade, color: gradeColor(point.grade) });
        return tooltipHtml(`${view.unitName} · ${point.period}`, rows);
      },
    },
    xAxis: { type: 'category', data: points.map((p) => p.period), ...CATEGORY_AXIS_LOOK },
    yAxis: [
      {
        type: 'value',
        name: labels.score,
        min: scoreAxisMin(points.flatMap((p) => [p.score, passScore])),
        max: 100,
        ...VALUE_AXIS_LOOK,
        nameTextStyle: { color: INK.muted },
      },
      {
        type: 'value',
        name: labels.rank,
        nameLocation: 'start',
        inverse: true,
        min: 1,
        max: maxRank,
        minInterval: 1,
        axisLabel: { color: INK.muted },
        nameTextStyle: { color: INK.muted },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        type: 'line',
        name: labels.score,
        symbol: 'circle',
        symbolSize: 9,
        lineStyle: { width: 2.5, color: SCORE_COLOR },
        itemStyle: { color: SCORE_COLOR },
        label: {
          show: points.length <= 12,
          position: 'top',
          color: INK.text,
          fontSize: 11,
          formatter: (params: unknown) => formatScore(points[dataIndexOf(params) ?? -1]?.score),
        },
        data: points.map((p) =>
          p.score === null ? '-' : { value: p.score, itemStyle: { color: p.grade ? gradeColor(p.grade) : SCORE_COLOR } },
        ),
        ...(passScore === null
          ? {}
          : {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: INK.passLine, type: 'dashed' as const },
                label: {
                  position: 'insideEndTop' as const,
                  color: INK.passLine,
                  formatter: () => fillTemplate(labels.passLine, { score: passScore }),
                },
                data: [{ yAxis: passScore }],
              },
            }),
      },
      {
        type: 'line',
        name: labels.rank,
        yAxisIndex: 1,
        symbol: 'rect',
        symbolSize: 7,
        itemStyle: { color: RANK_COLOR },
        lineStyle: { type: 'dashed', width: 1.5, color: RANK_COLOR },
        data: points.map((p) => p.rank ?? '-'),
      },
    ],
  };
  return option;
}
