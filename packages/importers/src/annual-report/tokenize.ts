// Table text → tokens: label text, numbers, explicit blank cells, unreadable cells. Works the same
// on pipe rows, one cell per line (with or without lone `|` lines), space-separated PDF rows and
// crawler text where labels and digits run together. Page markers and label numbering are dropped.
import { compactLabel } from './normalize-text';
import type { SourceLine } from './source-line';

export type Token =
  | { kind: 'text'; text: string; compact: string; line: number }
  /** `digits`: the digit string of a plain integer (what run-together splitting works on). */
  /** `src`/`at`: index of the source line and offset of `raw` in it, when known (provenance spans). */
  | { kind: 'num'; raw: string; value: number; digits: string | null; unit: '元' | '万元' | null; line: number; src?: number; at?: number }
  | { kind: 'blank'; line: number }
  | { kind: 'bad'; raw: string; line: number };

type Raw = Token | { kind: 'sep'; line: number };

export interface TokenizeResult {
  tokens: Token[];
  notes: string[];
}

const PAGE_MARKER = [
  /^\s*[-—–−_]+\s*\d{1,4}\s*[-—–−_]+\s*$/,
  /^\s*第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?\s*$/,
  /^\s*(?:page\s*)?\d+\s*(?:\/|of)\s*\d+\s*$/i,
  /^\s*<!--.*-->\s*$/,
];
const INLINE_PAGE_MARKER = /(^|\s)[-—–]\s*\d{1,3}\s*[-—–](?=\s|$)/g;
/** "769- 5 -法提供": a page footer glued into crawler text; the spaces inside tell it from "0517-8360". */
const GLUED_PAGE_MARKER = /[-—–]\s+\d{1,3}\s+[-—–]/g;
const MD_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const BLANK_WORD = /^(?:\/+|-{1,2}|—{1,2}|–|\\)$/;

const isPageMarker = (line: string) => PAGE_MARKER.some((re) => re.test(line));

/** `replacement` padded with spaces to the length of what it replaces, so offsets into the line hold. */
const padded = (match: string, replacement: string) => replacement + ' '.repeat(Math.max(0, match.length - replacement.length));

/** Rewrites that make a cell's text unambiguous before numbers are picked out of it (lengths kept). */
function prepare(text: string, line: number, notes: string[]): string {
  // Each rewrite runs only when its trigger character is present: this is the hot path.
  let t = text;
  if (t.includes('*') || t.includes('_')) t = t.replace(/\*\*|__/g, (m) => padded(m, ''));
  if (t.includes('数据')) t = t.replace(/数据\s*\d+/g, (m) => padded(m, '数据')); // OCR placeholders for column headers
  if (t.includes('第')) t = t.replace(/第\s*\d+\s*([条项])/g, (m, w: string) => padded(m, `第${w}`));
  if (t.includes('年')) t = t.replace(/\d{4}\s*年度?/g, (m) => padded(m, '年'));
  if (t.includes('?')) t = t.replace(/[?](?=\s*\d)/g, ' '); // "? 0": encoding damage before a number
  if (t.includes('(')) {
    t = t.replace(/\(\s*\d{1,2}\s*\)\s*项/g, (m) => padded(m, '项')).replace(/\((\d{1,2})\)(?=\s*[\u3400-\u9fff])/g, (m) => padded(m, '')); // (1)属于国家秘密
    t = t.replace(/(\d)\s*(\((?:其中|含|包括|包含|注|另)[^()]*\)|\([^()]*\d[^()]*\))/g, (m, d: string, note: string) => {
      notes.push(`第 ${line} 行: 忽略数字后的注释“${note}”`);
      return padded(m, d);
    });
  }
  return t;
}

