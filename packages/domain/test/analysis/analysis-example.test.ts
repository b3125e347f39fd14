// The analysis views on the spec's worked example (fixtures/scoring-example): pooled
// deductions, an excluded leaf (maximum 90), `na` with a rate, bonus over 100, a cap veto
// and a fail veto all pass through the adapter and come back exactly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemeSchema } from '@kaoping/contracts/scoring/scheme';
import { compileScheme } from '../../src/scoring/compile-scheme';
import { computePeriodResults } from '../../src/scoring/compute-period';
import type { ScoringInputs } from '../../src/scoring/scoring-inputs';
import { prepareAnalysisGroup } from '../../src/analysis/analysis-group';
import { explainUnit } from '../../src/analysis/explain-unit';
import { computeLeaveOneOut, computeRankStability } from '../../src/analysis/rank-stability';
import { computeWhatIf } from '../../src/analysis/what-if';

const exampleDir = new URL('../../../../fixtures/scoring-example/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, exampleDir), 'utf8');

/** The example's CSVs have no quoting: a plain split is enough here. */
function rows(name: string): Record<string, string>[] {
  const [header = '', ...lines] = read(name).trim().split(/\r?\n/);
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((c, i) => [c, (cells[i] ?? '').trim()]));
  });
}

function loadExampleGroups() {
  const compiled = compileScheme(schemeSchema.parse(JSON.parse(read('scheme.json'))));
  if (!compiled.ok) throw new Error(compiled.issues.join('\n'));
  const inputs: ScoringInputs = {
    units: rows('units.csv').map((r) => ({
      code: r.code ?? '',
      name: r.name ?? '',
      group: r.group ?? '',
      tags: (r.tags ?? '').split(';').filter(Boolean),
    })),
    scores: rows('scores.csv').map((r) => ({
      unit: r.unit ?? '',
      period: r.period ?? '',
      indicator: r.indicator ?? '',
      value: r.value ?? '',
    })),
    findings: rows('findings.csv').map((r) => ({
      unit: r.unit ?? '',
      period: r.period ?? '',
      indicator: r.indicator ?? '',
      count: Number(r.count || '1'),
      deduction: r.deduction ? Number(r.deduction) : null,
    })),
    events: rows('events.csv').map((r) => ({ unit: r.unit ?? '', period: r.period ?? '', code: r.code ?? '', note: r.note ?? '' })),
    rectifications: rows('rectifications.csv').map((r) => ({
      unit: r.unit ?? '',
      period: r.period ?? '',
      item: r.item ?? '',
      due: r.due ?? '',
      closed: r.closed ? r.closed : null,
      rejected: Number(r.rejected || '0'),
    })),
  };
  const q3 = computePeriodResults(compiled.scheme, '2025Q3', inputs);
  if (!q3.ok) throw new Error(JSON.stringify(q3.issues));
  return { results: q3.results, groups: q3.results.groups.map((g) => prepareAnalysisGroup(compiled.scheme, g)) };
}

describe('analysis on the spec worked example (2025Q3)', () => {
  const { results, groups } = loadExampleGroups();
  const group = (code: string) => {
    const g = groups.find((x) => x.groupCode === code);
    if (g === undefined) throw new Error(code);
    return g;
  };

  it('what-if with the official points gives back expected-2025Q3.json', () => {
    const expected = JSON.parse(read('expected-2025Q3.json')) as {
      groups: { code: string; rows: { unit: string; final: number; rank: number | null; grade: string }[] }[];
    };
    for (const g of expected.groups) {
      const whatIf = computeWhatIf(group(g.code), {});
      expect(whatIf.rows.map((r) => [r.unit, r.scenario.final, r.scenario.rank, r.scenario.grade])).toEqual(
        g.rows.map((r) => [r.unit, r.final, r.rank, r.grade]),
      );
    }
    expect(results.groups).toHaveLength(3);
  });

  it('what-if: dropping 4 (问题整改) in group A', () => {
    // A04 is capped at 59 whatever the weights; A01 keeps its bonus over 100
    const whatIf = computeWhatIf(group('A'), { '4': 0 });
    const a04 = whatIf.rows.find((r) => r.unit === 'A04');
    expect(a04?.scenario.final).toBe(59);
    expect(whatIf.total).toBe(80);
  });

  it('explains B202 (pooled deductions, excluded 1.3, maximum 90) with bars summing to 53.89', () => {
    const e = explainUnit(group('B2'), 'B202');
    expect(e.final).toBe(53.89);
    expect(e.applicableMax).toBe(90);
    // 1: 21.5 / 90 × 100 = 23.888… → 23.89; 2: (21.5 + 4) / 90 = 28.333… → 28.33, bar 4.44 …
    expect(e.waterfall[0]).toMatchObject({ code: '1', value: 23.89 });
    expect(e.waterfall[1]).toMatchObject({ code: '2', value: 4.44, end: 28.33 });
    expect(e.waterfall.reduce((s, b) => s + Math.round(b.value * 100), 0)).toBe(5389);
    expect(e.gapToAbove?.unit).toBe('B203');
  });

  it('stability and leave-one-out leave the fail-vetoed B103 out', () => {
    const stability = computeRankStability(group('B1'), { draws: 200 });
    expect(stability.units.map((u) => u.unit)).toEqual(['B101', 'B102']);
    const loo = computeLeaveOneOut(group('B1'));
    expect(loo.units.find((u) => u.unit === 'B103')?.ranks).toEqual([null, null, null, null]);
  });
});
