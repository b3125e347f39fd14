// HTML (web pages, HTML saved from Word, mammoth's rendering of a .docx) → text lines. Each table
// row becomes one pipe row `| 规章 | 1 |  | 11 |` so empty cells (&nbsp;) stay visible as blanks.
import { HTMLElement, NodeType, parse } from 'node-html-parser';
import type { Node } from 'node-html-parser';
import type { SourceLine } from './source-line';

const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'pre',
  'title',
  'dt',
  'dd',
  'dl',
  'center',
  'address',
  'form',
  'hr',
  'main',
  'nav',
  'aside',
  'figure',
  'figcaption',
  'caption',
  'body',
  'html',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'xml', 'meta', 'link', 'head-style', 'template', 'svg', 'iframe', 'object']);

/** Line starts of `text`, to turn an offset into a 1-based line number. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const squash = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
const tag = (n: HTMLElement) => (n.rawTagName ?? '').toLowerCase();

/** Text of a table cell; paragraphs and line breaks inside it become spaces. */
function cellText(node: Node): string {
  if (node.nodeType === NodeType.TEXT_NODE) return node.text;
  if (!(node instanceof HTMLElement)) return '';
  const t = tag(node);
  if (SKIP.has(t)) return '';
  if (t === 'br') return ' ';
  const inner = node.childNodes.map(cellText).join('');
  return BLOCK.has(t) || t === 'table' || t === 'tr' ? ` ${inner} ` : inner;
}

function rowsOf(table: HTMLElement): HTMLElement[] {
  const rows: HTMLElement[] = [];
  const visit = (n: HTMLElement) => {
    for (const c of n.childNodes) {
      if (!(c instanceof HTMLElement)) continue;
      const t = tag(c);
      if (t === 'tr') rows.push(c);
      else if (t === 'thead' || t === 'tbody' || t === 'tfoot') visit(c);
    }
  };
  visit(table);
  return rows;
}

/**
 * @param numbering `source`: lines are numbered as in the HTML file; `sequential`: 1, 2, 3… (for
 * HTML generated from a .docx, whose own line numbers mean nothing to a reader).
 */
export function htmlToLines(html: string, numbering: 'source' | 'sequential' = 'source'): SourceLine[] {
  // Word's downlevel conditional comments (<![if !supportLists]>) are not real comments.
  const cleaned = html.replace(/<!\[(?:end)?if[^\]]*\]>/gi, '');
  const root = parse(cleaned, { comment: false, lowerCaseTagName: true });
  const lineAt = lineIndex(cleaned);
  const out: SourceLine[] = [];
  let buffer = '';
  let bufferStart = -1;

  const push = (text: string, offset: number) => {
    const t = squash(text);
    if (t !== '') out.push({ text: t, line: numbering === 'source' ? lineAt(Math.max(0, offset)) : out.length + 1 });
  };
  const flush = () => {
    push(buffer, bufferStart);
    buffer = '';
    bufferStart = -1;
  };

  const visit = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      if (bufferStart < 0 && node.text.trim() !== '') bufferStart = node.range[0];
      buffer += node.text;
      return;
    }
    if (!(node instanceof HTMLElement)) return;
    const t = tag(node);
    if (SKIP.has(t)) return;
    if (t === 'br') return flush();
    if (t === 'table') {
      flush();
      for (const tr of rowsOf(node)) {
        const cells = tr.childNodes.filter((c): c is HTMLElement => c instanceof HTMLElement && (tag(c) === 'td' || tag(c) === 'th'));
        if (cells.length === 0) continue;
        const texts = cells.map((c) => squash(cellText(c)).replace(/\|/g, ' '));
        if (texts.every((x) => x === '')) continue;
        push(`| ${texts.join(' | ')} |`, tr.range[0]);
      }
      return;
    }
    const block = BLOCK.has(t);
    if (block) flush();
    for (const c of node.childNodes) visit(c);
    if (block) flush();
  };
  visit(root);
  flush();
  return out;
}
