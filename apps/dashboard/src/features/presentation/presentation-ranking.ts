// A group's ranking as the projector shows it: the ranking-bar builder's option (charts/options)
// in large type, with the top and bottom units' names highlighted, and for a large group only its
// top and bottom places (the full table is in the bulletin). Pure, tested without a DOM.
import type { EChartsCoreOption } from 'echarts/core';
import { type ChartLabels, defaultChartLabels } from '../../charts/chart-labels';
import { buildRankingBarOption, orderRankingUnits, type RankingUnit } from '../../charts/options/ranking-bar';

/** Groups up to this size are shown whole; larger ones as their first and last `EDGE` places. */
export const WHOLE_GROUP_LIMIT = 24;
export const EDGE = 10;
/** Units highlighted at each end. */
export const HIGHLIGHT = 3;

export interface PresentationRanking {
  units: RankingUnit[];
  /** Keys of the best and the worst units, highlighted. */
  top: ReadonlySet<string>;
  bottom: ReadonlySet<string>;
  /** Units of the group in all (more than shown when the group is cut to its edges). */
  total: number;
  isCut: boolean;
}

/** The units to draw: every scored unit, or the first and last `EDGE` of a large group. */
export function selectPresentationUnits(units: readonly RankingUnit[]): PresentationRanking {
  const scored = orderRankingUnits(units.filter((u) => u.score !== null));
  const isCut = scored.length > WHOLE_GROUP_LIMIT;
  const shown = isCut ? [...scored.slice(0, EDGE), ...scored.slice(-EDGE)] : scored;
  const ranked = scored.filter((u) => u.rank !== null);
  const top = new Set(ranked.filter((u) => (u.rank ?? Infinity) <= HIGHLIGHT).map((u) => u.key));
  // The bottom: the last places of the order (a unit failed by a veto, unranked, is last).
  const bottom = new Set(
    scored
      .slice(-HIGHLIGHT)
      .filter((u) => !top.has(u.key))
      .map((u) => u.key),
  );
  return { units: shown, top, bottom, total: scored.length, isCut };
}

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
): EChartsCoreOption {
  const option = buildRankingBarOption({ units: view.units, passScore, windowSize: Math.max(view.units.length, 1) }, labels) as Loose;
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
        const text = richSafe(original ? original(key) : key);
        return view.top.has(key) ? `{top|${text}}` : view.bottom.has(key) ? `{bottom|${text}}` : `{plain|${text}}`;
      },
      rich: {
        plain: { fontSize, color: '#111111', padding: pad },
        top: { fontSize, color: '#ffffff', backgroundColor: HIGHLIGHT_COLORS.top, fontWeight: 'bold', padding: pad, borderRadius: 3 },
        bottom: { fontSize, color: '#ffffff', backgroundColor: HIGHLIGHT_COLORS.bottom, fontWeight: 'bold', padding: pad, borderRadius: 3 },
      },
    };
  }
  for (const axis of asRecords(option['xAxis'])) {
    axis['axisLabel'] = { ...((axis['axisLabel'] ?? {}) as Loose), fontSize: small, color: '#333333' };
    axis['nameTextStyle'] = { ...((axis['nameTextStyle'] ?? {}) as Loose), fontSize: small, color: '#333333' };
  }
  for (const legend of asRecords(option['legend'])) {
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
        rich: Object.fromEntries(
          Object.entries(rich).map(([k, style]) => [k, { ...style, fontSize: small, fontWeight: k === 'score' ? 'bold' : 'normal' }]),
        ),
      };
    }
    const markLine = series['markLine'] as Loose | undefined;
    if (markLine) series['markLine'] = { ...markLine, label: { ...((markLine['label'] ?? {}) as Loose), fontSize: small } };
  }
  // Room at the top for the legend and at the right for "99.50 ▲12" after the longest bar.
  for (const grid of asRecords(option['grid'])) {
    grid['top'] = Math.round(fontSize * 2.2);
    grid['right'] = Math.round(fontSize * 7);
  }
  option['animation'] = false;
  option['tooltip'] = { show: false };
  return option;
}
