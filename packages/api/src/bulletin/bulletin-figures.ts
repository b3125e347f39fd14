// The figures of a period's bulletin (通报) and of the meeting's presentation, assembled from a
// publication in force: pure, so the rules below are tested without a database. Structure as
// offices publish it (assessment-practice.md §2.4): scope, overall results per group, rankings
// with movement, praised and below-the-pass-line units, main problems by category with examples,
// last period's rectification follow-up, and per-unit annexes.
//
// Decisions (docs/decisions.md, Bulletin):
//   - the pass line is the lowest score of the band just above the scheme's lowest band; "below
//     the pass line" means graded in the lowest band (this includes a veto that fails the unit);
//   - praised (通报表扬) = each group's first and every unit graded in the top band (优秀), as the
//     bulletin's sentence says; separately, `improved` names the (at most five) units per group that
//     moved up most, by at least `improvedStep(groupSize)` places, while passing (成绩提升明显);
//   - a problem category is a level-1 indicator; a finding's weight is its count (3 broken links
//     are 3 problems), its points are its own deduction or count × the leaf's perFinding.
import type { CompiledScheme } from '@kaoping/domain/scoring/compile-scheme';
import type { RectificationFigures } from '@kaoping/domain/rectification/rectification-figures';
import type { PeriodResults, UnitPeriodResult } from '@kaoping/domain/scoring/scoring-result';
import type { EventInput, FindingInput } from '@kaoping/domain/scoring/scoring-inputs';

export interface FiguresRatio {
  numerator: number;
  denominator: number;
  /** 0–1; null when the denominator is 0. */
  value: number | null;
}

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

export interface FiguresProblemExample {
  unit: string;
  unitName: string;
  indicator: string;
  indicatorName: string;
  description: string;
  count: number;
}

export interface FiguresProblemCategory {
  /** The level-1 indicator. */
  code: string;
  name: string;
  /** Σ count of the findings. */
  problems: number;
  /** Finding records. */
  findings: number;
  units: number;
  /** Leaves under the category with problems, most problems first. */
  indicators: { code: string; name: string; problems: number; units: number }[];
  examples: FiguresProblemExample[];
}

export interface FiguresAnnexFinding {
  indicator: string;
  indicatorName: string;
  category: string;
  description: string;
  url: string;
  count: number;
  /** Points deducted (own deduction, or count × perFinding), capped at what the leaf has left unless deductions are pooled. */
  points: number;
}

export interface FiguresUnitAnnex {
  unitId: number | null;
  code: string;
  name: string;
  group: string;
  groupName: string;
  rank: number | null;
  final: number | null;
  grade: string | null;
  findings: FiguresAnnexFinding[];
  /** Vetoes and major deductions (bonus items are no problem); points: the major deduction's, 0 for a veto. */
  events: { code: string; name: string; kind: 'veto' | 'major'; note: string; points: number }[];
}

export interface FiguresRectificationUnit {
  unitId: number;
  code: string;
  name: string;
  items: number;
}

export interface FiguresRectification {
  /** The period whose findings the items came from (the previous quarter). */
  period: string;
  /** China date the figures are as of. */
  asOf: string;
  figures: Pick<RectificationFigures, 'total' | 'open' | 'overdue' | 'closed' | 'explained' | 'cancelled' | 'carriedOver' | 'closedOnTime' | 'closedLate' | 'returnedAtRecheck' | 'awaitingOffice' | 'awaitingUnit'> & {
    onTimeClosureRate: FiguresRatio;
  };
  /** Units with an overdue item they never reported back on. */
  notReportedBack: FiguresRectificationUnit[];
  /** Units with overdue items, most first. */
  overdueUnits: FiguresRectificationUnit[];
  /** Units whose closed item's problem was found again this period (整改不彻底); items = indicators found again. */
  repeatedUnits: FiguresRectificationUnit[];
}

