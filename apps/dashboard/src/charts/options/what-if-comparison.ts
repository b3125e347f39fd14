// Official result against a what-if scenario, one row per unit in scenario order: a hollow dot
// at the official score, a filled dot (grade colour) at the scenario score, joined by a line.
// Units whose grade would change are highlighted in red with the change written beside them.
import type { CustomSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption, EChartsCoreOption } from 'echarts/core';
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemReturn } from 'echarts';
import { type ChartLabels, defaultChartLabels } from '../chart-labels';
import { dataIndexOf, fillTemplate, formatRankDelta } from '../chart-format';
import { formatScore } from '../../lib/format-number';
import { gradeColor, INK } from '../chart-palette';
import { type TooltipRow, tooltipHtml } from '../tooltip-html';
import { buildCategoryZoom } from './category-zoom';
import { LEGEND_TEXT, TOOLTIP_BOX, VALUE_AXIS_LOOK } from './option-blocks';

export interface WhatIfResult {
  score: number | null;
  rank: number | null;
  grade: string | null;
}

export interface WhatIfUnit {
  key: string;
  name: string;
  official: WhatIfResult;
  scenario: WhatIfResult;
}

export interface WhatIfComparisonView {
  units: readonly WhatIfUnit[];
  passScore?: number | null;
  windowSize?: number;
}

type WhatIfOption = ComposeOption<
  | ScatterSeriesOption
  | CustomSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | DataZoomComponentOption
  | MarkLineComponentOption
>;

const OFFICIAL_COLOR = '#595959';
const CHANGED_COLOR = INK.passLine;

export const isGradeChanged = (u: WhatIfUnit): boolean => u.official.grade !== u.scenario.grade;

