// Units × level-1 indicators of one group, coloured by the share of points earned (0–100%),
// so a column that is dark everywhere shows the indicator the whole group fails. A not
// applicable cell is grey with a dash.
import type { HeatmapSeriesOption } from 'echarts/charts';
import type { DataZoomComponentOption, GridComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { ComposeOption, EChartsCoreOption } from 'echarts/core';
import { type ChartLabels, defaultChartLabels } from '../chart-labels';
import { dataIndexOf, formatShare } from '../chart-format';
import { HEAT_COLORS, INK } from '../chart-palette';
import { tooltipHtml } from '../tooltip-html';
import { buildCategoryZoom } from './category-zoom';

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
}

type HeatMapOption = ComposeOption<HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption | DataZoomComponentOption>;

const DEFAULT_WINDOW = 30;
/** Stands for "not applicable": below the visual map's range, so it takes the out-of-range grey. */
const NOT_APPLICABLE = -1;
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
  const rows: HeatMapUnit[] = [...(view.average ? [{ key: AVERAGE_KEY, name: labels.groupAverage, shares: view.average }] : []), ...view.units];
  const columns = indicators.length;
  const zoom = buildCategoryZoom(rows.length, view.windowSize ?? DEFAULT_WINDOW, 'y');
  const cellOf = (dataIndex: number | null) => {
    if (dataIndex === null || columns === 0) return null;
    const row = rows[Math.floor(dataIndex / columns)];
    const indicator = indicators[dataIndex % columns];
    return row && indicator ? { row, indicator, share: row.shares[dataIndex % columns] ?? null } : null;
  };

  const data: HeatmapSeriesOption['data'] = [];
  rows.forEach((row, r) => {
    indicators.forEach((_, c) => {
      const share = row.shares[c] ?? null;
      const value = share === null ? NOT_APPLICABLE : share;
      // Dark cells take white text; the rest keep the default dark text.
      data.push(share !== null && share < 45 ? { value: [c, r, value], label: { color: '#ffffff' } } : [c, r, value]);
    });
  });
  const nameByKey = new Map(rows.map((row) => [row.key, row.name]));
  const nameByCode = new Map(indicators.map((i) => [i.code, i.name]));

  const option: HeatMapOption = {
    animation: rows.length * columns <= 600,
    grid: { left: 8, right: zoom.length ? 36 : 16, top: 48, bottom: 56 },
    tooltip: {
      trigger: 'item',
      confine: true,
      className: 'kp-chart-tooltip',
      formatter: (params: unknown) => {
        const cell = cellOf(dataIndexOf(params));
        if (!cell) return '';
        return tooltipHtml(cell.row.name, [{ label: cell.indicator.name, value: cell.share === null ? labels.notApplicable : formatShare(cell.share) }]);
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
        width: 96,
        overflow: 'truncate',
        formatter: (code: string) => nameByCode.get(code) ?? code,
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
    visualMap: {
      type: 'continuous',
      min: 0,
      max: 100,
      dimension: 2,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      itemWidth: 12,
      itemHeight: 200,
      text: ['100%', '0%'],
      textStyle: { color: INK.muted },
      formatter: (value: unknown) => `${Math.round(Number(value))}%`,
      inRange: { color: [...HEAT_COLORS] },
      outOfRange: { color: INK.notApplicable },
    },
    dataZoom: zoom,
    series: [
      {
        type: 'heatmap',
        name: labels.share,
        data,
        // 300 × 12 = 3,600 cells draw in one frame; only far larger maps render in chunks.
        progressive: 2000,
        progressiveThreshold: 10_000,
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        label: {
          show: columns <= 16,
          fontSize: 11,
          color: INK.text,
          formatter: (params: unknown) => {
            const cell = cellOf(dataIndexOf(params));
            return !cell ? '' : cell.share === null ? '—' : String(Math.round(cell.share));
          },
        },
        emphasis: { itemStyle: { borderColor: INK.text, borderWidth: 1 } },
      },
    ],
  };
  return option;
}
