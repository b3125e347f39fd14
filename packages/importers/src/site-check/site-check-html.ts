// A fetched page as the checks need it: its links (with their text, and whether they sit in the
// navigation), and its visible text without navigation, header and footer (where dates and wording
// are not the page's content). Parsed with node-html-parser, as the annual-report importer does.
import { HTMLElement, parse } from 'node-html-parser';

export interface PageLink {
  url: string;
  text: string;
  inNav: boolean;
}

export interface ParsedPage {
  title: string;
  links: PageLink[];
  /** Visible text of the main content (no nav/header/footer/script), one block a line. */
  content: string;
  /** All visible text, for the word check. */
  text: string;
}

const CHROME = /(^|[\s_-])(nav|menu|header|footer|top|bottom|copyright|banner)([\s_-]|$)/i;
const isNav = (el: HTMLElement) =>
  el.rawTagName?.toLowerCase() === 'nav' || /nav|menu/i.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
const isChrome = (el: HTMLElement) =>
  ['nav', 'header', 'footer', 'script', 'style', 'noscript', 'template'].includes(el.rawTagName?.toLowerCase() ?? '') ||
  CHROME.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);

function inside(el: HTMLElement, test: (e: HTMLElement) => boolean): boolean {
  for (let p: HTMLElement | null = el; p; p = p.parentNode as HTMLElement | null)
    if (p instanceof HTMLElement && p.rawTagName && test(p)) return true;
  return false;
}

/** Absolute http(s) URL without its fragment, or null (mailto:, javascript:, broken). */
export function resolveLink(href: string, base: string): string | null {
  const h = href.trim();
  if (h === '' || h.startsWith('#') || /^(javascript|mailto|tel|data):/i.test(h)) return null;
  try {
    const u = new URL(h, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

export function parsePage(html: string, baseUrl: string): ParsedPage {
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  const baseHref = root.querySelector('base')?.getAttribute('href');
  const base = baseHref ? (resolveLink(baseHref, baseUrl) ?? baseUrl) : baseUrl;
  const links: PageLink[] = [];
  for (const a of root.querySelectorAll('a[href]')) {
    const url = resolveLink(a.getAttribute('href') ?? '', base);
    if (url) links.push({ url, text: squash(a.text || a.getAttribute('title') || ''), inNav: inside(a, isNav) });
  }
  const body = root.querySelector('body') ?? root;
  const text = blockText(body, () => false);
  const content = blockText(body, isChrome);
  return { title: squash(root.querySelector('title')?.text ?? ''), links, content, text };
}

const BLOCK = /^(p|div|li|tr|td|th|h[1-6]|section|article|ul|ol|table|dd|dt|br|span)$/;

/** Text with one line per block element, skipping subtrees `skip` says no to. */
function blockText(node: HTMLElement, skip: (el: HTMLElement) => boolean): string {
  const parts: string[] = [];
  const walk = (n: HTMLElement) => {
    for (const c of n.childNodes) {
      if (c instanceof HTMLElement) {
        const t = c.rawTagName?.toLowerCase() ?? '';
        if (t === 'script' || t === 'style' || t === 'noscript' || skip(c)) continue;
        const block = BLOCK.test(t);
        if (block) parts.push('\n');
        walk(c);
        if (block) parts.push('\n');
      } else parts.push(c.text);
    }
  };
  walk(node);
  return parts.join('').split('\n').map(squash).filter(Boolean).join('\n');
}