const NUM_RE = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
const NUMBERING_AFTER = /\s*[.、]\s*(?=[\u3400-\u9fff(“"])/y;
const UNIT_AFTER = /\s*(万元|元|件|个|项|条|次|户|人次)/y;
const SIGN_BEFORE = /(?:([增减])\s*|(?<![\d\w])([-−]))$/;
const DIGITS = /^\d+$/;

/** Label words of a stretch of text between numbers; lone "/" or "-" are blank cells. */
function pushText(pending: string, line: number, out: Raw[]) {
  for (const word of pending.split(/\s+/)) {
    if (word === '') continue;
    if (BLANK_WORD.test(word)) {
      out.push({ kind: 'blank', line });
      continue;
    }
    if (/^[?]+$/.test(word)) {
      out.push({ kind: 'bad', raw: word, line });
      continue;
    }
    const compact = compactLabel(word);
    if (compact === '') continue;
    const last = out[out.length - 1];
    if (last?.kind === 'text' && last.line === line) {
      last.text += ` ${word}`;
      last.compact += compact;
    } else out.push({ kind: 'text', text: word, compact, line });
  }
}

/** Where a scanned text sits: its source line and the offset of its first character there. */
interface Place {
  src: number | undefined;
  base: number | undefined;
}

/** Tokens of one cell or one unpiped line. */
function scan(text: string, line: number, out: Raw[], place: Place = { src: undefined, base: undefined }) {
  let pending = '';
  let at = 0;
  NUM_RE.lastIndex = 0;
  for (let m = NUM_RE.exec(text); m !== null; m = NUM_RE.exec(text)) {
    const start = m.index;
    let raw = m[0];
    let end = start + raw.length;
    let before = text.slice(at, start);
    NUMBERING_AFTER.lastIndex = end;
    const numbering = NUMBERING_AFTER.exec(text);
    if (numbering && DIGITS.test(raw)) {
      // "2.其他法律…" — the row's own number. Run together with the digits before it, only the
      // last digit is the numbering ("00000002.其他" = 0000000 + "2.").
      if (raw.length === 1) {
        pending += before;
        at = end + numbering[0].length;
        NUM_RE.lastIndex = at;
        continue;
      }
      raw = raw.slice(0, -1);
      end = start + raw.length;
    }
    let sign = 1;
    const signWord = SIGN_BEFORE.exec(before);
    if (signWord) {
      if (signWord[1] !== '增') sign = -1;
      before = before.slice(0, signWord.index);
    }
    pushText(pending + before, line, out);
    pending = '';
    let unit: '元' | '万元' | null = null;
    let consumed = end;
    if (numbering && raw.length < m[0].length) consumed = start + m[0].length + numbering[0].length;
    else {
      UNIT_AFTER.lastIndex = end;
      const u = UNIT_AFTER.exec(text);
      if (u) {
        consumed = end + u[0].length;
        if (u[1] === '元' || u[1] === '万元') unit = u[1];
      }
    }
    const num: Token = { kind: 'num', raw, value: sign * Number(raw.replace(/,/g, '')), digits: DIGITS.test(raw) ? raw : null, unit, line };
    if (place.base !== undefined) Object.assign(num, { src: place.src, at: place.base + start });
    out.push(num);
    at = consumed;
    NUM_RE.lastIndex = consumed;
  }
  pushText(pending + text.slice(at), line, out);
}

/**
 * Tokens of a run of lines. Pipe rows keep empty cells as blanks; lone `|` lines separate cells,
 * two in a row with nothing between them mark a blank cell.
 */
export function tokenizeLines(lines: readonly SourceLine[]): TokenizeResult {
  const notes: string[] = [];
  const raw: Raw[] = [];
  for (const source of lines) {
    const { text: original, line } = source;
    let text = original.trim();
    if (text === '') continue;
    // Offsets of numbers in the source line, for provenance spans: every rewrite below keeps lengths.
    const lead = source.src === undefined ? undefined : (source.offset ?? 0) + (original.length - original.trimStart().length);
    if (/[-—–−_页/<]/.test(text)) {
      if (isPageMarker(text) || MD_SEPARATOR.test(text)) continue;
      text = text.replace(INLINE_PAGE_MARKER, (m, p1: string) => padded(m, `${p1} `)).replace(GLUED_PAGE_MARKER, (m) => padded(m, ' '));
    }
    if (text.startsWith('#') || text.startsWith('>')) text = text.replace(/^(?:#{1,6}\s+|>\s*)/, (m) => padded(m, ''));
    if (text.trim() === '') continue;
    if (!text.includes('|')) {
      scan(prepare(text, line, notes), line, raw, { src: source.src, base: lead });
      continue;
    }
    if (/^[\s|]+$/.test(text)) {
      // A lone `|` separates cells; `| |||` on a line of its own is colspan debris.
      if (text.trim() === '|') raw.push({ kind: 'sep', line });
      continue;
    }
    const segments = text.split('|');
    const cells = segments.map((c) => c.trim());
    const starts: number[] = [];
    for (let i = 0, at = 0; i < segments.length; i++) {
      const seg = segments[i] ?? '';
      starts.push(at + (seg.length - seg.trimStart().length));
      at += seg.length + 1;
    }
    let first = 0;
    let last = cells.length - 1;
    if (text.startsWith('|')) first = 1; // before the opening pipe; `| | 5 |` starts with a blank cell
    // Colspan debris `| |||` (pipes run together at the line end) is dropped; a row that ends in
    // spaced empty cells (`| 258 | 12 | |`, an HTML row with a blank 总计) keeps them as blanks.
    const debris = /\|\s*\|\|+\s*$/.test(text);
    if (debris) while (last >= first && cells[last] === '') last--;
    else if (last >= first && cells[last] === '' && /\|\s*$/.test(text)) last--; // the closing pipe
    for (let i = first; i <= last; i++) {
      const cell = cells[i] ?? '';
      if (cell === '') raw.push({ kind: 'blank', line });
      else scan(prepare(cell, line, notes), line, raw, { src: source.src, base: lead === undefined ? undefined : lead + (starts[i] ?? 0) });
    }
  }
  // Lone separators: `|` `|` with nothing between is a blank cell; the separators themselves go.
  const tokens: Token[] = [];
  let previousWasSep = false;
  for (const t of raw) {
    if (t.kind === 'sep') {
      if (previousWasSep) tokens.push({ kind: 'blank', line: t.line });
      previousWasSep = true;
      continue;
    }
    previousWasSep = false;
    tokens.push(t);
  }
  return { tokens, notes };
}
