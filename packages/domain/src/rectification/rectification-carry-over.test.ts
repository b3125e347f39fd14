import { describe, expect, it } from 'vitest';
import { applyTransition } from './rectification-machine';
import { carryOverActions, currentPeriodOf, nextPeriodCode } from './rectification-carry-over';
import { actors, instant, itemIn } from './rectification-test-fixtures';

describe('carry-over when a period is locked', () => {
  it('knows the next period', () => {
    expect(nextPeriodCode('2025Q3')).toBe('2025Q4');
    expect(nextPeriodCode('2025Q4')).toBe('2026Q1');
    expect(nextPeriodCode('2025')).toBe('2026');
    expect(nextPeriodCode('2025Q5')).toBeNull();
  });

  it('carries the open items of the locked period into the next one', () => {
    const items = [
      { ...itemIn('in_progress'), id: 1 },
      { ...itemIn('submitted'), id: 2 },
      { ...itemIn('closed'), id: 3 },
      { ...itemIn('cancelled'), id: 4 },
      { ...itemIn('returned'), id: 5, period: '2025Q2', carriedOver: true, carriedInto: '2025Q3' },
      { ...itemIn('returned'), id: 6, period: '2025Q2' },
    ];
    const actions = carryOverActions(items, '2025Q3');
    expect(actions).toEqual([
      { itemId: 1, action: { type: 'carry_over', into: '2025Q4' } },
      { itemId: 2, action: { type: 'carry_over', into: '2025Q4' } },
      { itemId: 5, action: { type: 'carry_over', into: '2025Q4' } },
    ]);
    const five = items[4];
    const step = actions[2];
    if (!five || !step) throw new Error('fixture');
    const r = applyTransition(five, step.action, actors.admin, instant(30));
    expect(r).toMatchObject({ ok: true, item: { carriedInto: '2025Q4', status: 'returned' } });
    if (r.ok) expect(currentPeriodOf(r.item)).toBe('2025Q4');
    expect(() => carryOverActions(items, 'Q3')).toThrow(RangeError);
  });
});
