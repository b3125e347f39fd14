import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignGrades, quotaLimit } from './assign-grades';
import type { CompiledScheme } from './compile-scheme';
import { rankWithinGroup } from './rank-within-group';

const grading = (maxPct: number): Pick<CompiledScheme, 'bands' | 'quota'> => ({
  bands: [
    { grade: '优秀', min: 90_000 },
    { grade: '良好', min: 80_000 },
    { grade: '合格', min: 60_000 },
    { grade: '不合格', min: 0 },
  ],
  quota: { grade: '优秀', bandIndex: 0, maxPct: maxPct * 1000 },
});

function grade(finals: (number | null)[], maxPct: number, fails: boolean[] = []) {
  const entries = finals.map((f, i) => ({ finalHundredths: f, isVetoFail: fails[i] === true }));
  const ranks = rankWithinGroup(entries);
  return assignGrades(
    grading(maxPct),
    entries.map((e, i) => ({ ...e, rank: ranks[i] ?? null })),
  );
}

describe('assignGrades', () => {
  it('bands by final, fail veto to the lowest band, unscored to none', () => {
    expect(grade([9000, 8999, 6000, 5999, null, 9900], 100, [false, false, false, false, false, true]).map((g) => g.grade)).toEqual([
      '优秀',
      '良好',
      '合格',
      '不合格',
      null,
      '不合格',
    ]);
  });

  it('takes floor(maxPct/100 × ranked): 30% of 3 is 0, of 4 is 1', () => {
    expect(quotaLimit(30_000, 3)).toBe(0);
    expect(quotaLimit(30_000, 4)).toBe(1);
    expect(quotaLimit(33_333, 3)).toBe(0); // 0.99999
    expect(quotaLimit(33_334, 3)).toBe(1);
    expect(grade([9500, 9400, 9300], 30).map((g) => g.grade)).toEqual(['良好', '良好', '良好']);
  });

  it('demotes the tie crossing the quota and everything after it (the spec example Q2)', () => {
    expect(grade([9500, 9500, 9100, 8000], 30).map((g) => `${g.grade}${g.isQuotaDemoted ? '↓' : ''}`)).toEqual([
      '良好↓',
      '良好↓',
      '良好↓',
      '良好',
    ]);
  });

  const finalsArb = fc.array(fc.option(fc.integer({ min: 8500, max: 9600 }), { freq: 10 }), { maxLength: 40 });

  it('never gives the quota grade to more than floor(maxPct/100 × ranked) units (property)', () => {
    fc.assert(
      fc.property(finalsArb, fc.integer({ min: 0, max: 100 }), (finals, pct) => {
        const ranked = finals.filter((f) => f !== null).length;
        const count = grade(finals, pct).filter((g) => g.grade === '优秀').length;
        expect(count).toBeLessThanOrEqual(Math.floor((pct * ranked) / 100));
      }),
    );
  });

  it('never grades a lower final above a higher one, and demotes exactly one band (property)', () => {
    fc.assert(
      fc.property(finalsArb, fc.integer({ min: 0, max: 100 }), (finals, pct) => {
        const grades = grade(finals, pct);
        const order = ['优秀', '良好', '合格', '不合格'];
        finals.forEach((fa, a) =>
          finals.forEach((fb, b) => {
            if (fa === null || fb === null || fa <= fb) return;
            expect(order.indexOf(grades[a]?.grade ?? '')).toBeLessThanOrEqual(order.indexOf(grades[b]?.grade ?? ''));
          }),
        );
        grades.forEach((g, i) => {
          if (g.isQuotaDemoted) {
            expect(finals[i]).toBeGreaterThanOrEqual(9000);
            expect(g.grade).toBe('良好');
          }
        });
      }),
    );
  });
});
