import { describe, expect, it } from 'vitest';
import { commonDueDate, findRepeatedUnits } from './bulletin-rectification';

describe('bulletin rectification rules', () => {
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

  it('takes the most frequent due date, the latest among equals', () => {
    expect(commonDueDate([])).toBeNull();
    expect(commonDueDate(['2025-11-03', '2025-11-10', '2025-11-03'])).toBe('2025-11-03');
    expect(commonDueDate(['2025-11-03', '2025-11-10'])).toBe('2025-11-10');
  });
});
