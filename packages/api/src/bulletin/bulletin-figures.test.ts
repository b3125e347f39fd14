import { describe, expect, it } from 'vitest';
import { cityNameOf, fullWidthBrackets, problemSummary } from './bulletin-document';
import { findRepeatedUnits, improvedStep } from './bulletin-figures';

describe('bulletin rules', () => {
  it('names a unit as improved after moving up a fifth of its group, between 2 and 5 places', () => {
    expect([3, 10, 20, 25, 100].map(improvedStep)).toEqual([2, 2, 4, 5, 5]);
  });

  it('finds a closed problem found again on the same indicator of the same unit', () => {
    const previous = new Map([
      [11, { indicator: '1.2' }],
      [12, { indicator: '2.1' }],
      [13, { indicator: '1.2' }],
    ]);
    const repeated = findRepeatedUnits(
      [
        { unitId: 1, findingIds: [11, 12] },
        { unitId: 2, findingIds: [13] },
      ],
      previous,
      [
        { unitId: 1, indicator: '1.2' },
        { unitId: 1, indicator: '2.1' },
        { unitId: 2, indicator: '3.1' },
      ],
    );
    expect([...repeated]).toEqual([[1, 2]]);
  });

  it('words the document: problem summaries, full-width brackets, the city of the scheme', () => {
    expect(problemSummary(['答复期限'])).toBe('主要是答复期限方面的问题');
    expect(problemSummary(['甲', '乙', '丙', '丁'])).toBe('主要集中在甲、乙、丙等方面');
    expect(fullWidthBrackets('县(市、区)政府')).toBe('县（市、区）政府');
    expect(cityNameOf('江临市2026年度政务公开工作考核评分细则')).toBe('江临市');
    expect(cityNameOf('2026年度考核细则')).toBe('本市');
  });
});
