// A group's ranking as the projector shows it: the ranking-bar builder's option (charts/options)
// in large type, with the top and bottom units' names highlighted, and for a large group only its
// top and bottom places (the full table is in the bulletin) with a visible break between them.
// Pure, tested without a DOM.
import type { EChartsCoreOption } from 'echarts/core';
import { type ChartLabels, defaultChartLabels } from '../../charts/chart-labels';
import { buildRankingBarOption, orderRankingUnits, type RankingUnit } from '../../charts/options/ranking-bar';

/** Groups up to this size are shown whole; larger ones as their first and last `EDGE` places. */
export const WHOLE_GROUP_LIMIT = 24;
export const EDGE = 10;
/** Units highlighted at each end. */
export const HIGHLIGHT = 3;

/** The units left out between the top and the bottom places of a cut group. */
export interface RankingGap {
  /** Position in `units` the break is drawn before (= the number of units above it). */
  before: number;
  omitted: number;
  /** Ranks of the first and last unit left out; null when either is unranked. */
  fromRank: number | null;
  toRank: number | null;
}

export interface PresentationRanking {
  units: RankingUnit[];
  /** Keys of the best and the worst units, highlighted. */
  top: ReadonlySet<string>;
  bottom: ReadonlySet<string>;
  /** Units of the group in all (more than shown when the group is cut to its edges). */
  total: number;
  isCut: boolean;
  /** The break between the first and last `EDGE` places; null when the group is shown whole. */
  gap: RankingGap | null;
}

/** The category key of the break row (never a unit code: those are the scheme's codes). */
export const GAP_KEY = '\u0000gap';

/** The units to draw: every scored unit, or the first and last `EDGE` of a large group. */
export function selectPresentationUnits(units: readonly RankingUnit[]): PresentationRanking {
  const scored = orderRankingUnits(units.filter((u) => u.score !== null));
  const isCut = scored.length > WHOLE_GROUP_LIMIT;
  const shown = isCut ? [...scored.slice(0, EDGE), ...scored.slice(-EDGE)] : scored;
  const left = isCut ? scored.slice(EDGE, -EDGE) : [];
  const gap: RankingGap | null =
    left.length > 0
      ? { before: EDGE, omitted: left.length, fromRank: left[0]?.rank ?? null, toRank: left[left.length - 1]?.rank ?? null }
      : null;
  const ranked = scored.filter((u) => u.rank !== null);
  const top = new Set(ranked.filter((u) => (u.rank ?? Infinity) <= HIGHLIGHT).map((u) => u.key));
  // The bottom: the last places of the order (a unit failed by a veto, unranked, is last).
  const bottom = new Set(
    scored
      .slice(-HIGHLIGHT)
      .filter((u) => !top.has(u.key))
      .map((u) => u.key),
  );
  return { units: shown, top, bottom, total: scored.length, isCut, gap };
}

/** What the projector says in the break row and beside a demoted unit, in the page's language. */
export interface PresentationRankingText {
  /** e.g. "… 中间80个单位(第11–90名)未显示". */
  gap: (gap: RankingGap) => string;
}

const defaultText: PresentationRankingText = {
  gap: (g) => `… 中间${g.omitted}个单位${g.fromRank !== null && g.toRank !== null ? `(第${g.fromRank}–${g.toRank}名)` : ''}未显示`,
};

/** Marks a unit graded down by the quota, beside its name; the slide's footnote says why in words. */
export const DEMOTED_MARK = '*';

/** ECharts rich text reads `{style|text}`: names typed by users must not open a style. */
export function richSafe(text: string): string {
  return text.replace(/[{}|]/g, (c) => (c === '{' ? '｛' : c === '}' ? '｝' : '｜'));
}

type Loose = Record<string, unknown>;
const asRecords = (value: unknown): Loose[] =>
  Array.isArray(value) ? (value as Loose[]) : value && typeof value === 'object' ? [value as Loose] : [];

export const HIGHLIGHT_COLORS = { top: '#1b5e20', bottom: '#b71c1c' } as const;

/**
 * The ranking-bar option scaled for a projector: `fontSize` is the base type size in pixels.
 * Every unit is shown at once (no scroll window), names of the top and bottom units are set in
 * white on green or red, and no animation runs between slides.
 */
