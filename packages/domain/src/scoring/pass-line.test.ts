import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileOrThrow, defaultGrading, manualScheme } from './scoring-fixtures';
import { isFailing, passRuleOf } from './pass-line';

describe('pass line', () => {
  it('is the lowest score of the band above the lowest band', () => {
    const rule = passRuleOf(compileOrThrow(manualScheme()));
    expect(rule).toEqual({ passScore: 60, failGrade: '不合格', topGrade: '优秀', bands: defaultGrading.bands });
  });

  it('has no pass line with a single band', () => {
    const rule = passRuleOf(compileOrThrow(manualScheme({ grading: { bands: [{ grade: '通过', min: 0 }] } })));
    expect(rule).toMatchObject({ passScore: null, failGrade: null, topGrade: '通过' });
  });

  it('fails a scored unit vetoed to fail or graded in the lowest band, never an unscored one', () => {
    const rule = { failGrade: '不合格' };
    expect(isFailing({ final: 59, grade: '不合格', isVetoFail: false }, rule)).toBe(true);
    expect(isFailing({ final: 95, grade: '优秀', isVetoFail: true }, rule)).toBe(true);
    expect(isFailing({ final: 60, grade: '合格', isVetoFail: false }, rule)).toBe(false);
    expect(isFailing({ final: null, grade: null, isVetoFail: true }, rule)).toBe(false);
  });

  it('puts the pass line at a band minimum between the lowest and the best band, whatever the order given', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 4 }), (mins) => {
        const sorted = [...mins].sort((a, b) => b - a);
        const bands = [...sorted.map((min, i) => ({ grade: `G${i}`, min })), { grade: 'F', min: 0 }];
        const rule = passRuleOf({ bands: [...bands].reverse().map((b) => ({ grade: b.grade, min: b.min * 1000 })) });
        expect(rule.passScore).toBe(sorted[sorted.length - 1]);
        expect(rule.failGrade).toBe('F');
        expect(rule.topGrade).toBe('G0');
      }),
    );
  });
});
