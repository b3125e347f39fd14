// The figures of a period's bulletin (通报) and of the meeting's presentation, assembled from a
// publication in force: pure, so the rules are tested without a database. Structure as offices
// publish it: scope, overall results per group, rankings with movement, praised and
// below-the-pass-line units, main problems by category with examples (bulletin-problems.ts), last
// period's rectification follow-up (bulletin-rectification.ts), and per-unit annexes
// (bulletin-annexes.ts).
//
// Decisions (docs/decisions.md, Bulletin):
//   - the pass line and "below the pass line" are scoring/pass-line.ts (a veto that fails the unit counts);
//   - praised (通报表扬) = each group's first and every unit graded in the top band (优秀), as the
//     bulletin's sentence says; separately, `improved` names the (at most five) units per group that
//     moved up most, by at least `improvedStep(groupSize)` places, while passing (成绩提升明显).
import type { CompiledScheme } from '../scoring/compile-scheme';
import { isFailing, passRuleOf, type PassRule } from '../scoring/pass-line';
import type { EventInput, FindingInput } from '../scoring/scoring-inputs';
import type { PeriodResults, UnitPeriodResult } from '../scoring/scoring-result';
import { unitAnnexes, type FiguresUnitAnnex } from './bulletin-annexes';
import { problemCategories, type FiguresProblemCategory } from './bulletin-problems';
import { ratio, type FiguresRatio, type FiguresRectification } from './bulletin-rectification';

export interface FiguresRankRow {
  unitId: number | null;
  code: string;
  name: string;
  rank: number | null;
  previousRank: number | null;
  /** previous rank − rank: positive moved up; null when not ranked last period. */
  rankDelta: number | null;
  final: number | null;
  grade: string | null;
  /**
   * The grade the unit's score earned but the quota (名额) did not allow, e.g. 优秀 for a unit
   * graded 良好 because the 优秀 places were taken; null when not demoted. Said in words on the
   * slides, the bulletin page, the .docx and the .xlsx 备注 (issue #15 §9).
   */
  demotedFrom: string | null;
  isVetoFail: boolean;
  /** Names of the vetoes triggered. */
  vetoes: string[];
  unscoredReason: string | null;
}

export interface FiguresGroup {
  code: string;
  name: string;
  units: number;
  scored: number;
  average: number | null;
  max: number | null;
  min: number | null;
  passed: FiguresRatio;
  gradeCounts: { grade: string; count: number }[];
  /** The same group last period (by code), for movement; null when not published. */
  previous: { average: number | null; passed: FiguresRatio } | null;
  rows: FiguresRankRow[];
}

export interface FiguresUnitMention {
  unitId: number | null;
  code: string;
  name: string;
  group: string;
  groupName: string;
  rank: number | null;
  rankDelta: number | null;
  final: number | null;
  grade: string | null;
  /** first: first of its group; top: graded in the top band; improved: moved up markedly; veto: failed by a veto; below: under the pass line. */
  reason: 'first' | 'top' | 'improved' | 'veto' | 'below';
}

export interface FiguresEventMention {
  unitId: number | null;
  code: string;
  name: string;
  group: string;
  event: string;
  eventName: string;
  note: string;
}

export interface BulletinFigures {
  period: { code: string; year: number; quarter: number | null; startDate: string; endDate: string };
  previousPeriod: string | null;
  round: {
    id: number;
    title: string;
    kind: string;
    status: string;
    publishedAt: string | null;
    publishedOn: string | null;
    publicationSequence: number;
  };
  scheme: { code: string; title: string } & PassRule;
  /** China date the bulletin's live figures (rectification) are as of. */
  asOf: string;
  scope: { units: number; scored: number; findings: number; problems: number; groups: { code: string; name: string; units: number }[] };
  /** Every group together (the city's figures). */
  overall: Omit<FiguresGroup, 'code' | 'name' | 'rows'>;
  groups: FiguresGroup[];
  praised: FiguresUnitMention[];
  improved: FiguresUnitMention[];
  belowPass: FiguresUnitMention[];
  vetoes: FiguresEventMention[];
  majorDeductions: FiguresEventMention[];
  problems: FiguresProblemCategory[];
  rectification: FiguresRectification | null;
  annexes: FiguresUnitAnnex[];
  /** Suggested deadlines for the requirements (the office may change them in the wording). */
  deadlines: { rectification: string; followUp: string; nextSnapshot: string | null };
}

export interface AssemblyInput {
  scheme: CompiledScheme;
  results: PeriodResults;
  previousResults: PeriodResults | null;
  /** Active findings of the publication (the snapshot's). */
  findings: readonly FindingInput[];
  events: readonly EventInput[];
  unitIds: ReadonlyMap<string, number>;
}

/** What the caller knows beside the results: the period, the round, the ledger, the deadlines. */
export type AssemblyContext = Pick<BulletinFigures, 'period' | 'previousPeriod' | 'round' | 'asOf' | 'rectification' | 'deadlines'>;

/** At most this many units per group are named as improved (the largest moves). */
const IMPROVED_PER_GROUP = 5;

