// One group over the periods: its average score, the spread of its units' scores as a band
// (min–max or 10th–90th percentile) and its pass rate on a second axis.
import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption, EChartsCoreOption } from 'echarts/core';
import { type ChartLabels, defaultChartLabels } from '../chart-labels';
import { dataIndexOf, fillTemplate } from '../chart-format';
import { formatPercent, formatScore } from '../../lib/format-number';
import { INK, SERIES_COLORS } from '../chart-palette';
import { tooltipHtml } from '../tooltip-html';
import { CATEGORY_AXIS_LOOK, LEGEND_TEXT, TOOLTIP_BOX, VALUE_AXIS_LOOK } from './option-blocks';

export interface GroupTrendPoint {
  /** The period as the page shows it (2025Q3, 2025年第三季度…). */
  period: string;
  average: number | null;
  low: number | null;
  high: number | null;
  /** Share of units at or above the pass line, 0–100. */
  passRate: number | null;
}

export interface GroupTrendView {
  groupName: string;
  spread: 'min-max' | 'p10-p90';
  points: readonly GroupTrendPoint[];
  passScore?: number | null;
}

type GroupTrendOption = ComposeOption<
  LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

const AVERAGE_COLOR = SERIES_COLORS[0];
const PASS_RATE_COLOR = SERIES_COLORS[3];

/** A score axis that starts near the lowest value, so a band between 70 and 95 is not flattened. */
export function scoreAxisMin(values: readonly (number | null)[]): number {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return 0;
  return Math.max(0, Math.floor((Math.min(...present) - 5) / 10) * 10);
}

export function buildGroupTrendOption(view: GroupTrendView, labels: ChartLabels = defaultChartLabels): EChartsCoreOption {
  const { points } = view;
  const spreadName = view.spread === 'min-max' ? labels.spreadMinMax : labels.spreadP10P90;
  const hasBand = (p: GroupTrendPoint) => p.low !== null && p.high !== null;
  const lineBase = { type: 'line' as const, connectNulls: false, emphasis: { disabled: true } };
  const passScore = view.passScore ?? null;

  const option: GroupTrendOption = {
    legend: { top: 0, left: 'center', data: [labels.average, spreadName, labels.passRate], ...LEGEND_TEXT },
    grid: { left: 8, right: 8, top: 56, bottom: 8 },
    tooltip: {
      trigger: 'axis',
      ...TOOLTIP_BOX,
      formatter: (params: unknown) => {
        const point = points[dataIndexOf(params) ?? -1];
        if (!point) return '';
        return tooltipHtml(`${view.groupName} · ${point.period}`, [
          { label: labels.average, value: formatScore(point.average), color: AVERAGE_COLOR },
          { label: spreadName, value: hasBand(point) ? `${formatScore(point.low)}–${formatScore(point.high)}` : '—', color: INK.band },
          { label: labels.passRate, value: formatPercent(point.passRate), color: PASS_RATE_COLOR },
        ]);
      },
    },
    xAxis: { type: 'category', boundaryGap: false, data: points.map((p) => p.period), ...CATEGORY_AXIS_LOOK },
    yAxis: [
      {
        type: 'value',
        name: labels.score,
        min: scoreAxisMin(points.flatMap((p) => [p.low, p.average, passScore])),
        max: 100,
        ...VALUE_AXIS_LOOK,
        nameTextStyle: { color: INK.muted },
      },
      {
        type: 'value',
        name: labels.passRate,
        min: 0,
        max: 100,
        axisLabel: { color: INK.muted, formatter: (v: number) => `${v}%` },
        nameTextStyle: { color: INK.muted },
        splitLine: { show: false },
      },
    ],
    series: [
      // The band: an invisible lower line, then (high − low) stacked on it and filled.
      {
        ...lineBase,
        name: 'spread-base',
        stack: 'spread',
        symbol: 'none',
        silent: true,
        lineStyle: { opacity: 0 },
        data: points.map((p) => (hasBand(p) ? p.low : '-')),
      },
      {
        ...lineBase,
        name: spreadName,
        stack: 'spread',
        symbol: 'none',
        silent: true,
        itemStyle: { color: INK.band },
        lineStyle: { opacity: 0 },
        areaStyle: { color: INK.band },
        data: points.map((p) => (p.low !== null && p.high !== null ? p.high - p.low : '-')),
      },
      {
        ...lineBase,
        name: labels.average,
        symbol: 'circle',
        symbolSize: 7,
        itemStyle: { color: AVERAGE_COLOR },
        lineStyle: { width: 2.5 },
        data: points.map((p) => p.average ?? '-'),
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
        ...lineBase,
        name: labels.passRate,
        yAxisIndex: 1,
        symbol: 'diamond',
        symbolSize: 8,
        itemStyle: { color: PASS_RATE_COLOR },
        lineStyle: { type: 'dashed', width: 1.5 },
        data: points.map((p) => p.passRate ?? '-'),
      },
    ],
  };
  return option;
}
