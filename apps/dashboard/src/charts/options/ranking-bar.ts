// One group's ranking as horizontal bars: best on top, coloured by grade, score and rank
// movement at the end of each bar, the pass line, and optionally each unit's 5–95% interval
// (rank or score) from the stability analysis of issue 7, drawn as whiskers in a panel to the
// right of the bars, row by row, so that neither hides the other.
import type { BarSeriesOption, CustomSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption, EChartsCoreOption } from 'echarts/core';
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemReturn, XAXisComponentOption } from 'echarts';
import { type ChartLabels, defaultChartLabels } from '../chart-labels';
import { dataIndexOf, fillTemplate, formatRankDelta, movementOf } from '../chart-format';
import { formatScore } from '../../lib/format-number';
import { gradeColor, INK, MOVEMENT_COLORS, sortGrades } from '../chart-palette';
import { type TooltipRow, tooltipHtml } from '../tooltip-html';
import { buildCategoryZoom } from './category-zoom';
import { LEGEND_TEXT, TOOLTIP_BOX, VALUE_AXIS_LOOK } from './option-blocks';

export interface RankingUnit {
  /** Unique within the chart (unit code); click events report it as `name`. */
  key: string;
  name: string;
  score: number | null;
  rank: number | null;
  /** Previous rank − this rank: positive moved up; null when not ranked last period. */
  rankDelta: number | null;
  grade: string | null;
  isVetoFail?: boolean;
  /** 5–95% interval and median, of the rank or the score (see `intervalKind`). */
  interval?: { low: number; high: number; median: number } | null;
  /** Its order against the next unit down is not robust under weight perturbation. */
  isNotRobust?: boolean;
}

export interface RankingBarView {
  units: readonly RankingUnit[];
  passScore?: number | null;
  intervalKind?: 'rank' | 'score' | null;
  /** Bars shown at once before a scroll bar appears. */
  windowSize?: number;
}

type RankingOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | CustomSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | DataZoomComponentOption
  | MarkLineComponentOption
>;

const DEFAULT_WINDOW = 60;
/** Above this many visible bars a series is drawn as one path (no per-bar labels or hover). */
const LARGE_THRESHOLD = 400;

