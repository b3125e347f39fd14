// Units × level-1 indicators of one group, coloured by the share of points earned (0–100%),
// so a column that is dark everywhere shows the indicator the whole group fails. A not
// applicable cell is grey with a dash.
import type { HeatmapSeriesOption } from 'echarts/charts';
import type { DataZoomComponentOption, GridComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { ComposeOption, EChartsCoreOption } from 'echarts/core';
import { type ChartLabels, defaultChartLabels } from '../chart-labels';
import { formatPercent } from '../../lib/format-number';
import { HEAT_COLORS, INK } from '../chart-palette';
import { tooltipHtml } from '../tooltip-html';
import { buildCategoryZoom } from './category-zoom';
import { TOOLTIP_BOX } from './option-blocks';

export interface HeatMapIndicator {
  code: string;
  name: string;
}

export interface HeatMapUnit {
  key: string;
  name: string;
  /** Share of points earned per indicator, 0–100, in `indicators` order; null when not applicable. */
  shares: readonly (number | null)[];
}

export interface HeatMapView {
  indicators: readonly HeatMapIndicator[];
  units: readonly HeatMapUnit[];
  /** The group's average share per indicator, drawn as a first, bold row. */
  average?: readonly (number | null)[] | null;
  /** Rows shown at once before a scroll bar appears. */
  windowSize?: number;
  /** Indicator names across the top: stacked vertically (Chinese reads well so, and fits narrow columns) or in one line. Default: vertical above 6 indicators. */
  columnLabels?: 'horizontal' | 'vertical';
}

type HeatMapOption = ComposeOption<
  HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption | DataZoomComponentOption
>;

const DEFAULT_WINDOW = 30;
const VERTICAL_LABEL_CHARS = 8;
/** A row key no unit code can take (codes have no spaces). */
const AVERAGE_KEY = ' average';
const ROW_HEIGHT = 22;

/** A height that gives each visible row room for its label; pages may use it for the host. */
export function heatMapHeight(view: HeatMapView): number {
  const rows = view.units.length + (view.average ? 1 : 0);
  return Math.min(rows, view.windowSize ?? DEFAULT_WINDOW) * ROW_HEIGHT + 150;
}

export function buildHeatMapOption(view: HeatMapView, labels: ChartLabels = defaultChartLabels): EChartsCoreOption {
  const { indicators } = view;
  const rows: HeatMapUnit[] = [
    ...(view.average ? [{ key: AVERAGE_KEY, name: labels.groupAverage, shares: view.average }] : []),
    ...view.units,
  ];
  const zoom = buildCategoryZoom(rows.length, view.windowSize ?? DEFAULT_WINDOW, 'y');
  const isVertical = (view.columnLabels ?? (indicators.length > 6 ? 'vertical' : 'horizontal')) === 'vertical';
  // ECharts passes the item's value [column, row, share]: find the cell from it.
  const cellOf = (params: unknown) => {
    const first: unknown = Array.isArray(params) ? params[0] : params;
    const value = typeof first === 'object' && first !== null ? (first as { value?: unknown }).value : null;
    if (!Array.isArray(value)) return null;
    const row = rows[Number(value[1])];
    const indicator = indicators[Number(value[0])];
    return row && indicator ? { row, indicator, share: row.shares[Number(value[0])] ?? null } : null;
  };

  // Two series: the shares, coloured by the visual map, and the not-applicable cells in grey.
  const shares: HeatmapSeriesOption['data'] = [];
  const notApplicable: [number, number, number][] = [];
  rows.forEach((row, r) => {
    indicators.forEach((_, c) => {
      const share = row.shares[c] ?? null;
      if (share === null) notApplicable.push([c, r, 0]);
      // Dark cells take white text; the rest keep the default dark text.
      else shares.push(share < 45 ? { value: [c, r, share], label: { color: '#ffffff' } } : [c, r, share]);
    });
  });
  const nameByKey = new Map(rows.map((row) => [row.key, row.name]));
  const nameByCode = new Map(indicators.map((i) => [i.code, i.name]));
  const columnLabel = (code: string) => {
    const name = nameByCode.get(code) ?? code;
    if (!isVertical) return name;
    const chars = [...name];
    return (chars.length > VERTICAL_LABEL_CHARS ? [...chars.slice(0, VERTICAL_LABEL_CHARS - 1), '…'] : chars).join('\n');
  };
  const longest = indicators.reduce((m, i) => Math.max(m, Math.min([...i.name].length, VERTICAL_LABEL_CHARS)), 1);
  const cellLabel = {
    show: indicators.length <= 16,
    fontSize: 11,
    color: INK.text,
    formatter: (params: unknown) => {
      const cell = cellOf(params);
      return !cell ? '' : cell.share === null ? '—' : String(Math.round(cell.share));
    },
  };

  const option: HeatMapOption = {
    animation: rows.length * indicators.length <= 600,
    grid: { left: 8, right: zoom.length ? 36 : 16, top: isVertical ? longest * 14 + 20 : 48, bottom: 48 },
    tooltip: {
      trigger: 'item',
      ...TOOLTIP_BOX,
      formatter: (params: unknown) => {
        const cell = cellOf(params);
        if (!cell) return '';
        return tooltipHtml(cell.row.name, [
          { label: cell.indicator.name, value: cell.share === null ? labels.notApplicable : formatPercent(cell.share) },
        ]);
      },
    },
    xAxis: {
      type: 'category',
      position: 'top',
      data: indicators.map((i) => i.code),
      axisTick: { show: false },
      axisLine: { show: false },
      splitArea: { show: false },
      axisLabel: {
        interval: 0,
        color: INK.text,
        lineHeight: 14,
        ...(isVertical ? {} : { width: 96, overflow: 'truncate' as const }),
        formatter: columnLabel,
      },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => (row.key === AVERAGE_KEY ? { value: row.key, textStyle: { fontWeight: 'bold' } } : row.key)),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { interval: 0, color: INK.text, width: 180, overflow: 'truncate', formatter: (key: string) => nameByKey.get(key) ?? key },
    },
    visualMap: [
      {
        type: 'continuous',
        seriesIndex: 0,
        min: 0,
        max: 100,
        dimension: 2,
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 4,
        itemWidth: 12,
        itemHeight: 200,
        textStyle: { color: INK.muted },
        formatter: (value: unknown) => `${Math.round(Number(value))}%`,
        inRange: { color: [...HEAT_COLORS] },
      },
      // ECharts draws heat map cells only through a visual map: the not-applicable series gets a hidden, single-colour one.
      {
        type: 'continuous',
        seriesIndex: 1,
        show: false,
        min: 0,
        max: 1,
        dimension: 2,
        inRange: { color: [INK.notApplicable, INK.notApplicable] },
      },
    ],
    dataZoom: zoom,
    series: [
      {
        type: 'heatmap',
        name: labels.share,
        data: shares,
        // 300 × 12 = 3,600 cells draw in one frame; only far larger maps render in chunks.
        progressive: 2000,
        progressiveThreshold: 10_000,
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        label: cellLabel,
        emphasis: { itemStyle: { borderColor: INK.text, borderWidth: 1 } },
      },
      {
        type: 'heatmap',
        name: labels.notApplicable,
        data: notApplicable,
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        label: cellLabel,
        emphasis: { itemStyle: { borderColor: INK.text, borderWidth: 1 } },
      },
    ],
  };
  return option;
}
