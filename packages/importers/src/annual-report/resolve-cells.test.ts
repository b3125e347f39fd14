import { describe, expect, it } from 'vitest';
import { rowCandidates, solveTable } from './resolve-cells';
import type { Candidate, ValueToken } from './resolve-cells';

const num = (raw: string): ValueToken => ({
  kind: 'num',
  raw,
  value: Number(raw),
  digits: /^\d+$/.test(raw) ? raw : null,
  unit: null,
  line: 1,
});
const blank: ValueToken = { kind: 'blank', line: 1 };
const APPLY = { width: 7, groups: [{ sum: 6, parts: [0, 1, 2, 3, 4, 5] }] };
const values = (c: Candidate) => c.map((x) => (x.unresolved ? '?' : x.value));

describe('rowCandidates', () => {
  it('takes a full row as it is, blanks included', () => {
    expect(rowCandidates(['1', '2', '0', '0', '0', '0', '4'].map(num), APPLY, 1).candidates.map(values)).toEqual([[1, 2, 0, 0, 0, 0, 4]]);
    expect(rowCandidates([num('1'), blank, num('1')], { width: 3, groups: [] }, 1).candidates.map(values)).toEqual([[1, null, 1]]);
  });

  it('splits run-together digits so the first six add up to the seventh', () => {
    // Alone, the row has two readings; the column equations of the table pick between them.
    expect(rowCandidates([num('120001316')], APPLY, 1).candidates.map(values)).toEqual([
      [1, 2, 0, 0, 0, 13, 16],
      [12, 0, 0, 0, 1, 3, 16],
    ]);
    // The spec's own example "1200013216" has one digit too many: no split adds up, so nothing is guessed.
    expect(rowCandidates([num('1200013216')], APPLY, 1).candidates).toEqual([]);
    expect(rowCandidates([num('0000000')], APPLY, 1).candidates.map(values)).toEqual([[0, 0, 0, 0, 0, 0, 0]]);
    expect(rowCandidates([num('30015300614' + '3119')], APPLY, 1).candidates.map(values)).toContainEqual([3001, 53, 0, 0, 61, 4, 3119]);
  });

  it('places values around vanished blank cells when the total allows it', () => {
    const cands = rowCandidates(['103', '3', '1', '107'].map(num), APPLY, 1).candidates;
    expect(cands.length).toBe(20); // C(6,3) placements of 103·3·1 before the 总计
    expect(cands.every((c) => c[6]?.value === 107)).toBe(true);
  });

  it('gives up on more values than columns', () => {
    expect(rowCandidates(['1', '2', '3', '4'].map(num), { width: 3, groups: [] }, 1)).toEqual({
      candidates: [],
      problem: 'too_many_values',
    });
  });
});

describe('solveTable', () => {
  const row = (...xs: (number | null)[]): Candidate => xs.map((value) => ({ value, unresolved: false, line: 1 }));
  it('keeps only the combination that satisfies the column equations', () => {
    const rows = new Map<string, Candidate[]>([
      ['a', [row(1, 0), row(0, 1)]],
      ['b', [row(2, 3)]],
      ['sum', [row(3, 3)]],
    ]);
    const solved = solveTable(
      rows,
      [0, 1].map((c) => ({ lhs: [['sum', c] as const], rhs: [['a', c] as const, ['b', c] as const] })),
      2,
    );
    expect(solved.get('a')).toEqual({ cells: row(1, 0), ambiguous: false });
  });

  it('leaves disagreeing cells unresolved when several combinations fit, or none does', () => {
    const rows = new Map<string, Candidate[]>([
      ['a', [row(1, 0, 1), row(0, 1, 1)]],
      ['b', [row(1, 0, 1), row(0, 1, 1)]],
      ['sum', [row(1, 1, 2)]],
    ]);
    const constraints = [0, 1, 2].map((c) => ({ lhs: [['sum', c] as const], rhs: [['a', c] as const, ['b', c] as const] }));
    const solved = solveTable(rows, constraints, 3);
    expect(solved.get('a')?.cells.map((c) => (c.unresolved ? '?' : c.value))).toEqual(['?', '?', 1]);
    expect(solved.get('a')?.ambiguous).toBe(true);
  });
});