/** Ranked units by rank (ties by key), then unranked ones by score, then the unscored. */
export function orderRankingUnits(units: readonly RankingUnit[]): RankingUnit[] {
  const tier = (u: RankingUnit) => (u.rank !== null ? 0 : u.score !== null ? 1 : 2);
  return [...units].sort(
    (a, b) =>
      tier(a) - tier(b) || (a.rank ?? 0) - (b.rank ?? 0) || (b.score ?? 0) - (a.score ?? 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

export function buildRankingBarOption(view: RankingBarView, labels: ChartLabels = defaultChartLabels): EChartsCoreOption {
  const units = orderRankingUnits(view.units);
  const windowSize = view.windowSize ?? DEFAULT_WINDOW;
  const intervalKind = view.intervalKind ?? null;
  const zoom = buildCategoryZoom(units.length, windowSize, 'y', { axisIndex: intervalKind ? [0, 1] : 0 });
  const rankedCount = units.reduce((n, u) => (u.rank !== null ? n + 1 : n), 0);
  const maxScore = units.reduce((m, u) => Math.max(m, u.score ?? 0), 0);
  const nameByKey = new Map(units.map((u) => [u.key, u.name]));
  const rankLabelByKey = new Map(units.map((u) => [u.key, u.rank === null ? '—' : String(u.rank)]));
  const gradeKey = (u: RankingUnit) => u.grade ?? labels.unscored;
  const gradeNames: Readonly<Record<string, string>> = labels.gradeNames;
  const gradeName = (grade: string) => gradeNames[grade] ?? grade;
  const grades = sortGrades(units.filter((u) => u.score !== null).map(gradeKey));

  const barLabel = (params: unknown): string => {
    const unit = units[dataIndexOf(params) ?? -1];
    if (!unit) return '';
    const movement = movementOf(unit.rankDelta);
    const parts = [`{score|${formatScore(unit.score)}}`];
    // With the interval panel beside the bars, only the score fits before it.
    if (movement !== 'none' && !intervalKind) parts.push(`{${movement}|${formatRankDelta(unit.rankDelta)}}`);
    if (unit.isVetoFail) parts.push(`{veto|${labels.vetoFail}}`);
    if (unit.isNotRobust) parts.push('{muted|≈}');
    return parts.join(' ');
  };

  const gradeSeries: BarSeriesOption[] = grades.map((grade) => ({
    type: 'bar',
    name: grade,
    data: units.map((u) => (u.score !== null && gradeKey(u) === grade ? u.score : '-')),
    itemStyle: { color: gradeColor(grade === labels.unscored ? null : grade) },
    barGap: '-100%',
    barCategoryGap: '28%',
    barMaxWidth: 18,
    large: true,
    largeThreshold: LARGE_THRESHOLD,
    label: {
      show: true,
      position: 'right',
      formatter: barLabel,
      rich: {
        score: { color: INK.text, fontSize: 11 },
        up: { color: MOVEMENT_COLORS.up, fontSize: 11 },
        down: { color: MOVEMENT_COLORS.down, fontSize: 11 },
        same: { color: MOVEMENT_COLORS.same, fontSize: 11 },
        veto: { color: INK.passLine, fontSize: 11 },
        muted: { color: INK.muted, fontSize: 11 },
      },
    },
    emphasis: { disabled: true },
  }));

  const series: RankingOption['series'] = [...gradeSeries];
  if (view.passScore !== null && view.passScore !== undefined) series.push(buildPassLine(view.passScore, labels));
  if (intervalKind) series.push(buildIntervalSeries(units, intervalKind, labels));

  const edge = zoom.length ? 36 : 12;
  const option: RankingOption = {
    animation: units.length <= 200,
    legend: { top: 0, left: 0, data: grades, formatter: gradeName, itemWidth: 12, itemHeight: 10, ...LEGEND_TEXT },
    // Bar labels are drawn past the bar ends: keep room for "99.50 ▲12 一票否决".
    grid: intervalKind
      ? [
          { left: 8, right: '36%', top: 32, bottom: 8 },
          { left: '71%', right: edge, top: 32, bottom: 8 },
        ]
      : [{ left: 8, right: edge + 120, top: 32, bottom: 8 }],
    axisPointer: { link: [{ yAxisIndex: 'all' }] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      ...TOOLTIP_BOX,
      formatter: (params: unknown) => {
        const unit = units[dataIndexOf(params) ?? -1];
        return unit ? rankingTooltip(unit, intervalKind, labels) : '';
      },
    },
    xAxis: [
      {
        type: 'value',
        min: 0,
        max: Math.max(100, Math.ceil(maxScore / 5) * 5),
        name: labels.score,
        nameLocation: 'end',
        nameTextStyle: { color: INK.muted, align: 'right', verticalAlign: 'top', padding: [8, 0, 0, 0] },
        ...VALUE_AXIS_LOOK,
      },
      ...(intervalKind ? [buildIntervalAxis(units, intervalKind, rankedCount, labels)] : []),
    ],
    yAxis: [
      {
        type: 'category',
        inverse: true,
        data: units.map((u) => u.key),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: INK.axis } },
        axisLabel: {
          color: INK.text,
          width: 200,
          overflow: 'truncate',
          interval: 0,
          formatter: (key: string) => `${rankLabelByKey.get(key) ?? ''}  ${nameByKey.get(key) ?? key}`,
        },
      },
      ...(intervalKind
        ? [
            {
              type: 'category' as const,
              gridIndex: 1,
              inverse: true,
              data: units.map((u) => u.key),
              axisTick: { show: false },
              axisLabel: { show: false },
              axisLine: { lineStyle: { color: INK.axis } },
            },
          ]
        : []),
    ],
    dataZoom: zoom,
    series,
  };
  return option;
}

function buildPassLine(passScore: number, labels: ChartLabels): LineSeriesOption {
  return {
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
  };
}

/** The interval panel's axis: ranks with 1 on the right (better is right, as for scores), or the scores' own range. */
function buildIntervalAxis(
  units: readonly RankingUnit[],
  kind: 'rank' | 'score',
  rankedCount: number,
  labels: ChartLabels,
): XAXisComponentOption {
  const common = {
    type: 'value' as const,
    gridIndex: 1,
    nameLocation: 'middle' as const,
    nameGap: 24,
    nameTextStyle: { color: INK.muted },
    ...VALUE_AXIS_LOOK,
  };
  if (kind === 'rank')
    return { ...common, inverse: true, min: 1, max: Math.max(rankedCount, 2), minInterval: 1, name: labels.rankInterval };
  const lows = units.flatMap((u) => (u.interval ? [u.interval.low] : []));
  const highs = units.flatMap((u) => (u.interval ? [u.interval.high] : []));
  const min = lows.length ? Math.max(0, Math.floor(Math.min(...lows) / 5) * 5) : 0;
  const max = highs.length ? Math.ceil(Math.max(...highs) / 5) * 5 : 100;
  return { ...common, min, max: Math.max(max, min + 5), name: labels.scoreInterval };
}

function buildIntervalSeries(units: readonly RankingUnit[], kind: 'rank' | 'score', labels: ChartLabels): CustomSeriesOption {
  return {
    type: 'custom',
    name: kind === 'rank' ? labels.rankInterval : labels.scoreInterval,
    xAxisIndex: 1,
    yAxisIndex: 1,
    silent: true,
    z: 5,
    encode: { y: 0, x: [1, 2, 3] },
    data: units.map((u, i) => (u.interval ? [i, u.interval.low, u.interval.high, u.interval.median] : [i, '-', '-', '-'])),
    renderItem: (_params, api) => renderInterval(api),
  };
}

/** A horizontal whisker from low to high with end caps and a hollow dot at the median. */
export function renderInterval(api: Pick<CustomSeriesRenderItemAPI, 'value' | 'coord' | 'size'>): CustomSeriesRenderItemReturn {
  const [y, low, high, median] = [0, 1, 2, 3].map((d) => Number(api.value(d)));
  if (y === undefined || low === undefined || high === undefined || median === undefined || ![low, high, median].every(Number.isFinite))
    return null;
  const [x1 = 0, cy = 0] = api.coord([low, y]);
  const [x2 = 0] = api.coord([high, y]);
  const [xm = 0] = api.coord([median, y]);
  const band = api.size?.([0, 1]);
  const cap = Math.max(4, Math.min(10, (Array.isArray(band) ? (band[1] ?? 8) : 8) * 0.6)) / 2;
  const stroke = { stroke: INK.text, lineWidth: 1.5 };
  return {
    type: 'group',
    children: [
      { type: 'line', shape: { x1, y1: cy, x2, y2: cy }, style: stroke },
      { type: 'line', shape: { x1, y1: cy - cap, x2: x1, y2: cy + cap }, style: stroke },
      { type: 'line', shape: { x1: x2, y1: cy - cap, x2, y2: cy + cap }, style: stroke },
      { type: 'circle', shape: { cx: xm, cy, r: 3 }, style: { fill: '#ffffff', ...stroke } },
    ],
  };
}

function rankingTooltip(unit: RankingUnit, intervalKind: 'rank' | 'score' | null, labels: ChartLabels): string {
  const rows: TooltipRow[] = [
    {
      label: labels.rank,
      value: unit.rank !== null ? fillTemplate(labels.rankValue, { rank: unit.rank }) : unit.isVetoFail ? labels.vetoFail : '—',
    },
    { label: labels.score, value: formatScore(unit.score) },
    {
      label: labels.grade,
      value: unit.grade === null ? labels.unscored : ((labels.gradeNames as Readonly<Record<string, string>>)[unit.grade] ?? unit.grade),
      color: gradeColor(unit.grade),
    },
  ];
  const delta = unit.rankDelta;
  const movement = movementOf(delta);
  const movementText =
    movement === 'up'
      ? fillTemplate(labels.movementUp, { n: delta ?? 0 })
      : movement === 'down'
        ? fillTemplate(labels.movementDown, { n: -(delta ?? 0) })
        : movement === 'same'
          ? labels.movementSame
          : labels.movementNone;
  rows.push({ label: labels.movement, value: movementText, color: movement === 'none' ? undefined : MOVEMENT_COLORS[movement] });
  if (intervalKind && unit.interval) {
    const digits = intervalKind === 'rank' ? 0 : 2;
    rows.push({
      label: intervalKind === 'rank' ? labels.rankInterval : labels.scoreInterval,
      value: fillTemplate(labels.intervalValue, {
        low: unit.interval.low.toFixed(digits),
        high: unit.interval.high.toFixed(digits),
        median: unit.interval.median.toFixed(digits),
      }),
    });
  }
  return tooltipHtml(unit.name, rows, unit.isNotRobust ? [labels.notRobust] : []);
}