/** Scenario rank order (unranked last by scenario score), ties by key. */
export function orderWhatIfUnits(units: readonly WhatIfUnit[]): WhatIfUnit[] {
  const tier = (u: WhatIfUnit) => (u.scenario.rank !== null ? 0 : u.scenario.score !== null ? 1 : 2);
  return [...units].sort(
    (a, b) =>
      tier(a) - tier(b) ||
      (a.scenario.rank ?? 0) - (b.scenario.rank ?? 0) ||
      (b.scenario.score ?? 0) - (a.scenario.score ?? 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

const isLabelOnOfficial = (u: WhatIfUnit): boolean =>
  u.official.score !== null && (u.scenario.score === null || u.official.score > u.scenario.score);

/** Official rank − scenario rank: positive when the scenario moves the unit up. */
export function scenarioRankDelta(u: WhatIfUnit): number | null {
  return u.official.rank === null || u.scenario.rank === null ? null : u.official.rank - u.scenario.rank;
}

export function buildWhatIfComparisonOption(view: WhatIfComparisonView, labels: ChartLabels = defaultChartLabels): EChartsCoreOption {
  const units = orderWhatIfUnits(view.units);
  const zoom = buildCategoryZoom(units.length, view.windowSize ?? 60, 'y');
  const byKey = new Map(units.map((u) => [u.key, u]));
  const maxScore = units.reduce((m, u) => Math.max(m, u.official.score ?? 0, u.scenario.score ?? 0), 0);
  const minScore = units.reduce((m, u) => Math.min(m, u.official.score ?? 100, u.scenario.score ?? 100), 100);
  const passScore = view.passScore ?? null;

  const pointLabel = (params: unknown): string => {
    const unit = units[dataIndexOf(params) ?? -1];
    if (!unit) return '';
    const parts = [formatRankDelta(scenarioRankDelta(unit))].filter(Boolean);
    if (isGradeChanged(unit))
      parts.push(fillTemplate(labels.gradeChange, { from: unit.official.grade ?? '—', to: unit.scenario.grade ?? '—' }));
    return parts.join('  ');
  };

  const series: WhatIfOption['series'] = [
    {
      type: 'custom',
      name: 'connector',
      silent: true,
      encode: { y: 0, x: [1, 2] },
      data: units.map((u, i) => [i, u.official.score ?? '-', u.scenario.score ?? '-']),
      renderItem: (_params, api) => renderConnector(api),
      z: 1,
    },
    {
      type: 'scatter',
      name: labels.official,
      symbol: 'circle',
      symbolSize: 9,
      itemStyle: { color: '#ffffff', borderColor: OFFICIAL_COLOR, borderWidth: 1.5 },
      // The change is written right of whichever dot is further right, clear of the connector.
      data: units.map((u, i) => ({
        value: [u.official.score ?? '-', i],
        label: {
          show: isLabelOnOfficial(u),
          color: isGradeChanged(u) ? CHANGED_COLOR : INK.muted,
          fontWeight: isGradeChanged(u) ? ('bold' as const) : ('normal' as const),
        },
      })),
      label: { show: false, position: 'right', distance: 8, fontSize: 11, color: INK.muted, formatter: pointLabel },
      z: 2,
    },
    {
      type: 'scatter',
      name: labels.scenario,
      symbol: 'circle',
      symbolSize: 10,
      itemStyle: { color: gradeColor(null) },
      data: units.map((u, i) => ({
        value: [u.scenario.score ?? '-', i],
        itemStyle: { color: gradeColor(u.scenario.grade), ...(isGradeChanged(u) ? { borderColor: CHANGED_COLOR, borderWidth: 2 } : {}) },
        label: {
          show: !isLabelOnOfficial(u),
          color: isGradeChanged(u) ? CHANGED_COLOR : INK.muted,
          fontWeight: isGradeChanged(u) ? ('bold' as const) : ('normal' as const),
        },
      })),
      label: { show: true, position: 'right', distance: 8, fontSize: 11, formatter: pointLabel },
      z: 3,
    },
  ];
  if (passScore !== null) {
    series.push({
      type: 'line',
      name: 'pass-line',
      data: [],
      silent: true,
      markLine: {
        silent: true,
        symbol: 'none',
        lineStyle: { color: INK.passLine, type: 'dashed', width: 1.5 },
        // The category axis is inverted, so the line starts at the top: label it there, clear of the score axis.
        label: { position: 'start', color: INK.passLine, formatter: () => fillTemplate(labels.passLine, { score: passScore }) },
        data: [{ xAxis: passScore }],
      },
    });
  }

  const option: WhatIfOption = {
    animation: units.length <= 300,
    animationDurationUpdate: 300,
    legend: { top: 0, left: 0, data: [labels.official, labels.scenario], ...LEGEND_TEXT },
    grid: { left: 8, right: zoom.length ? 40 : 24, top: 32, bottom: 8 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      ...TOOLTIP_BOX,
      formatter: (params: unknown) => {
        const unit = units[dataIndexOf(params) ?? -1];
        return unit ? whatIfTooltip(unit, labels) : '';
      },
    },
    xAxis: {
      type: 'value',
      min: Math.max(0, Math.floor(Math.min(minScore, passScore ?? 100) / 10) * 10 - 10),
      max: Math.max(100, Math.ceil(maxScore / 5) * 5),
      name: labels.score,
      nameTextStyle: { color: INK.muted },
      ...VALUE_AXIS_LOOK,
    },
    yAxis: {
      type: 'category',
      inverse: true,
      // A unit whose grade would change gets a red, bold label (per-category style, no rich text).
      data: units.map((u) =>
        isGradeChanged(u) ? { value: u.key, textStyle: { color: CHANGED_COLOR, fontWeight: 'bold' as const } } : u.key,
      ),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: INK.axis } },
      axisLabel: {
        interval: 0,
        color: INK.text,
        width: 200,
        overflow: 'truncate',
        formatter: (key: string) => {
          const unit = byKey.get(key);
          return unit ? `${unit.scenario.rank ?? '—'}  ${unit.name}` : key;
        },
      },
    },
    dataZoom: zoom,
    series,
  };
  return option;
}

/** A line from the official to the scenario score on the unit's row. */
export function renderConnector(api: Pick<CustomSeriesRenderItemAPI, 'value' | 'coord'>): CustomSeriesRenderItemReturn {
  const [y, from, to] = [0, 1, 2].map((d) => Number(api.value(d)));
  if (y === undefined || from === undefined || to === undefined || !Number.isFinite(from) || !Number.isFinite(to)) return null;
  const [x1 = 0, cy = 0] = api.coord([from, y]);
  const [x2 = 0] = api.coord([to, y]);
  return { type: 'line', shape: { x1, y1: cy, x2, y2: cy }, style: { stroke: INK.axis, lineWidth: 2 } };
}

function whatIfTooltip(unit: WhatIfUnit, labels: ChartLabels): string {
  const describe = (r: WhatIfResult) =>
    `${formatScore(r.score)} · ${r.rank === null ? '—' : fillTemplate(labels.rankValue, { rank: r.rank })} · ${r.grade ?? '—'}`;
  const rows: TooltipRow[] = [
    { label: labels.official, value: describe(unit.official), color: OFFICIAL_COLOR },
    { label: labels.scenario, value: describe(unit.scenario), color: gradeColor(unit.scenario.grade) },
  ];
  const delta = scenarioRankDelta(unit);
  if (delta !== null && delta !== 0)
    rows.push({
      label: labels.movement,
      value: fillTemplate(labels.rankChange, { from: unit.official.rank ?? '—', to: unit.scenario.rank ?? '—' }),
    });
  if (isGradeChanged(unit)) {
    rows.push({
      label: labels.gradeChanged,
      value: fillTemplate(labels.gradeChange, { from: unit.official.grade ?? '—', to: unit.scenario.grade ?? '—' }),
      isStrong: true,
    });
  }
  return tooltipHtml(unit.name, rows);
}
