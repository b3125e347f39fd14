import { describe, expect, it } from 'vitest';
import { clearLocalDrafts, localDraftKey, readLocalDraft, writeLocalDraft } from './local-draft';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    key: (i: number) => [...m.keys()][i] ?? null,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    clear: () => m.clear(),
  };
}

describe('the report form keeps unsaved work in the browser', () => {
  it('reads back what was written, per unit, year and version', () => {
    const s = memoryStorage();
    const key = localDraftKey(1, 2025, 7, 3);
    writeLocalDraft(s, key, { draft: { cells: { 'apply.new.natural': 12 } }, automatic: ['apply.new.total'], at: '2026-12-07T01:00:00Z' });
    expect(readLocalDraft(s, key)).toEqual({
      draft: { cells: { 'apply.new.natural': 12 } },
      automatic: ['apply.new.total'],
      at: '2026-12-07T01:00:00Z',
    });
    expect(readLocalDraft(s, localDraftKey(1, 2025, 7, 4))).toBeNull();
  });

  it('ignores a damaged entry and clears only the saved unit and year', () => {
    const s = memoryStorage();
    s.setItem(localDraftKey(1, 2025, null, 0), '{not json');
    expect(readLocalDraft(s, localDraftKey(1, 2025, null, 0))).toBeNull();
    writeLocalDraft(s, localDraftKey(2, 2025, null, 0), { draft: {}, automatic: [], at: 'x' });
    clearLocalDrafts(s, 1, 2025);
    expect(s.length).toBe(1);
    expect(readLocalDraft(s, localDraftKey(2, 2025, null, 0))).not.toBeNull();
  });
});
