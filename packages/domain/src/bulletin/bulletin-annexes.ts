// The bulletin's annexes (问题清单): each unit with a finding, a veto or a major deduction, in
// group and rank order. The same problem recorded several times on one indicator is one line with
// its count and points added; points are capped at what the leaf can lose ("扣完为止"), except
// under pooled deductions. Bonus items are no problem.
import type { CompiledScheme } from '../scoring/compile-scheme';
import type { EventInput, FindingInput } from '../scoring/scoring-inputs';
import type { PeriodResults } from '../scoring/scoring-result';
import { level1ByLeaf } from './bulletin-problems';

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

const MILLI = 1000;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** A finding's points before the cap: its own deduction, or count × the leaf's perFinding. */
export function findingPoints(scheme: CompiledScheme, f: FindingInput): number {
  if (f.deduction !== null) return f.deduction;
  const rule = scheme.leafByCode.get(f.indicator)?.rule;
  return rule?.kind === 'deduct' ? round2((f.count * rule.perFinding) / MILLI) : 0;
}

/** Each unit's annex findings, merged per indicator and description, capped per leaf. */
export function annexFindingsByUnit(scheme: CompiledScheme, findings: readonly FindingInput[]): Map<string, FiguresAnnexFinding[]> {
  const level1 = level1ByLeaf(scheme);
  const leafName = (code: string) => scheme.leafByCode.get(code)?.name ?? code;
  const nodeOrder = new Map(scheme.nodes.map((n) => [n.code, n.index]));
  const byUnit = new Map<string, FiguresAnnexFinding[]>();
  const lostOnLeaf = new Map<string, number>();
  for (const f of findings) {
    const list = byUnit.get(f.unit) ?? [];
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
      list.push({
        indicator: f.indicator,
        indicatorName: leafName(f.indicator),
        category: level1.get(f.indicator)?.name ?? '',
        description,
        url: f.url ?? '',
        count: f.count,
        points,
      });
    }
    byUnit.set(f.unit, list);
  }
  for (const list of byUnit.values()) list.sort((a, b) => (nodeOrder.get(a.indicator) ?? 0) - (nodeOrder.get(b.indicator) ?? 0));
  return byUnit;
}

/** The annexes of a period's results: units with findings, vetoes or major deductions, in group and rank order. */
export function unitAnnexes(
  scheme: CompiledScheme,
  results: PeriodResults,
  findings: readonly FindingInput[],
  events: readonly EventInput[],
  unitIds: ReadonlyMap<string, number>,
): FiguresUnitAnnex[] {
  const findingsByUnit = annexFindingsByUnit(scheme, findings);
  const eventsByUnit = new Map<string, FiguresUnitAnnex['events']>();
  for (const e of events) {
    const def = scheme.events.get(e.code);
    if (!def || def.type === 'bonus') continue;
    const points = def.type === 'major' ? def.points / MILLI : 0;
    eventsByUnit.set(e.unit, [
      ...(eventsByUnit.get(e.unit) ?? []),
      { code: e.code, name: def.name, kind: def.type, note: e.note ?? '', points },
    ]);
  }
  return results.groups.flatMap((g) =>
    g.rows
      .filter((r) => findingsByUnit.has(r.unit) || eventsByUnit.has(r.unit))
      .map((r) => ({
        unitId: unitIds.get(r.unit) ?? null,
        code: r.unit,
        name: r.name,
        group: g.code,
        groupName: g.name,
        rank: r.rank,
        final: r.final,
        grade: r.grade,
        findings: findingsByUnit.get(r.unit) ?? [],
        events: eventsByUnit.get(r.unit) ?? [],
      })),
  );
}
