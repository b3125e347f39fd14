// How a unit's score came about: from full marks, the points lost on each indicator, major
// deductions, bonus and a veto cap, down (or up) to the final score. Floating bars sit on an
// invisible stacked base; full marks, subtotals and the final score stand on the axis.
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption, EChartsCoreOption } from 'echarts/core';
import { type ChartLabels, defaultChartLabels } from '../chart-labels';
import { dataIndexOf, formatSigned } from '../chart-format';
import { formatScore } from '../../lib/format-number';
import { INK, SERIES_COLORS } from '../chart-palette';
import { type TooltipRow, tooltipHtml } from '../tooltip-html';
import { TOOLTIP_BOX, VALUE_AXIS_LOOK } from './option-blocks';

export type WaterfallStepKind = 'loss' | 'major' | 'bonus' | 'veto-cap' | 'subtotal';

export interface WaterfallStep {
  kind: WaterfallStepKind;
  /** The indicator's name, or what the page calls the step (重大扣分, 加分, 否决封顶, 小计). */
  label: string;
  /** Change in points on the 100-point scale: negative for losses, deductions and a cap. Ignored for a subtotal. */
  delta: number;
}

export interface ScoreWaterfallView {
  /** Usually 100: the scale the final score is on. */
  full: number;
  steps: readonly WaterfallStep[];
  final: number;
}

type WaterfallOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

interface Bar {
  label: string;
  kind: WaterfallStepKind | 'start' | 'final';
  /** The running total after this bar. */
  total: number;
  delta: number;
  /** Where a floating bar starts (its lower end). */
  base: number;
}

const TOTAL_COLOR = SERIES_COLORS[0];
const UP_COLOR = SERIES_COLORS[2];
const LOSS_COLOR = '#d98c84';
const HARD_DOWN_COLOR = SERIES_COLORS[1];

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** The bars in order with their running totals. */
export function layOutWaterfall(view: ScoreWaterfallView, labels: ChartLabels = defaultChartLabels): Bar[] {
  const bars: Bar[] = [{ label: labels.fullMarks, kind: 'start', total: view.full, delta: 0, base: 0 }];
  let total = view.full;
  for (const step of view.steps) {
    if (step.kind === 'subtotal') {
      bars.push({ label: step.label, kind: 'subtotal', total, delta: 0, base: 0 });
      continue;
    }
    const next = round6(total + step.delta);
    bars.push({ label: step.label, kind: step.kind, total: next, delta: step.delta, base: Math.min(total, next) });
    total = next;
  }
  bars.push({ label: labels.finalScore, kind: 'final', total: view.final, delta: 0, base: 0 });
  return bars;
}

export function buildScoreWaterfallOption(view: ScoreWaterfallView, labels: ChartLabels = defaultChartLabels): EChartsCoreOption {
  const bars = layOutWaterfall(view, labels);
  const isTotal = (b: Bar) => b.kind === 'start' || b.kind === 'subtotal' || b.kind === 'final';
  const common = { type: 'bar' as const, stack: 'waterfall', barMaxWidth: 36, emphasis: { disabled: true } };
  const labelOf = (params: unknown): string => {
    const bar = bars[dataIndexOf(params) ?? -1];
    return !bar ? '' : isTotal(bar) ? formatScore(bar.total) : formatSigned(bar.delta);
  };
  const maxTotal = bars.reduce((m, b) => Math.max(m, b.total, b.base + Math.abs(b.delta)), view.full);

  const option: WaterfallOption = {
    animation: true,
    grid: { left: 8, right: 8, top: 24, bottom: 8 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      ...TOOLTIP_BOX,
      formatter: (params: unknown) => {
        const bar = bars[dataIndexOf(params) ?? -1];
        if (!bar) return '';
        const rows: TooltipRow[] = isTotal(bar)
          ? [{ label: labels.score, value: formatScore(bar.total), color: TOTAL_COLOR }]
          : [
              {
                label: labels.change,
                value: formatSigned(bar.delta),
                color: bar.delta >= 0 ? UP_COLOR : bar.kind === 'loss' ? LOSS_COLOR : HARD_DOWN_COLOR,
              },
              { label: labels.cumulative, value: formatScore(bar.total) },
            ];
        return tooltipHtml(bar.label, rows);
      },
    },
    xAxis: {
      type: 'category',
      data: bars.map((_, i) => String(i)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: INK.axis } },
      axisLabel: { interval: 0, color: INK.text, width: 84, overflow: 'break', formatter: (key: string) => bars[Number(key)]?.label ?? '' },
    },
    yAxis: { type: 'value', min: 0, max: Math.max(100, Math.ceil(maxTotal / 5) * 5), ...VALUE_AXIS_LOOK },
    series: [
      { ...common, name: 'base', silent: true, itemStyle: { color: 'transparent' }, data: bars.map((b) => (isTotal(b) ? 0 : b.base)) },
      {
        ...common,
        name: labels.lostPoints,
        data: bars.map((b) =>
          !isTotal(b) && b.delta < 0 ? { value: -b.delta, itemStyle: { color: b.kind === 'loss' ? LOSS_COLOR : HARD_DOWN_COLOR } } : '-',
        ),
        label: { show: true, position: 'bottom', color: INK.text, fontSize: 11, formatter: labelOf },
      },
      {
        ...common,
        name: labels.bonus,
        itemStyle: { color: UP_COLOR },
        data: bars.map((b) => (!isTotal(b) && b.delta > 0 ? b.delta : '-')),
        label: { show: true, position: 'top', color: INK.text, fontSize: 11, formatter: labelOf },
      },
      {
        ...common,
        name: labels.score,
        itemStyle: { color: TOTAL_COLOR },
        data: bars.map((b) => (isTotal(b) ? b.total : '-')),
        label: { show: true, position: 'top', color: INK.text, fontSize: 11, formatter: labelOf },
      },
    ],
  };
  return option;
}
