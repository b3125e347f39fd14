// The form's unsaved state kept in this browser (autosave), so a closed tab, a crash or a click
// elsewhere loses nothing. One entry per unit, year and the server version it was edited from;
// a saved report clears it.
export interface LocalDraft<D> {
  draft: D;
  automatic: string[];
  at: string;
}

const PREFIX = 'kaoping.report-draft';

export const localDraftKey = (unitId: number, year: number, reportId: number | null, version: number) =>
  `${PREFIX}:${unitId}:${year}:${reportId ?? 'new'}:${version}`;

export function readLocalDraft<D>(storage: Pick<Storage, 'getItem'>, key: string): LocalDraft<D> | null {
  try {
    const text = storage.getItem(key);
    if (!text) return null;
    const parsed = JSON.parse(text) as Partial<LocalDraft<D>>;
    if (parsed.draft === undefined || typeof parsed.at !== 'string') return null;
    return { draft: parsed.draft, automatic: Array.isArray(parsed.automatic) ? parsed.automatic : [], at: parsed.at };
  } catch {
    return null;
  }
}

export function writeLocalDraft<D>(storage: Pick<Storage, 'setItem'>, key: string, entry: LocalDraft<D>): void {
  try {
    storage.setItem(key, JSON.stringify(entry));
  } catch {
    // Storage full or disabled: the leave warning still protects the work.
  }
}

/** Drops every kept draft of this unit and year (after a save the server holds the work). */
export function clearLocalDrafts(storage: Pick<Storage, 'length' | 'key' | 'removeItem'>, unitId: number, year: number): void {
  const prefix = `${PREFIX}:${unitId}:${year}:`;
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(prefix)) keys.push(k);
  }
  for (const k of keys) storage.removeItem(k);
}
