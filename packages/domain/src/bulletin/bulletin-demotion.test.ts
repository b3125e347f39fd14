// Quota demotion (issue #15 §9): a unit whose score earns 优秀 but is graded 良好 because the 优秀
// places are full carries `demotedFrom` in the bulletin's figures, so every output can say it.
import { describe, expect, it } from 'vitest';
import { computePeriodResults } from '../scoring/compute-period';
import { compileOrThrow, makeScores, makeUnit, manualScheme } from '../scoring/scoring-fixtures';
import { assembleBulletinFigures, type AssemblyContext } from './bulletin-figures';

const Q = '2025Q3';
const context: AssemblyContext = {
  period: { code: Q, year: 2025, quarter: 3, startDate: '2025-07-01', endDate: '2025-09-30' },
  previousPeriod: null,
  round: { id: 1, title: '三季度测评', kind: 'office', status: 'published', publishedAt: null, publishedOn: null, publicationSequence: 1 },
  asOf: '2026-12-07',
  rectification: null,
  deadlines: { rectification: '2026-12-21', followUp: '2026-12-14', nextSnapshot: '2026-12-31' },
};

function figuresWith(quotaPct: number | null) {
  const scheme = compileOrThrow(
    manualScheme(quotaPct === null ? {} : { grading: { ...manualScheme().grading, quota: { grade: '优秀', maxPct: quotaPct } } }),
  );
  // Five units in group A: 98, 95, 92 (all 优秀 by score), 85 良好, 70 合格.
  const finals: Record<string, string> = { U1: '98', U2: '95', U3: '92', U4: '85', U5: '70' };
  const computed = computePeriodResults(
    scheme,
    Q,
    {
      units: Object.keys(finals).map((u) => makeUnit(u, 'A')),
      scores: Object.entries(finals).flatMap(([u, v]) => makeScores(u, Q, { '1.1': v })),
      findings: [],
      events: [],
      rectifications: [],
    },
    { previousRanks: [] },
  );
  if (!computed.ok) throw new Error(JSON.stringify(computed.issues));
  return assembleBulletinFigures(
    { scheme, results: computed.results, previousResults: null, findings: [], events: [], unitIds: new Map() },
    context,
  );
}

describe('quota demotion in the bulletin figures', () => {
  it('marks the units the 优秀 quota pushed down to 良好, and only those', () => {
    // 20 % of 5 units = 1 优秀 place: U2 and U3 score 优秀 but are graded 良好.
    const rows = figuresWith(20).groups[0]?.rows ?? [];
    expect(rows.map((r) => [r.code, r.grade, r.demotedFrom])).toEqual([
      ['U1', '优秀', null],
      ['U2', '良好', '优秀'],
      ['U3', '良好', '优秀'],
      ['U4', '良好', null],
      ['U5', '合格', null],
    ]);
  });

  it('marks nobody without a quota', () => {
    expect(figuresWith(null).groups[0]?.rows.every((r) => r.demotedFrom === null)).toBe(true);
  });
});