export function buildPresentationRankingOption(
  view: PresentationRanking,
  fontSize: number,
  passScore: number | null,
  labels: ChartLabels = defaultChartLabels,
  options: { text?: PresentationRankingText; demoted?: ReadonlySet<string>; gradeLabel?: (grade: string) => string } = {},
): EChartsCoreOption {
  const option = buildRankingBarOption({ units: view.units, passScore, windowSize: Math.max(view.units.length, 1) }, labels) as Loose;
  const text = options.text ?? defaultText;
  const demoted = options.demoted ?? new Set<string>();
  const gap = view.gap;
  const small = Math.round(fontSize * 0.8);
  const pad = [Math.round(fontSize * 0.12), Math.round(fontSize * 0.35)];

  for (const axis of asRecords(option['yAxis']).slice(0, 1)) {
    const label = (axis['axisLabel'] ?? {}) as Loose;
    const original = label['formatter'] as ((key: string) => string) | undefined;
    axis['axisLabel'] = {
      ...label,
      fontSize,
      width: fontSize * 16,
      formatter: (key: string) => {
        if (gap && key === GAP_KEY) return `{gap|${richSafe(text.gap(gap))}}`;
        const name = richSafe(original ? original(key) : key) + (demoted.has(key) ? DEMOTED_MARK : '');
        return view.top.has(key) ? `{top|${name}}` : view.bottom.has(key) ? `{bottom|${name}}` : `{plain|${name}}`;
      },
      rich: {
        plain: { fontSize, color: '#111111', padding: pad },
        gap: { fontSize: small, color: '#333333', fontWeight: 'bold', padding: pad },
        top: { fontSize, color: '#ffffff', backgroundColor: HIGHLIGHT_COLORS.top, fontWeight: 'bold', padding: pad, borderRadius: 3 },
        bottom: { fontSize, color: '#ffffff', backgroundColor: HIGHLIGHT_COLORS.bottom, fontWeight: 'bold', padding: pad, borderRadius: 3 },
      },
    };
  }
  for (const axis of asRecords(option['xAxis'])) {
    axis['axisLabel'] = { ...((axis['axisLabel'] ?? {}) as Loose), fontSize: small, color: '#333333' };
    axis['nameTextStyle'] = { ...((axis['nameTextStyle'] ?? {}) as Loose), fontSize: small, color: '#333333' };
  }
  const gradeLabel = options.gradeLabel;
  for (const legend of asRecords(option['legend'])) {
    // The legend names the grades (series named by the scheme's grade): said in the page's language.
    if (gradeLabel) legend['formatter'] = (name: string) => gradeLabel(name);
    legend['textStyle'] = { ...((legend['textStyle'] ?? {}) as Loose), fontSize: small, color: '#111111' };
    legend['itemWidth'] = small * 1.4;
    legend['itemHeight'] = small;
  }
  for (const series of asRecords(option['series'])) {
    if (series['type'] === 'bar') {
      series['barMaxWidth'] = Math.round(fontSize * 1.3);
      const label = (series['label'] ?? {}) as Loose;
      const rich = (label['rich'] ?? {}) as Record<string, Loose>;
      series['label'] = {
        ...label,
        // An opaque box drawn above the pass line: the dashed line passes behind "58.11 ▼1", not through it (issue #15 §11).
        backgroundColor: '#ffffff',
        padding: [1, 3],
        rich: Object.fromEntries(
          Object.entries(rich).map(([k, style]) => [k, { ...style, fontSize: small, fontWeight: k === 'score' ? 'bold' : 'normal' }]),
        ),
      };
      series['z'] = 3;
    }
    const markLine = series['markLine'] as Loose | undefined;
    if (markLine) {
      // Under the bars' labels; its own label stays above the plot, at the line's start (the top).
      series['z'] = 1;
      series['markLine'] = {
        ...markLine,
        z: 1,
        label: { ...((markLine['label'] ?? {}) as Loose), position: 'start', fontSize: small, fontWeight: 'bold' },
      };
    }
  }
  if (gap) insertGapRow(option, gap.before);
  // Room at the top for the legend and at the right for "99.50 ▲12" after the longest bar.
  for (const grid of asRecords(option['grid'])) {
    grid['top'] = Math.round(fontSize * 2.2);
    grid['right'] = Math.round(fontSize * 7);
  }
  option['animation'] = false;
  option['tooltip'] = { show: false };
  return option;
}

/**
 * A break row at `before`: an empty category in the unit axis, blank in every bar series, shaded
 * across the plot; bar labels still find their unit (indices past the break shift by one).
 */
function insertGapRow(option: Loose, before: number): void {
  const axis = asRecords(option['yAxis'])[0];
  if (!axis || !Array.isArray(axis['data'])) return;
  axis['data'] = [...(axis['data'] as unknown[]).slice(0, before), GAP_KEY, ...(axis['data'] as unknown[]).slice(before)];
  const shift = (params: unknown): unknown => {
    if (typeof params !== 'object' || params === null) return params;
    const index = (params as { dataIndex?: unknown }).dataIndex;
    if (typeof index !== 'number') return params;
    return { ...params, dataIndex: index > before ? index - 1 : index };
  };
  let barWidth: unknown = undefined;
  for (const series of asRecords(option['series'])) {
    if (series['type'] !== 'bar' || !Array.isArray(series['data'])) continue;
    const data = series['data'] as unknown[];
    series['data'] = [...data.slice(0, before), '-', ...data.slice(before)];
    barWidth = series['barMaxWidth'];
    const label = series['label'] as Loose | undefined;
    const formatter = label?.['formatter'];
    if (label && typeof formatter === 'function') {
      const original = formatter as (params: unknown) => string;
      label['formatter'] = (params: unknown) =>
        (params as { dataIndex?: unknown } | null)?.dataIndex === before ? '' : original(shift(params));
    }
  }
  // The break drawn across the plot as a pale band, so the eye sees the jump in ranks and not only the axis.
  const xAxis = asRecords(option['xAxis'])[0];
  const rows = (axis['data'] as unknown[]).length;
  const series = asRecords(option['series']);
  series.push({
    type: 'bar',
    name: GAP_KEY,
    data: Array.from({ length: rows }, (_, i) => (i === before ? (xAxis?.['max'] ?? 100) : '-')),
    itemStyle: { color: '#ececec' },
    barGap: '-100%',
    barMaxWidth: barWidth,
    silent: true,
    z: 0,
    label: { show: false },
    emphasis: { disabled: true },
  });
  option['series'] = series;
}
