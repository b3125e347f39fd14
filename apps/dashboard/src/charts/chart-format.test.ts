import { describe, expect, it } from 'vitest';
import { dataIndexOf, fillTemplate, formatRankDelta, formatSigned, movementOf } from './chart-format';

describe('chart formatting', () => {
  it('writes rank movement as arrows: previous − current, positive moved up', () => {
    expect([2, -1, 0, null].map(formatRankDelta)).toEqual(['▲2', '▼1', '–', '']);
    expect([2, -1, 0, null].map(movementOf)).toEqual(['up', 'down', 'same', 'none']);
  });
  it('formats signed changes', () => {
    expect([1.5, -3, 0].map((n) => formatSigned(n))).toEqual(['+1.50', '−3.00', '0.00']);
  });
  it('fills {{placeholders}} and leaves unknown ones', () => {
    expect(fillTemplate('合格线 {{score}}', { score: 60 })).toBe('合格线 60');
    expect(fillTemplate('{{a}} {{b}}', { a: 1 })).toBe('1 {{b}}');
  });
  it('reads the data index from item params or the first of axis params', () => {
    expect(dataIndexOf({ dataIndex: 3 })).toBe(3);
    expect(dataIndexOf([{ dataIndex: 2 }, { dataIndex: 2 }])).toBe(2);
    expect([[], null, 'x', { dataIndex: -1 }, { dataIndex: 1.5 }].map(dataIndexOf)).toEqual([null, null, null, null, null]);
  });
});
