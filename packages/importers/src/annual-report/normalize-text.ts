// Line normalization before anything is matched (spec §6): NFKC (full-width punctuation and digits
// become ASCII, so "（一）" and "(一)" read alike), inline pinyin stripped ("申請(qǐng)"), traditional
// script converted to simplified with OpenCC (t2s) when the text is in traditional script.
import * as OpenCC from 'opencc-js/t2cn';

/** Characters that occur only in traditional script, common in these reports. */
const TRADITIONAL_ONLY =
  /[開關數據請結轉處國會這報說時務機經項區縣鎮單當發對總計況業規辦應門問題進議訴訟條為與們個來過實體現還聯網頁號級權責審統億萬導圍廣書長東車員參衛醫療產環護營價樣種極歷強從變點電話見視讀動續監證鄉復屬協決擬維糾費稅聽組織構義際認識陳約節]/g;

/** True when the text is (mostly) in traditional script: three or more traditional-only characters. */
export function isTraditional(text: string): boolean {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  TRADITIONAL_ONLY.lastIndex = 0;
  for (let hits = 0; TRADITIONAL_ONLY.exec(sample);) if (++hits >= 3) return true;
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

/** Printable ASCII, CJK ideographs and the punctuation NFKC leaves alone: nothing to fold. */
const STABLE = /^[\t\u0020-\u007e\u4e00-\u9fff\u3001\u3002\u201c\u201d\u2018\u2019\u2014\u2026\u300a\u300b]*$/;

/** One line, ready for matching. Line breaks are never added or removed, so line numbers hold. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000\u00a0]/g;
const toHalfWidth = (ch: string) => (ch === '\u3000' || ch === '\u00a0' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/** NFKC, with a fast path for the common case: only full-width ASCII forms to fold. */
/** ①…⑳ as row numbering: NFKC would make "①属于国家秘密" a bare "1属于…", a value glued to a label. */
const CIRCLED = /[\u2460-\u2473]/g;
const circledToNumbering = (ch: string) => `${ch.charCodeAt(0) - 0x245f}.`;

function fold(line: string): string {
  if (STABLE.test(line)) return line;
  const quick = line.replace(FULL_WIDTH, toHalfWidth);
  return STABLE.test(quick) ? quick : quick.replace(INVISIBLE, '').replace(CIRCLED, circledToNumbering).normalize('NFKC');
}

export function normalizeLine(line: string, traditional: boolean): string {
  let folded = fold(line);
  if (folded.includes('(')) folded = folded.replace(PINYIN, '');
  return traditional ? toSimplified(folded) : folded;
}

/** Only the Chinese characters (and Latin letters) of a text: what labels are matched on. */
export function compactLabel(text: string): string {
  return text.replace(/[^\u3400-\u9fffA-Za-z]/g, '');
}
