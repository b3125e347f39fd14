// The scoring grid's pending edits, saved together (issue #14): an edit waits `delayMs` for more,
// then the pending cells go in one `assessment.inputs.saveScores` call (at most `maxCells`; the
// rest in the next). One save at a time, so a cell's second edit is sent against the value its
// first one saved. Each cell has a state the grid shows: pending, saving, saved or failed (a batch
// is all or nothing, so a refused batch fails all its cells).
export interface PendingCell {
  unitId: number;
  leaf: string;
  value: string | null;
  naReason: string;
  /** The value the grid showed before the edit (null = empty). */
  expected: string | null;
}

export type CellState = 'pending' | 'saving' | 'saved' | 'failed';
export interface CellStatus {
  state: CellState;
  value: string | null;
}

export const cellKey = (unitId: number, leaf: string) => `${unitId}:${leaf}`;

export interface ScoreBatcherOptions {
  delayMs: number;
  maxCells: number;
  save: (cells: PendingCell[]) => Promise<void>;
  /** Called after every change of any cell's state, with all states. */
  onChange: (statuses: ReadonlyMap<string, CellStatus>) => void;
  onError: (error: unknown) => void;
}

export class ScoreBatcher {
  private readonly pending = new Map<string, PendingCell>();
  private readonly statuses = new Map<string, CellStatus>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private saving = false;

  constructor(private readonly options: ScoreBatcherOptions) {}

  /** Queues an edit; a second edit of a pending cell replaces it (keeping what the grid showed first). */
  add(cell: PendingCell): void {
    const key = cellKey(cell.unitId, cell.leaf);
    const queued = this.pending.get(key);
    const status = this.statuses.get(key);
    // Saved but the grid not yet reloaded: the server now holds what was saved.
    const expected = queued ? queued.expected : status?.state === 'saved' ? status.value : cell.expected;
    this.pending.set(key, { ...cell, expected });
    this.set(key, { state: 'pending', value: cell.value });
    this.schedule(this.options.delayMs);
  }

  /** The grid reloaded: saved cells now show the server's value (failed ones stay marked until edited again). */
  forgetSaved(): void {
    let changed = false;
    for (const [key, status] of this.statuses) {
      if (status.state === 'saved') {
        this.statuses.delete(key);
        changed = true;
      }
    }
    if (changed) this.options.onChange(new Map(this.statuses));
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private set(key: string, status: CellStatus): void {
    this.statuses.set(key, status);
    this.options.onChange(new Map(this.statuses));
  }

  private schedule(delay: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  /** Sends the pending cells now (the timer calls it; a save in flight defers it to its end). */
  async flush(): Promise<void> {
    if (this.saving || this.pending.size === 0) return;
    const batch = [...this.pending.entries()].slice(0, this.options.maxCells);
    for (const [key, cell] of batch) {
      this.pending.delete(key);
      this.statuses.set(key, { state: 'saving', value: cell.value });
    }
    this.options.onChange(new Map(this.statuses));
    this.saving = true;
    try {
      await this.options.save(batch.map(([, cell]) => cell));
      for (const [key, cell] of batch) {
        const again = this.pending.get(key);
        // Edited again while this save was in flight: that edit now replaces what was just saved.
        if (again) this.pending.set(key, { ...again, expected: cell.value });
        else this.statuses.set(key, { state: 'saved', value: cell.value });
      }
    } catch (error) {
      for (const [key, cell] of batch) if (!this.pending.has(key)) this.statuses.set(key, { state: 'failed', value: cell.value });
      this.options.onError(error);
    } finally {
      this.saving = false;
      this.options.onChange(new Map(this.statuses));
    }
    if (this.pending.size > 0) this.schedule(0);
  }
}
