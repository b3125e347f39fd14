import { describe, expect, it } from 'vitest';
import { isUnitActiveOn } from './unit-status';

describe('在册 or 已撤销 on a day', () => {
  it('a unit retired today is 已撤销; one retired tomorrow is still 在册', () => {
    expect(isUnitActiveOn('2026-12-07', '2026-12-07')).toBe(false);
    expect(isUnitActiveOn('2026-12-08', '2026-12-07')).toBe(true);
    expect(isUnitActiveOn('2026-12-06', '2026-12-07')).toBe(false);
    expect(isUnitActiveOn(null, '2026-12-07')).toBe(true);
  });
});
