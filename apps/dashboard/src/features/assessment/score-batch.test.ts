import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cellKey, ScoreBatcher, type CellStatus, type PendingCell } from './score-batch';

describe('the scoring grid batches its pending edits', () => {
  let sent: PendingCell[][];
  let states: ReadonlyMap<string, CellStatus>;
  let errors: unknown[];
  let fail: boolean;
  let release: (() => void) | null;
  let hold: boolean;
  const make = (maxCells = 500) =>
    new ScoreBatcher({
      delayMs: 300,
      maxCells,
      save: (cells) => {
        sent.push(cells);
        if (hold) return new Promise<void>((resolve) => (release = resolve));
        return fail ? Promise.reject(new Error('单位 A01 指标 2.2 已被他人修改')) : Promise.resolve();
      },
      onChange: (s) => (states = s),
      onError: (e) => errors.push(e),
    });
  const cell = (unitId: number, leaf: string, value: string | null, expected: string | null = null): PendingCell => ({
    unitId,
    leaf,
    value,
    naReason: '',
    expected,
  });
  const state = (unitId: number, leaf: string) => states.get(cellKey(unitId, leaf))?.state;

  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    states = new Map();
    errors = [];
    fail = false;
    hold = false;
    release = null;
  });
  afterEach(() => vi.useRealTimers());

  it('waits 300 ms after the last edit, then sends every pending cell in one save, and marks them saved', async () => {
    const b = make();
    b.add(cell(1, '2.2', '13'));
    await vi.advanceTimersByTimeAsync(200);
    b.add(cell(2, '2.2', '9'));
    b.add(cell(1, '2.2', '14')); // the same cell again: one entry, against what the grid showed first
    expect(state(1, '2.2')).toBe('pending');
    await vi.advanceTimersByTimeAsync(299);
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([[cell(1, '2.2', '14'), cell(2, '2.2', '9')]]);
    expect(state(1, '2.2')).toBe('saved');
    expect(state(2, '2.2')).toBe('saved');
    // Before the grid reloads, the next edit is sent against the saved value.
    b.add(cell(1, '2.2', '15', null));
    await vi.advanceTimersByTimeAsync(300);
    expect(sent[1]).toEqual([cell(1, '2.2', '15', '14')]);
    b.forgetSaved();
    expect(states.size).toBe(0);
  });

  it('fails every cell of a refused batch (all or nothing) and reports the error once', async () => {
    fail = true;
    const b = make();
    b.add(cell(1, '2.2', '13'));
    b.add(cell(2, '2.2', '9'));
    await vi.advanceTimersByTimeAsync(300);
    expect(state(1, '2.2')).toBe('failed');
    expect(state(2, '2.2')).toBe('failed');
    expect(errors).toHaveLength(1);
    b.forgetSaved(); // the grid reloaded: failed cells stay marked
    expect(state(1, '2.2')).toBe('failed');
  });

  it('sends at most maxCells at once and one save at a time; an edit during a save goes next, against the value saved', async () => {
    hold = true;
    const b = make(2);
    for (let u = 1; u <= 3; u++) b.add(cell(u, '1.1', '1'));
    await vi.advanceTimersByTimeAsync(300);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toHaveLength(2);
    expect(state(1, '1.1')).toBe('saving');
    b.add(cell(1, '1.1', '0', null));
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(1); // still waiting for the first save
    hold = false;
    release?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual([cell(3, '1.1', '1'), cell(1, '1.1', '0', '1')]);
    expect(state(1, '1.1')).toBe('saved');
    expect(state(3, '1.1')).toBe('saved');
  });
});
