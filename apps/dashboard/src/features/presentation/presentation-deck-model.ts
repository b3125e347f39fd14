// The meeting's slide sequence and its keyboard, as pure functions: the deck component only
// renders the slide at `index` and applies what these return.

/** The fixed order of the quarterly meeting (季度通报会). */
export type Slide =
  { kind: 'overview' } | { kind: 'ranking'; group: string } | { kind: 'problems' } | { kind: 'rectification' } | { kind: 'requirements' };

/** overview → each group's ranking → problems by category → last period's rectification → requirements. */
export function buildSlideSequence(groups: readonly { code: string }[]): Slide[] {
  return [
    { kind: 'overview' },
    ...groups.map((g): Slide => ({ kind: 'ranking', group: g.code })),
    { kind: 'problems' },
    { kind: 'rectification' },
    { kind: 'requirements' },
  ];
}

export type DeckAction = { type: 'go'; index: number } | { type: 'exit' } | { type: 'digit'; digit: string } | null;

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar', 'Enter']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

/** What a key does on slide `index` of `count` (null: not the deck's key). */
export function deckActionForKey(key: string, index: number, count: number): DeckAction {
  const last = Math.max(0, count - 1);
  if (NEXT.has(key)) return { type: 'go', index: Math.min(last, index + 1) };
  if (PREVIOUS.has(key)) return { type: 'go', index: Math.max(0, index - 1) };
  if (key === 'Home') return { type: 'go', index: 0 };
  if (key === 'End') return { type: 'go', index: last };
  if (key === 'Escape' || key === 'Esc') return { type: 'exit' };
  if (/^[0-9]$/.test(key)) return { type: 'digit', digit: key };
  return null;
}

/**
 * Number keys jump to a slide (1 = the first). Digits typed in quick succession form one number
 * ("1", "2" → slide 12): `jump` is the slide to go to now, `wait` says another digit could still
 * follow (the deck waits a moment, then jumps to `fallback`).
 */
export function resolveDigits(buffer: string, count: number): { jump: number | null; wait: boolean; fallback: number | null } {
  const n = Number(buffer);
  const valid = Number.isInteger(n) && n >= 1 && n <= count ? n - 1 : null;
  const couldGrow = n > 0 && n * 10 <= count;
  if (couldGrow) return { jump: null, wait: true, fallback: valid };
  return { jump: valid, wait: false, fallback: null };
}