/** Places a unit must move up to be named as improved: a fifth of the group, at least 2, at most 5. */
export function improvedStep(groupSize: number): number {
  return Math.min(5, Math.max(2, Math.ceil(groupSize / 5)));
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Scored units, average, extremes and the passed ratio of some result rows. */
export function groupFigures(rows: readonly UnitPeriodResult[], rule: Pick<PassRule, 'failGrade'>) {
  const scored = rows.filter((r) => r.final !== null);
  const finals = scored.map((r) => r.final ?? 0);
  const passed = scored.filter((r) => !isFailing(r, rule)).length;
  return {
    scored: scored.length,
    average: finals.length === 0 ? null : round2(finals.reduce((s, x) => s + x, 0) / finals.length),
    max: finals.length === 0 ? null : Math.max(...finals),
    min: finals.length === 0 ? null : Math.min(...finals),
    passed: ratio(passed, scored.length),
  };
}

/** Praised, improved and below-the-pass-line units of one group, as result rows with their reason. */
export function namedUnitsOf(rows: readonly UnitPeriodResult[], rule: PassRule) {
  const step = improvedStep(rows.length);
  const praised = rows
    .filter((r) => r.final !== null && !isFailing(r, rule) && (r.rank === 1 || (rule.topGrade !== null && r.grade === rule.topGrade)))
    .map((r) => ({ row: r, reason: r.rank === 1 ? ('first' as const) : ('top' as const) }));
  const improved = rows
    .filter((r) => r.rankDelta !== null && r.rankDelta >= step && !isFailing(r, rule))
    .sort((a, b) => (b.rankDelta ?? 0) - (a.rankDelta ?? 0) || (a.rank ?? 0) - (b.rank ?? 0))
    .slice(0, IMPROVED_PER_GROUP)
    .map((r) => ({ row: r, reason: 'improved' as const }));
  const below = rows
    .filter((r) => isFailing(r, rule))
    .map((r) => ({ row: r, reason: r.vetoes.length > 0 ? ('veto' as const) : ('below' as const) }));
  return { praised, improved, below };
}

export function assembleBulletinFigures(input: AssemblyInput, context: AssemblyContext): BulletinFigures {
  const { scheme, results } = input;
  const rule = passRuleOf(scheme);
  const groupName = new Map(results.groups.map((g) => [g.code, g.name]));
  const rowByUnit = new Map(results.groups.flatMap((g) => g.rows.map((r) => [r.unit, r] as const)));
  const vetoName = (code: string) => scheme.events.get(code)?.name ?? code;

  const gradeCountsOf = (rows: readonly UnitPeriodResult[]) => {
    const counts = new Map<string, number>();
    for (const r of rows) if (r.final !== null && r.grade !== null) counts.set(r.grade, (counts.get(r.grade) ?? 0) + 1);
    return rule.bands.map(({ grade }) => ({ grade, count: counts.get(grade) ?? 0 }));
  };
  const previousOf = (rows: readonly UnitPeriodResult[] | undefined) => {
    if (rows === undefined) return null;
    const { average, passed } = groupFigures(rows, rule);
    return { average, passed };
  };
  const allRows = results.groups.flatMap((g) => g.rows);
  const overall = {
    units: allRows.length,
    ...groupFigures(allRows, rule),
    gradeCounts: gradeCountsOf(allRows),
    previous: previousOf(input.previousResults?.groups.flatMap((g) => g.rows)),
  };
  const groups: FiguresGroup[] = results.groups.map((g) => ({
    code: g.code,
    name: g.name,
    units: g.rows.length,
    ...groupFigures(g.rows, rule),
    gradeCounts: gradeCountsOf(g.rows),
    previous: previousOf(input.previousResults?.groups.find((p) => p.code === g.code)?.rows),
    rows: g.rows.map((r) => ({
      unitId: input.unitIds.get(r.unit) ?? null,
      code: r.unit,
      name: r.name,
      rank: r.rank,
      previousRank: r.rank !== null && r.rankDelta !== null ? r.rank + r.rankDelta : null,
      rankDelta: r.rankDelta,
      final: r.final,
      grade: r.grade,
      demotedFrom: r.isQuotaDemoted === true && r.grade !== null ? (scheme.quota?.grade ?? null) : null,
      isVetoFail: r.isVetoFail,
      vetoes: r.vetoes.map(vetoName),
      unscoredReason: r.unscoredReason,
    })),
  }));

  const mention = ({ row: r, reason }: { row: UnitPeriodResult; reason: FiguresUnitMention['reason'] }): FiguresUnitMention => ({
    unitId: input.unitIds.get(r.unit) ?? null,
    code: r.unit,
    name: r.name,
    group: r.group,
    groupName: groupName.get(r.group) ?? r.group,
    rank: r.rank,
    rankDelta: r.rankDelta,
    final: r.final,
    grade: r.grade,
    reason,
  });
  const named = results.groups.map((g) => namedUnitsOf(g.rows, rule));

  const eventMentions = (type: 'veto' | 'major'): FiguresEventMention[] =>
    input.events.flatMap((e) => {
      const def = scheme.events.get(e.code);
      const row = rowByUnit.get(e.unit);
      if (!def || def.type !== type || !row) return [];
      return [
        {
          unitId: input.unitIds.get(e.unit) ?? null,
          code: e.unit,
          name: row.name,
          group: row.group,
          event: e.code,
          eventName: def.name,
          note: e.note ?? '',
        },
      ];
    });

  return {
    ...context,
    scheme: { code: scheme.code, title: scheme.source.title, ...rule },
    scope: {
      units: allRows.length,
      scored: allRows.filter((r) => r.final !== null).length,
      findings: input.findings.length,
      problems: input.findings.reduce((s, f) => s + f.count, 0),
      groups: results.groups.map((g) => ({ code: g.code, name: g.name, units: g.rows.length })),
    },
    overall,
    groups,
    praised: named.flatMap((n) => n.praised.map(mention)),
    improved: named.flatMap((n) => n.improved.map(mention)),
    belowPass: named.flatMap((n) => n.below.map(mention)),
    vetoes: eventMentions('veto'),
    majorDeductions: eventMentions('major'),
    problems: problemCategories(scheme, input.findings, (code) => rowByUnit.get(code)?.name ?? code),
    annexes: unitAnnexes(scheme, results, input.findings, input.events, input.unitIds),
  };
}
