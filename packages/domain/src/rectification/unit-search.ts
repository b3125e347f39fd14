// Finding a unit by what people type: part of its name, its code, or the pinyin initials of its
// name (「lzq」 finds 临江区…). Initials come from pinyin-pro, the maintained converter; each name is
// converted once and kept.
import { pinyin } from 'pinyin-pro';

const initialsCache = new Map<string, string>();

/** The pinyin initials of a name, lower case, non-Chinese characters kept as they are. */
export function pinyinInitials(name: string): string {
  let cached = initialsCache.get(name);
  if (cached === undefined) {
    cached = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
      .join('')
      .replace(/\s+/g, '')
      .toLowerCase();
    if (initialsCache.size > 20_000) initialsCache.clear();
    initialsCache.set(name, cached);
  }
  return cached;
}

/** Whether a unit matches the typed text: name contains it, code contains it, or the initials do. Blank matches all. */
export function unitMatches(query: string, unit: { code: string; name: string }): boolean {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (q === '') return true;
  if (unit.name.includes(query.trim()) || unit.code.toLowerCase().includes(q)) return true;
  return /^[a-z]+$/.test(q) && pinyinInitials(unit.name).includes(q);
}
