// The bulletin's main problems (主要问题): a period's findings grouped by level-1 indicator, most
// problems first, with a few examples each. A finding's weight is its count (3 broken links are
// 3 problems). Decisions: docs/decisions.md, Bulletin.
import type { CompiledScheme } from '../scoring/compile-scheme';
import type { FindingInput } from '../scoring/scoring-inputs';

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

const EXAMPLES_PER_CATEGORY = 4;

/** The level-1 ancestor of every leaf, by leaf code. */
export function level1ByLeaf(scheme: CompiledScheme): Map<string, { code: string; name: string }> {
  const out = new Map<string, { code: string; name: string }>();
  for (const leaf of scheme.leaves) {
    let node = scheme.nodes[leaf.node];
    while (node && node.parent >= 0) node = scheme.nodes[node.parent];
    if (node) out.set(leaf.code, { code: node.code, name: node.name });
  }
  return out;
}

/** Examples: the largest findings first, one per description, one per unit where possible. */
export function problemExamples(
  findings: readonly FindingInput[],
  leafName: (code: string) => string,
  unitName: (code: string) => string,
): FiguresProblemExample[] {
  const ordered = [...findings].sort((a, b) => b.count - a.count || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  const examples: FiguresProblemExample[] = [];
  const seenText = new Set<string>();
  const seenUnit = new Set<string>();
  for (const onePerUnit of [true, false]) {
    for (const f of ordered) {
      if (examples.length >= EXAMPLES_PER_CATEGORY) break;
      const text = (f.description ?? '').trim() || leafName(f.indicator);
      if (seenText.has(text) || (onePerUnit && seenUnit.has(f.unit))) continue;
      seenText.add(text);
      seenUnit.add(f.unit);
      examples.push({
        unit: f.unit,
        unitName: unitName(f.unit),
        indicator: f.indicator,
        indicatorName: leafName(f.indicator),
        description: text,
        count: f.count,
      });
    }
  }
  return examples;
}

/** Findings by level-1 indicator, most problems first (scheme order among equals). */
export function problemCategories(
  scheme: CompiledScheme,
  findings: readonly FindingInput[],
  unitName: (code: string) => string,
): FiguresProblemCategory[] {
  const level1 = level1ByLeaf(scheme);
  const categories = new Map<string, { code: string; name: string; findings: FindingInput[] }>();
  for (const f of findings) {
    if (f.count <= 0 && (f.deduction ?? 0) === 0) continue;
    const top = level1.get(f.indicator) ?? { code: f.indicator, name: f.indicator };
    const entry = categories.get(top.code) ?? { ...top, findings: [] };
    entry.findings.push(f);
    categories.set(top.code, entry);
  }
  const leafName = (code: string) => scheme.leafByCode.get(code)?.name ?? code;
  const nodeOrder = new Map(scheme.nodes.map((n) => [n.code, n.index]));
  return [...categories.values()]
    .map((c) => {
      const byLeaf = new Map<string, { problems: number; units: Set<string> }>();
      for (const f of c.findings) {
        const e = byLeaf.get(f.indicator) ?? { problems: 0, units: new Set<string>() };
        e.problems += f.count;
        e.units.add(f.unit);
        byLeaf.set(f.indicator, e);
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
        examples: problemExamples(c.findings, leafName, unitName),
      };
    })
    .sort((a, b) => b.problems - a.problems || (nodeOrder.get(a.code) ?? 0) - (nodeOrder.get(b.code) ?? 0));
}
