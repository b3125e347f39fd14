// Placing a row's numbers into its columns when the source lost the cell boundaries, using only the
// hard rules. A row read with as many values as columns is taken as it is. A row with fewer values
// has either run-together digits ("120001316" = 12|0|0|0|1|3|16) or blank cells that vanished; each
// way of reading it is a candidate, kept only if its own 总计 adds up (H2, H4–H6). The table's
// column equations (H1, H3) then pick among the candidates of all rows together. A cell on which
// the surviving readings disagree is unresolved: null, never a guess.
import type { Token } from './tokenize';

export type ValueToken = Extract<Token, { kind: 'num' | 'blank' | 'bad' }>;

export interface CellReading {
  value: number | null;
  unresolved: boolean;
  line: number | null;
  /** Provenance: source line index, offset and length of the digits read, when known. */
  src?: number;
  at?: number;
  len?: number;
  /** The hard rules chose this reading (digits cut or blanks placed), rather than one value per column. */
  settled?: boolean;
}
export type Candidate = readonly CellReading[];

/** Columns `parts` add up to column `sum` (indices within the row). */
export interface SumGroup {
  sum: number;
  parts: readonly number[];
}

export interface RowLayout {
  width: number;
  groups: readonly SumGroup[];
}

export interface RowCandidates {
  candidates: Candidate[];
  /** Why there is no single reading: more values than columns, too many ways to read, none fits. */
  problem: 'too_many_values' | 'too_many_readings' | null;
}

const MAX_CANDIDATES = 200;
const MAX_STEPS = 50_000;
const MAX_PART_DIGITS = 9;

const cellOf = (t: ValueToken | undefined, line: number | null): CellReading => {
  if (!t || t.kind === 'blank') return { value: null, unresolved: false, line: t?.line ?? line };
  if (t.kind === 'bad') return { value: null, unresolved: true, line: t.line };
  return t.at === undefined
    ? { value: t.value, unresolved: false, line: t.line }
    : { value: t.value, unresolved: false, line: t.line, src: t.src, at: t.at, len: t.raw.length };
};
const settle = (c: Candidate): Candidate => c.map((cell) => ({ ...cell, settled: true }));

/** A group holds when its parts (blank = 0) add up to its sum; unknown when a member is unresolved. */
function groupHolds(g: SumGroup, cells: Candidate): boolean {
  const sum = cells[g.sum];
  if (!sum || sum.unresolved) return true;
  let s = 0;
  for (const i of g.parts) {
    const c = cells[i];
    if (!c) return true;
    if (c.unresolved) return true;
    s += c.value ?? 0;
  }
  return s === (sum.value ?? 0);
}

const holdsAll = (layout: RowLayout, cells: Candidate) => layout.groups.every((g) => groupHolds(g, cells));

/** Every way to put `items` (in order) into `width` columns, the other columns blank. */
function placements(items: readonly ValueToken[], layout: RowLayout, line: number | null, budget: { steps: number }): Candidate[] | null {
  const out: Candidate[] = [];
  const slots: number[] = [];
  const walk = (item: number, from: number): boolean => {
    if (--budget.steps < 0 || out.length > MAX_CANDIDATES) return false;
    if (item === items.length) {
      const cells: CellReading[] = Array.from({ length: layout.width }, () => ({ value: null, unresolved: false, line }));
      slots.forEach((slot, i) => (cells[slot] = cellOf(items[i], line)));
      if (holdsAll(layout, cells)) out.push(cells);
      return true;
    }
    for (let s = from; s <= layout.width - (items.length - item); s++) {
      slots.push(s);
      const ok = walk(item + 1, s + 1);
      slots.pop();
      if (!ok) return false;
    }
    return true;
  };
  return walk(0, 0) ? out : null;
}