export interface BulletinFigures {
  period: { code: string; year: number; quarter: number | null; startDate: string; endDate: string };
  previousPeriod: string | null;
  round: { id: number; title: string; kind: string; status: string; publishedAt: string | null; publishedOn: string | null; publicationSequence: number };
  scheme: { code: string; title: string; passScore: number | null; topGrade: string | null; failGrade: string | null; bands: { grade: string; min: number }[] };
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

const MILLI = 1000;
const EXAMPLES_PER_CATEGORY = 4;
/** At most this many units per group are named as improved (the largest moves). */
const IMPROVED_PER_GROUP = 5;

/** Places a unit must move up to be named as improved: a fifth of the group, at least 2, at most 5. */
export function improvedStep(groupSize: number): number {
  return Math.min(5, Math.max(2, Math.ceil(groupSize / 5)));
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function ratio(numerator: number, denominator: number): FiguresRatio {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** Bands from best to worst, the pass line and the top and failing grades. */
export function gradingOf(scheme: CompiledScheme) {
  const bands = [...scheme.bands].sort((a, b) => b.min - a.min).map((b) => ({ grade: b.grade, min: b.min / MILLI }));
  const fail = bands.length >= 2 ? bands[bands.length - 1] : undefined;
  const pass = bands.length >= 2 ? bands[bands.length - 2] : undefined;
  return { bands, passScore: pass?.min ?? null, topGrade: bands[0]?.grade ?? null, failGrade: fail?.grade ?? null };
}

function isBelowPass(row: UnitPeriodResult, failGrade: string | null): boolean {
  return row.final !== null && (row.isVetoFail || (failGrade !== null && row.grade === failGrade));
}

function groupFigures(rows: readonly UnitPeriodResult[], failGrade: string | null) {
  const scored = rows.filter((r) => r.final !== null);
  const finals = scored.map((r) => r.final ?? 0);
  const passed = scored.filter((r) => !isBelowPass(r, failGrade)).length;
  return {
    scored: scored.length,
    average: finals.length === 0 ? null : round2(finals.reduce((s, x) => s + x, 0) / finals.length),
    max: finals.length === 0 ? null : Math.max(...finals),
    min: finals.length === 0 ? null : Math.min(...finals),
    passed: ratio(passed, scored.length),
  };
}

/** The level-1 ancestor of every leaf, by leaf code. */
function level1ByLeaf(scheme: CompiledScheme): Map<string, { code: string; name: string }> {
  const out = new Map<string, { code: string; name: string }>();
  for (const leaf of scheme.leaves) {
    let node = scheme.nodes[leaf.node];
    while (node && node.parent >= 0) node = scheme.nodes[node.parent];
    if (node) out.set(leaf.code, { code: node.code, name: node.name });
  }
  return out;
}

function findingPoints(scheme: CompiledScheme, f: FindingInput): number {
  if (f.deduction !== null) return f.deduction;
  const rule = scheme.leafByCode.get(f.indicator)?.rule;
  return rule?.kind === 'deduct' ? round2((f.count * rule.perFinding) / MILLI) : 0;
}

export function assembleBulletinFigures(
  input: AssemblyInput,
  context: Pick<BulletinFigures, 'period' | 'previousPeriod' | 'round' | 'asOf' | 'rectification' | 'deadlines'>,
): BulletinFigures {
  const { scheme, results } = input;
  const grading = gradingOf(scheme);
  const groupName = new Map(results.groups.map((g) => [g.code, g.name]));
  const rowByUnit = new Map(results.groups.flatMap((g) => g.rows.map((r) => [r.unit, r] as const)));
  const vetoName = (code: string) => scheme.events.get(code)?.name ?? code;

  const gradeCountsOf = (rows: readonly UnitPeriodResult[]) => {
    const counts = new Map<string, number>();
    for (const r of rows) if (r.final !== null && r.grade !== null) counts.set(r.grade, (counts.get(r.grade) ?? 0) + 1);
    return grading.bands.map(({ grade }) => ({ grade, count: counts.get(grade) ?? 0 }));
  };
  const previousOf = (rows: readonly UnitPeriodResult[] | undefined) => {
    if (rows === undefined) return null;
    const { average, passed } = groupFigures(rows, grading.failGrade);
    return { average, passed };
  };
  const allRows = results.groups.flatMap((g) => g.rows);
  const overall = {
    units: allRows.length,
    ...groupFigures(allRows, grading.failGrade),
    gradeCounts: gradeCountsOf(allRows),
    previous: previousOf(input.previousResults?.groups.flatMap((g) => g.rows)),
  };
  const groups: FiguresGroup[] = results.groups.map((g) => {
    return {
      code: g.code,
      name: g.name,
      units: g.rows.length,
      ...groupFigures(g.rows, grading.failGrade),
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
        isVetoFail: r.isVetoFail,
        vetoes: r.vetoes.map(vetoName),
        unscoredReason: r.unscoredReason,
      })),
    };
  });

