// Rectification items over time: how many are open, how many closed (销号), and how many of the
// open ones are overdue. Long time lines open on their latest 90 days with a scroll bar.
import type { LineSeriesOption } from 'echarts/charts';
import type { DataZoomComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption, EChartsCoreOption } from 'echarts/core';
import { type ChartLabels, defaultChartLabels } from '../chart-labels';
import { dataIndexOf, fillTemplate } from '../chart-format';
import { SERIES_COLORS } from '../chart-palette';
import { type TooltipRow, tooltipHtml } from '../tooltip-html';
import { buildCategoryZoom } from './category-zoom';
import { CATEGORY_AXIS_LOOK, LEGEND_TEXT, TOOLTIP_BOX, VALUE_AXIS_LOOK } from './option-blocks';

export interface BurndownPoint {
  /** China calendar date, YYYY-MM-DD (or a week or month label). */
  date: string;
  open: number;
  closed: number;
  overdue?: number | null;
}

export interface RectificationBurndownView {
  points: readonly BurndownPoint[];
  /** Points shown at once before a scroll bar appears. */
  windowSize?: number;
}

type BurndownOption = ComposeOption<
  LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | DataZoomComponentOption
>;

const OPEN_COLOR = SERIES_COLORS[3];
const CLOSED_COLOR = SERIES_COLORS[0];
const OVERDUE_COLOR = SERIES_COLORS[1];

export function buildRectificationBurndownOption(
  view: RectificationBurndownView,
  labels: ChartLabels = defaultChartLabels,
): EChartsCoreOption {
  const { points } = view;
  const hasOverdue = points.some((p) => p.overdue !== null && p.overdue !== undefined);
  const zoom = buildCategoryZoom(points.length, view.windowSize ?? 90, 'x', { from: 'end' });
  const count = (n: number | null | undefined) => (n === null || n === undefined ? '—' : fillTemplate(labels.itemCount, { count: n }));
  const line = { type: 'line' as const, symbol: points.length > 40 ? 'none' : 'circle', symbolSize: 5, emphasis: { disabled: true } };

  const option: BurndownOption = {
    animation: points.length <= 200,
    legend: { top: 0, left: 0, data: [labels.open, labels.closed, ...(hasOverdue ? [labels.overdue] : [])], ...LEGEND_TEXT },
    grid: { left: 8, right: 16, top: 40, bottom: zoom.length ? 32 : 8 },
    tooltip: {
      trigger: 'axis',
      ...TOOLTIP_BOX,
      formatter: (params: unknown) => {
        const point = points[dataIndexOf(params) ?? -1];
        if (!point) return '';
        const rows: TooltipRow[] = [
          { label: labels.open, value: count(point.open), color: OPEN_COLOR },
          { label: labels.closed, value: count(point.closed), color: CLOSED_COLOR },
        ];
        if (hasOverdue) rows.push({ label: labels.overdue, value: count(point.overdue), color: OVERDUE_COLOR });
        return tooltipHtml(point.date, rows);
      },
    },
    xAxis: { type: 'category', boundaryGap: false, data: points.map((p) => p.date), ...CATEGORY_AXIS_LOOK },
    yAxis: { type: 'value', minInterval: 1, ...VALUE_AXIS_LOOK },
    dataZoom: zoom,
    series: [
      {
        ...line,
        name: labels.open,
        itemStyle: { color: OPEN_COLOR },
        lineStyle: { width: 2.5 },
        areaStyle: { color: OPEN_COLOR, opacity: 0.12 },
        data: points.map((p) => p.open),
      },
      { ...line, name: labels.closed, itemStyle: { color: CLOSED_COLOR }, lineStyle: { width: 2.5 }, data: points.map((p) => p.closed) },
      ...(hasOverdue
        ? [
            {
              ...line,
              name: labels.overdue,
              itemStyle: { color: OVERDUE_COLOR },
              lineStyle: { width: 1.5, type: 'dashed' as const },
              data: points.map((p) => p.overdue ?? '-'),
            },
          ]
        : []),
    ],
  };
  return option;
}