/** Every way to cut the digit strings of `items` into exactly `width` numbers whose groups add up. */
function splits(items: readonly ValueToken[], layout: RowLayout, budget: { steps: number }): Candidate[] | null {
  const digits = items.map((t) => (t.kind === 'num' ? t.digits : null));
  const strings: string[] = [];
  for (const d of digits) {
    if (d === null) return [];
    strings.push(d);
  }
  const lines = items.map((t) => t.line);
  const places = items.map((t) => (t.kind === 'num' && t.at !== undefined ? { src: t.src, at: t.at } : null));
  const groupEnding = new Map(layout.groups.map((g) => [g.sum, g]));
  const out: Candidate[] = [];
  const cells: CellReading[] = [];
  const remainingDigits = (token: number, pos: number) => strings.slice(token).reduce((n, s) => n + s.length, 0) - pos;
  const walk = (token: number, pos: number): boolean => {
    if (--budget.steps < 0 || out.length > MAX_CANDIDATES) return false;
    const slot = cells.length;
    if (token === strings.length) {
      if (slot === layout.width) out.push([...cells]);
      return true;
    }
    const s = strings[token] ?? '';
    const slotsLeft = layout.width - slot;
    const tokensLeft = strings.length - token;
    if (slotsLeft < tokensLeft || remainingDigits(token, pos) < slotsLeft) return true;
    const maxLen = s[pos] === '0' ? 1 : Math.min(MAX_PART_DIGITS, s.length - pos);
    for (let len = 1; len <= maxLen; len++) {
      const part = s.slice(pos, pos + len);
      const place = places[token];
      cells.push(
        place
          ? { value: Number(part), unresolved: false, line: lines[token] ?? null, src: place.src, at: place.at + pos, len }
          : { value: Number(part), unresolved: false, line: lines[token] ?? null },
      );
      const g = groupEnding.get(slot);
      if (!g || groupHolds(g, cells)) {
        const done = pos + len === s.length;
        // A token must end exactly on a part boundary before the next token starts.
        const ok = done ? walk(token + 1, 0) : walk(token, pos + len);
        if (!ok) {
          cells.pop();
          return false;
        }
      }
      cells.pop();
    }
    return true;
  };
  return walk(0, 0) ? out : null;
}

const sameCell = (a: CellReading | undefined, b: CellReading | undefined) => a?.value === b?.value && a?.unresolved === b?.unresolved;
const dedupe = (list: Candidate[]) => list.filter((c, i) => list.findIndex((d) => d.every((cell, j) => sameCell(cell, c[j]))) === i);

/** The readings of one row's values. */
export function rowCandidates(values: readonly ValueToken[], layout: RowLayout, line: number | null): RowCandidates {
  const items = [...values];
  while (items.length > layout.width && items[items.length - 1]?.kind === 'blank') items.pop();
  if (items.length > layout.width) return { candidates: [], problem: 'too_many_values' };
  if (items.length === layout.width) return { candidates: [items.map((t) => cellOf(t, line))], problem: null };
  if (!items.some((t) => t.kind === 'num')) {
    const bad = items.some((t) => t.kind === 'bad');
    return {
      candidates: [Array.from({ length: layout.width }, () => ({ value: null, unresolved: bad, line: items[0]?.line ?? line }))],
      problem: null,
    };
  }
  const budget = { steps: MAX_STEPS };
  // "0000000" is not one number: digits with a leading zero can only be several cells run together.
  const wellFormed = items.every((t) => t.kind !== 'num' || t.digits === null || !/^0\d/.test(t.digits));
  const placed = wellFormed ? placements(items, layout, line, budget) : [];
  let found: Candidate[] | null = placed;
  const runTogether = items.length === 1 || placed?.length === 0;
  if (found !== null && runTogether) {
    const cut = splits(items, layout, budget);
    found = cut === null ? null : [...found, ...cut];
  }
  if (found === null || found.length > MAX_CANDIDATES) return { candidates: [], problem: 'too_many_readings' };
  return { candidates: dedupe(found).map(settle), problem: null };
}

// ─── The table: column equations across rows ─────────────────────────────────────