  const mention = (r: UnitPeriodResult, reason: FiguresUnitMention['reason']): FiguresUnitMention => ({
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
  const praised: FiguresUnitMention[] = [];
  const improvedUnits: FiguresUnitMention[] = [];
  const belowPass: FiguresUnitMention[] = [];
  for (const g of results.groups) {
    const step = improvedStep(g.rows.length);
    const top = g.rows.filter((r) => r.final !== null && !isBelowPass(r, grading.failGrade) && (r.rank === 1 || (grading.topGrade !== null && r.grade === grading.topGrade)));
    praised.push(...top.map((r) => mention(r, r.rank === 1 ? 'first' : 'top')));
    const improved = g.rows
      .filter((r) => r.rankDelta !== null && r.rankDelta >= step && !isBelowPass(r, grading.failGrade))
      .sort((a, b) => (b.rankDelta ?? 0) - (a.rankDelta ?? 0) || (a.rank ?? 0) - (b.rank ?? 0));
    improvedUnits.push(...improved.slice(0, IMPROVED_PER_GROUP).map((r) => mention(r, 'improved')));
    const below = g.rows.filter((r) => isBelowPass(r, grading.failGrade));
    belowPass.push(...below.map((r) => mention(r, r.vetoes.length > 0 ? 'veto' : 'below')));
  }

  const eventMentions = (type: 'veto' | 'major'): FiguresEventMention[] =>
    input.events.flatMap((e) => {
      const def = scheme.events.get(e.code);
      const row = rowByUnit.get(e.unit);
      if (!def || def.type !== type || !row) return [];
      return [{ unitId: input.unitIds.get(e.unit) ?? null, code: e.unit, name: row.name, group: row.group, event: e.code, eventName: def.name, note: e.note ?? '' }];
    });

  // Main problems: findings by level-1 indicator, most problems first.
  const level1 = level1ByLeaf(scheme);
  const categories = new Map<string, { code: string; name: string; findings: FindingInput[] }>();
  for (const f of input.findings) {
    if (f.count <= 0 && (f.deduction ?? 0) === 0) continue;
    const top = level1.get(f.indicator) ?? { code: f.indicator, name: f.indicator };
    const entry = categories.get(top.code) ?? { ...top, findings: [] };
    entry.findings.push(f);
    categories.set(top.code, entry);
  }
  const leafName = (code: string) => scheme.leafByCode.get(code)?.name ?? code;
  const unitName = (code: string) => rowByUnit.get(code)?.name ?? code;
  const nodeOrder = new Map(scheme.nodes.map((n) => [n.code, n.index]));
  const problems: FiguresProblemCategory[] = [...categories.values()]
    .map((c) => {
      const byLeaf = new Map<string, { problems: number; units: Set<string> }>();
      for (const f of c.findings) {
        const e = byLeaf.get(f.indicator) ?? { problems: 0, units: new Set<string>() };
        e.problems += f.count;
        e.units.add(f.unit);
        byLeaf.set(f.indicator, e);
      }
      // Examples: the largest findings first, one per description, one per unit where possible.
      const ordered = [...c.findings].sort((a, b) => b.count - a.count || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
      const examples: FiguresProblemExample[] = [];
      const seenText = new Set<string>();
      const seenUnit = new Set<string>();
      for (const pass of [true, false]) {
        for (const f of ordered) {
          if (examples.length >= EXAMPLES_PER_CATEGORY) break;
          const text = (f.description ?? '').trim() || leafName(f.indicator);
          if (seenText.has(text) || (pass && seenUnit.has(f.unit))) continue;
          seenText.add(text);
          seenUnit.add(f.unit);
          examples.push({ unit: f.unit, unitName: unitName(f.unit), indicator: f.indicator, indicatorName: leafName(f.indicator), description: text, count: f.count });
        }
      }
      return {
        code: c.code,
        name: c.name,
        problems: c.findings.reduce((s, f) => s + f.count, 0),
        findings: c.findings.length,
        units: new Set(c.findings.map((f) => f.unit)).size,
        indicators: [...byLeaf.entries()]
          .map(([code, e]) => ({ code, name: leafName(code), problems: e.problems, units: e.units.size }))
          .sort((a, b) => b.problems - a.problems || (nodeOrder.get(a.code) ?? 0) - (nodeOrder.get(b.code) ?? 0)),
        examples,
      };
    })
    .sort((a, b) => b.problems - a.problems || (nodeOrder.get(a.code) ?? 0) - (nodeOrder.get(b.code) ?? 0));

  // Annexes: each unit with a finding, a veto or a major deduction, in group and rank order. The
  // same problem recorded several times on one indicator is one line with its count and points added.
  // Points are capped at what the leaf can lose ("扣完为止"), except under pooled deductions.
  const findingsByUnit = new Map<string, FiguresAnnexFinding[]>();
  const lostOnLeaf = new Map<string, number>();
  for (const f of input.findings) {
    const list = findingsByUnit.get(f.unit) ?? [];
    const description = (f.description ?? '').trim();
    const leaf = scheme.leafByCode.get(f.indicator);
    const key = `${f.unit}\u0000${f.indicator}`;
    const used = lostOnLeaf.get(key) ?? 0;
    const raw = findingPoints(scheme, f);
    const points = leaf && !leaf.pooled ? Math.max(0, Math.min(raw, round2(leaf.points / MILLI - used))) : raw;
    lostOnLeaf.set(key, round2(used + points));
    const same = list.find((x) => x.indicator === f.indicator && x.description === description);
    if (same) {
      same.count += f.count;
      same.points = round2(same.points + points);
    } else {
      list.push({ indicator: f.indicator, indicatorName: leafName(f.indicator), category: level1.get(f.indicator)?.name ?? '', description, url: f.url ?? '', count: f.count, points });
    }
    findingsByUnit.set(f.unit, list);
  }
  const eventsByUnit = new Map<string, FiguresUnitAnnex['events']>();
  for (const e of input.events) {
    const def = scheme.events.get(e.code);
    if (!def || def.type === 'bonus') continue;
    const points = def.type === 'major' ? def.points / MILLI : 0;
    eventsByUnit.set(e.unit, [...(eventsByUnit.get(e.unit) ?? []), { code: e.code, name: def.name, kind: def.type, note: e.note ?? '', points }]);
  }
  const annexes: FiguresUnitAnnex[] = results.groups.flatMap((g) =>
    g.rows
      .filter((r) => findingsByUnit.has(r.unit) || eventsByUnit.has(r.unit))
      .map((r) => ({
        unitId: input.unitIds.get(r.unit) ?? null,
        code: r.unit,
        name: r.name,
        group: g.code,
        groupName: g.name,
        rank: r.rank,
        final: r.final,
        grade: r.grade,
        findings: (findingsByUnit.get(r.unit) ?? []).sort((a, b) => (nodeOrder.get(a.indicator) ?? 0) - (nodeOrder.get(b.indicator) ?? 0)),
        events: eventsByUnit.get(r.unit) ?? [],
      })),
  );

  return {
    ...context,
    scheme: { code: scheme.code, title: scheme.source.title, ...grading },
    scope: {
      units: allRows.length,
      scored: allRows.filter((r) => r.final !== null).length,
      findings: input.findings.length,
      problems: input.findings.reduce((s, f) => s + f.count, 0),
      groups: results.groups.map((g) => ({ code: g.code, name: g.name, units: g.rows.length })),
    },
    overall,
    groups,
    praised,
    improved: improvedUnits,
    belowPass,
    vetoes: eventMentions('veto'),
    majorDeductions: eventMentions('major'),
    problems,
    annexes,
  };
}

/** The rectification figures of the bulletin from the domain's figures and the units' names. */
export function toFiguresRectification(
  period: string,
  asOf: string,
  figures: RectificationFigures,
  overdueByUnit: ReadonlyMap<number, number>,
  units: ReadonlyMap<number, { code: string; name: string }>,
  repeatedByUnit: ReadonlyMap<number, number> = new Map(),
): FiguresRectification {
  const named = (unitId: number, items: number): FiguresRectificationUnit => ({ unitId, code: units.get(unitId)?.code ?? '', name: units.get(unitId)?.name ?? String(unitId), items });
  const { total, open, overdue, closed, explained, cancelled, carriedOver, closedOnTime, closedLate, returnedAtRecheck, awaitingOffice, awaitingUnit, onTimeClosureRate } = figures;
  return {
    period,
    asOf,
    figures: { total, open, overdue, closed, explained, cancelled, carriedOver, closedOnTime, closedLate, returnedAtRecheck, awaitingOffice, awaitingUnit, onTimeClosureRate: { ...onTimeClosureRate } },
    notReportedBack: figures.unitsNotReportedBack.map((u) => named(u.unitId, u.items)),
    overdueUnits: [...overdueByUnit.entries()]
      .filter(([, n]) => n > 0)
      .map(([unitId, n]) => named(unitId, n))
      .sort((a, b) => b.items - a.items || a.code.localeCompare(b.code)),
    repeatedUnits: [...repeatedByUnit.entries()].map(([unitId, n]) => named(unitId, n)).sort((a, b) => b.items - a.items || a.code.localeCompare(b.code)),
  };
}

/**
 * Units whose problem was closed last period and found again now: an item closed (销号) whose
 * findings were on indicator X of the unit, and an active finding on X of the same unit now.
 */
export function findRepeatedUnits(
  closedItems: readonly { unitId: number; findingIds: readonly number[] }[],
  previousFindings: ReadonlyMap<number, { indicator: string }>,
  currentFindings: readonly { unitId: number; indicator: string }[],
): Map<number, number> {
  const now = new Set(currentFindings.map((f) => `${f.unitId}\u0000${f.indicator}`));
  const repeated = new Map<number, Set<string>>();
  for (const item of closedItems) {
    for (const id of item.findingIds) {
      const indicator = previousFindings.get(id)?.indicator;
      if (indicator === undefined || !now.has(`${item.unitId}\u0000${indicator}`)) continue;
      repeated.set(item.unitId, (repeated.get(item.unitId) ?? new Set()).add(indicator));
    }
  }
  return new Map([...repeated].map(([unitId, set]) => [unitId, set.size]));
}
