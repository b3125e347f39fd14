// The escalation ladder 提醒 → 通报 → 约谈 → 通报批评 (reminder → bulletin → interview → public_criticism).
//
// Decisions (the specs are silent):
//   - Escalation only goes up: a level at or below the item's current level is refused.
//   - Normally one step at a time, so the unit has had each lighter measure first. Skipping levels
//     is allowed (条例 第47条 lets the office 通报批评 directly for serious cases) but only with a
//     written note saying why; the note is kept in the event.
//   - Only open items can be escalated (see the transition table in rectification-machine.ts).
//   - Each step is an event with the person recording it (actor), the time, and optionally who
//     decided it (decidedBy, e.g. the office's leader who ordered the 约谈).

import { escalationLevels, type EscalationLevel } from '@kaoping/contracts/rectification/rectification-status';

export function escalationRank(level: EscalationLevel | null): number {
  return level === null ? -1 : escalationLevels.indexOf(level);
}

/** The next level up, or null at the top of the ladder. */
export function nextEscalationLevel(current: EscalationLevel | null): EscalationLevel | null {
  return escalationLevels[escalationRank(current) + 1] ?? null;
}

export type EscalationCheck =
  { ok: true; skipsLevels: boolean } | { ok: false; code: 'escalation_not_upward' | 'escalation_skip_needs_note' };

export function checkEscalation(current: EscalationLevel | null, level: EscalationLevel, note: string | null): EscalationCheck {
  const from = escalationRank(current);
  const to = escalationRank(level);
  if (to <= from) return { ok: false, code: 'escalation_not_upward' };
  const skipsLevels = to > from + 1;
  if (skipsLevels && !(note ?? '').trim()) return { ok: false, code: 'escalation_skip_needs_note' };
  return { ok: true, skipsLevels };
}