/** `Σ lhs = Σ rhs` over cells named by (row key, column index). */
export interface CrossRowConstraint {
  lhs: readonly (readonly [string, number])[];
  rhs: readonly (readonly [string, number])[];
}

export interface SolvedRow {
  cells: CellReading[];
  /** More than one reading survived the hard rules for some of its cells. */
  ambiguous: boolean;
}

const MAX_SOLVER_STEPS = 40_000;
const MAX_SOLUTIONS = 64;

/**
 * Chooses one candidate per row so every constraint holds (blank = 0). Cells all surviving
 * solutions agree on are resolved; the rest are unresolved. Rows with no candidate are unresolved.
 */
export function solveTable(
  rows: ReadonlyMap<string, readonly Candidate[]>,
  constraints: readonly CrossRowConstraint[],
  width: number,
): Map<string, SolvedRow> {
  const ambiguous = [...rows.entries()].filter(([, c]) => c.length > 1).map(([k]) => k);
  const chosen = new Map<string, Candidate>();
  for (const [k, c] of rows) if (c.length === 1 && c[0]) chosen.set(k, c[0]);

  const position = new Map(ambiguous.map((k, i) => [k, i]));
  const byDepth: CrossRowConstraint[][] = ambiguous.map(() => []);
  for (const c of constraints) {
    const depth = Math.max(-1, ...[...c.lhs, ...c.rhs].map(([k]) => position.get(k) ?? -1));
    if (depth >= 0) byDepth[depth]?.push(c);
  }
  const side = (terms: CrossRowConstraint['lhs']): number | null => {
    let s = 0;
    for (const [row, col] of terms) {
      const cand = chosen.get(row);
      if (!cand) {
        if (rows.has(row)) return null; // a row that could not be read at all
        continue; // a row missing from the source counts as blank
      }
      const cell = cand[col];
      if (!cell || cell.unresolved) return null;
      s += cell.value ?? 0;
    }
    return s;
  };
  const holds = (c: CrossRowConstraint) => {
    const l = side(c.lhs);
    const r = side(c.rhs);
    return l === null || r === null || l === r;
  };

  const used = ambiguous.map(() => new Set<number>());
  let solutions = 0;
  let steps = MAX_SOLVER_STEPS;
  let complete = true;
  const walk = (depth: number): void => {
    if (!complete) return;
    if (--steps < 0 || solutions >= MAX_SOLUTIONS) {
      complete = false;
      return;
    }
    if (depth === ambiguous.length) {
      solutions++;
      ambiguous.forEach((k, i) => {
        const cand = chosen.get(k);
        const idx = rows.get(k)?.indexOf(cand as Candidate) ?? -1;
        if (idx >= 0) used[i]?.add(idx);
      });
      return;
    }
    const key = ambiguous[depth] ?? '';
    const cands = rows.get(key) ?? [];
    for (const cand of cands) {
      chosen.set(key, cand);
      if ((byDepth[depth] ?? []).every(holds)) walk(depth + 1);
      if (!complete) break;
    }
    chosen.delete(key);
  };
  if (ambiguous.length > 0) walk(0);

  const out = new Map<string, SolvedRow>();
  for (const [key, cands] of rows) {
    if (cands.length === 0) {
      out.set(key, { cells: Array.from({ length: width }, () => ({ value: null, unresolved: true, line: null })), ambiguous: false });
      continue;
    }
    const i = position.get(key);
    const pool =
      i === undefined
        ? cands
        : complete && (used[i]?.size ?? 0) > 0
          ? [...(used[i] ?? [])].map((j) => cands[j]).filter((c): c is Candidate => c !== undefined)
          : cands;
    const first = pool[0] ?? cands[0] ?? [];
    let unsure = false;
    const cells = first.map((cell, col) => {
      if (pool.every((c) => sameCell(c[col], cell))) return { ...cell };
      unsure = true;
      return { value: null, unresolved: true, line: cell.line };
    });
    out.set(key, { cells, ambiguous: unsure });
  }
  return out;
}
