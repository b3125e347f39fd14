// Open rectification items per unit, overdue ones first in the bar, units with the most
// overdue items on top. Many units scroll in a window of 30.
import type { BarSeriesOption } from 'echarts/charts';
import type { DataZoomComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption, EChartsCoreOption } from 'echarts/core';
import { type ChartLabels, defaultChartLabels } from '../chart-labels';
import { dataIndexOf, fillTemplate } from '../chart-format';
import { INK, SERIES_COLORS } from '../chart-palette';
import { tooltipHtml } from '../tooltip-html';
import { buildCategoryZoom } from './category-zoom';
import { LEGEND_TEXT, TOOLTIP_BOX, VALUE_AXIS_LOOK } from './option-blocks';

export interface OverdueUnit {
  key: string;
  name: string;
  overdue: number;
  /** Open items still within their deadline; leave out to show overdue only. */
  openOnTime?: number | null;
}

export interface OverdueByUnitView {
  units: readonly OverdueUnit[];
  windowSize?: number;
}

type OverdueOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | DataZoomComponentOption
>;

const OVERDUE_COLOR = SERIES_COLORS[1];
const ON_TIME_COLOR = '#a9c0d8';

export function orderOverdueUnits(units: readonly OverdueUnit[]): OverdueUnit[] {
  return [...units].sort(
    (a, b) => b.overdue - a.overdue || (b.openOnTime ?? 0) - (a.openOnTime ?? 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

export function buildOverdueByUnitOption(view: OverdueByUnitView, labels: ChartLabels = defaultChartLabels): EChartsCoreOption {
  const units = orderOverdueUnits(view.units);
  const showOnTime = units.some((u) => u.openOnTime !== null && u.openOnTime !== undefined);
  const zoom = buildCategoryZoom(units.length, view.windowSize ?? 30, 'y');
  const nameByKey = new Map(units.map((u) => [u.key, u.name]));
  const count = (n: number) => fillTemplate(labels.itemCount, { count: n });
  const bar = { type: 'bar' as const, stack: 'open', barMaxWidth: 18, emphasis: { disabled: true } };
  const numberLabel = (pick: (u: OverdueUnit) => number) => (params: unknown) => {
    const unit = units[dataIndexOf(params) ?? -1];
    const n = unit ? pick(unit) : 0;
    return n > 0 ? String(n) : '';
  };

  const option: OverdueOption = {
    animation: units.length <= 200,
    legend: { top: 0, left: 0, data: [labels.overdue, ...(showOnTime ? [labels.openNotOverdue] : [])], ...LEGEND_TEXT },
    grid: { left: 8, right: zoom.length ? 40 : 24, top: 32, bottom: 8 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      ...TOOLTIP_BOX,
      formatter: (params: unknown) => {
        const unit = units[dataIndexOf(params) ?? -1];
        if (!unit) return '';
        return tooltipHtml(unit.name, [
          { label: labels.overdue, value: count(unit.overdue), color: OVERDUE_COLOR },
          ...(showOnTime ? [{ label: labels.openNotOverdue, value: count(unit.openOnTime ?? 0), color: ON_TIME_COLOR }] : []),
        ]);
      },
    },
    xAxis: { type: 'value', minInterval: 1, ...VALUE_AXIS_LOOK },
    yAxis: {
      type: 'category',
      inverse: true,
      data: units.map((u) => u.key),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: INK.axis } },
      axisLabel: { interval: 0, color: INK.text, width: 200, overflow: 'truncate', formatter: (key: string) => nameByKey.get(key) ?? key },
    },
    dataZoom: zoom,
    series: [
      {
        ...bar,
        name: labels.overdue,
        itemStyle: { color: OVERDUE_COLOR },
        data: units.map((u) => u.overdue),
        label: {
          show: true,
          position: showOnTime ? 'inside' : 'right',
          color: showOnTime ? '#ffffff' : INK.text,
          fontSize: 11,
          formatter: numberLabel((u) => u.overdue),
        },
      },
      ...(showOnTime
        ? [
            {
              ...bar,
              name: labels.openNotOverdue,
              itemStyle: { color: ON_TIME_COLOR },
              data: units.map((u) => u.openOnTime ?? 0),
              label: {
                show: true,
                position: 'right' as const,
                color: INK.muted,
                fontSize: 11,
                formatter: numberLabel((u) => u.openOnTime ?? 0),
              },
            },
          ]
        : []),
    ],
  };
  return option;
}
