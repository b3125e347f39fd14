// The city a province account reads (docs/scale.md, The province): chosen in the header's office
// picker, kept in localStorage per account, and sent as X-Kaoping-Office on every tRPC request
// (trpc.ts) — but only while a province account's layout is shown (the picker activates it), so a
// city account signing in afterwards in the same browser never sends a stale choice.
import { useSyncExternalStore } from 'react';

const STORAGE_PREFIX = 'kaoping.office.';
export const OFFICE_HEADER = 'X-Kaoping-Office';

let active: { userId: number; officeId: number | null } | null = null;
const listeners = new Set<() => void>();

function stored(userId: number): number | null {
  try {
    const value = Number(localStorage.getItem(`${STORAGE_PREFIX}${userId}`));
    return Number.isSafeInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

function notify(): void {
  for (const listener of listeners) listener();
}

/** A province account's layout is shown: its kept choice (if any) is sent from now on. Idempotent. */
export function activateOfficeChoice(userId: number, notifyListeners = true): void {
  if (active?.userId === userId) return;
  active = { userId, officeId: stored(userId) };
  // Called during the layout's render too (before any page asks for data), where it must not update others.
  if (notifyListeners) notify();
}

/** The province account's layout is gone (signed out): nothing is sent any more. */
export function deactivateOfficeChoice(userId: number): void {
  if (active?.userId !== userId) return;
  active = null;
  notify();
}

/** Picks (or, with null, forgets) the city the active province account reads. */
export function chooseOffice(officeId: number | null): void {
  if (!active) return;
  active = { ...active, officeId };
  try {
    const key = `${STORAGE_PREFIX}${active.userId}`;
    if (officeId === null) localStorage.removeItem(key);
    else localStorage.setItem(key, String(officeId));
  } catch {
    // Private mode: the choice lasts until the page is reloaded.
  }
  notify();
}

/** The city chosen, or null (none chosen, or not a province account). */
export function chosenOffice(): number | null {
  return active?.officeId ?? null;
}

/**
 * Whether a call reads the picked city (and so names it): the published results (dashboard.*). The
 * account's own calls (auth.*, users.*: its sessions and password) and province.* run in its own office.
 */
export function readsPickedCity(path: string): boolean {
  return chosenOffice() !== null && path.startsWith('dashboard.');
}

/** The request headers naming the chosen city (empty when none). */
export function officeHeaders(): Record<string, string> {
  const office = chosenOffice();
  return office === null ? {} : { [OFFICE_HEADER]: String(office) };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The chosen city, re-rendering on change. */
export function useChosenOffice(): number | null {
  return useSyncExternalStore(subscribe, chosenOffice, () => null);
}
