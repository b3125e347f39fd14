// Line normalization before anything is matched (spec §6): NFKC (full-width punctuation and digits
// become ASCII, so "（一）" and "(一)" read alike), inline pinyin stripped ("申請(qǐng)"), traditional
// script converted to simplified with OpenCC (t2s) when the text is in traditional script.
import * as OpenCC from 'opencc-js/t2cn';

/** Characters that occur only in traditional script, common in these reports. */
const TRADITIONAL_ONLY = new Set('開關數據請結轉處國會這報說時務機經項區縣鎮單當發對總計況業規辦應門問題進議訴訟條為與們個來過實體現還聯網頁號級權責審統億萬導圍廣書長東車員參衛醫療產環護營價樣種極歷強從變點電話見視讀動續監證鄉復屬協決擬維糾費稅聽組織構義際認識陳約節');

/** True when the text is (mostly) in traditional script. */
export function isTraditional(text: string): boolean {
  let hits = 0;
  const n = Math.min(text.length, 200_000);
  for (let i = 0; i < n; i++) if (TRADITIONAL_ONLY.has(text[i] ?? '')) if (++hits >= 3) return true;
  return false;
}

let t2s: ((s: string) => string) | undefined;
/** OpenCC traditional → simplified (Taiwan/standard variants), built once on first use. */
export function toSimplified(text: string): string {
  t2s ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return t2s(text);
}

const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;
const PINYIN = /(?<=[\u3400-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüɑɡ]+\)/g;

/** One line, ready for matching. Line breaks are never added or removed, so line numbers hold. */
export function normalizeLine(line: string, traditional: boolean): string {
  const folded = line.replace(INVISIBLE, '').normalize('NFKC').replace(PINYIN, '');
  return traditional ? toSimplified(folded) : folded;
}

/** Only the Chinese characters (and Latin letters) of a text: what labels are matched on. */
export function compactLabel(text: string): string {
  return text.replace(/[^\u3400-\u9fffA-Za-z]/g, '');
}
