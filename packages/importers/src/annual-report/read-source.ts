// Bytes → numbered text lines. The kind of file is told from its content (magic numbers, markup),
// the file name only breaks ties (markdown vs text). Unreadable input throws ReportParseError.
import type { ReportInputKind } from '@kaoping/contracts/annual-report/parse-result';
import { htmlToLines } from './html-to-lines';
import { ReportParseError } from './parse-error';
import { pdfToLines } from './pdf-to-lines';
import { splitLines } from './source-line';
import type { SourceLine } from './source-line';

export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
/** Opening a .docx or .pdf is given this long before it counts as unreadable. */
export const OPEN_TIMEOUT_MS = 30_000;

export interface ReportSource {
  lines: SourceLine[];
  input: ReportInputKind;
  /** Notes for the reader (encoding guessed, pages without text…). */
  notes: string[];
}

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

function findAscii(bytes: Uint8Array, needle: string): boolean {
  const first = needle.charCodeAt(0);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

type Sniffed = 'pdf' | 'docx' | 'text' | { unsupported: string };

function sniff(bytes: Uint8Array): Sniffed {
  const head = ascii(bytes, 0, 1024);
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (findAscii(bytes, 'word/document.xml')) return 'docx';
    if (findAscii(bytes, 'xl/workbook'))
      return { unsupported: '这是 Excel 表格(.xlsx), 不是年度报告文档; 请提供报告的网页、Word 或 PDF 版本' };
    return { unsupported: '这是一个压缩包(zip), 不是可读取的年度报告文档' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { unsupported: '这是旧版 Word/Excel 文件(.doc/.xls), 暂不支持; 请另存为 .docx 或 PDF 后再导入' };
  if (head.startsWith('{\\rtf')) return { unsupported: '这是 RTF 文件, 暂不支持; 请另存为 .docx 或 PDF 后再导入' };
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    head.startsWith('GIF8') ||
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00])
  )
    return { unsupported: '这是图片文件(可能是扫描件), 没有可读取的文字; 请提供文字版报告, 或先做文字识别(OCR)' };
  return 'text';
}

/** Share of characters that never occur in text: control characters and U+FFFD. */
function junkShare(text: string): number {
  if (text.length === 0) return 0;
  let junk = 0;
  const n = Math.min(text.length, 200_000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) junk++;
  }
  return junk / n;
}

function decode(label: string, bytes: Uint8Array, fatal = false): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, an HTML-declared charset, else GB18030. */
function decodeBytes(bytes: Uint8Array, notes: string[]): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decode('utf-8', bytes.subarray(3)) ?? '';
  if (startsWith(bytes, [0xff, 0xfe])) return decode('utf-16le', bytes.subarray(2)) ?? '';
  if (startsWith(bytes, [0xfe, 0xff])) return decode('utf-16be', bytes.subarray(2)) ?? '';
  const declared = /<meta[^>]*charset\s*=\s*["']?\s*([\w-]+)/i.exec(ascii(bytes, 0, 4096))?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    const text = decode(declared, bytes);
    if (text !== null) return text;
  }
  const utf8 = decode('utf-8', bytes, true);
  if (utf8 !== null) return utf8;
  const gb = decode('gb18030', bytes) ?? '';
  const loose = decode('utf-8', bytes) ?? '';
  if (junkShare(gb) <= junkShare(loose)) {
    notes.push('文件不是 UTF-8 编码, 已按 GB18030(GBK)读取');
    return gb;
  }
  return loose;
}

const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html|<head[\s>]|<body[\s>]|<meta[\s>])/i;
function looksLikeHtml(text: string): boolean {
  if (HTML_START.test(text.slice(0, 2000))) return true;
  const sample = text.slice(0, 200_000);
  const tags = sample.match(/<\/?(?:table|tr|td|th|p|div|span|body|br|h[1-6])\b[^>]*>/gi)?.length ?? 0;
  return tags >= 6 && /<\/(?:p|td|div|tr|table|span)>/i.test(sample);
}

/** Text already decoded (a .txt, .md or .html read by the caller). Synchronous. */
export function readTextSource(text: string, fileName?: string, notes: string[] = []): ReportSource {
  if (junkShare(text) > 0.02)
    throw new ReportParseError('binary', '文件内容不是文字(含有大量不可见字符), 无法识别为网页、文本、Word 或 PDF');
  if (text.trim() === '') throw new ReportParseError('empty', '文件是空的, 没有可读取的内容');
  const t = text.replace(/^\ufeff/, '');
  if (looksLikeHtml(t)) return { lines: htmlToLines(t, 'source'), input: 'html', notes };
  const markdown = /\.(md|markdown)$/i.test(fileName ?? '') || /^\s*\|?\s*:?-{3,}:?\s*\|/m.test(t);
  return { lines: splitLines(t), input: markdown ? 'markdown' : 'text', notes };
}

async function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ReportParseError('timeout', `打开${what}超时(超过 ${OPEN_TIMEOUT_MS / 1000} 秒), 文件可能已损坏`)),
      OPEN_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

async function readDocx(bytes: Uint8Array): Promise<SourceLine[]> {
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return htmlToLines(result.value, 'sequential');
  } catch (cause) {
    throw new ReportParseError(
      'bad_docx',
      `无法读取 Word 文档(.docx 文件损坏或不完整): ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}

/** Any input: bytes of a .txt/.md/.html/.htm/.docx/.pdf file, or text already decoded. */
export async function readReportSource(input: Uint8Array | string, fileName?: string): Promise<ReportSource> {
  if (typeof input === 'string') return readTextSource(input, fileName);
  if (input.length === 0) throw new ReportParseError('empty', '文件是空的, 没有可读取的内容');
  if (input.length > MAX_INPUT_BYTES)
    throw new ReportParseError(
      'too_large',
      `文件太大(${Math.round(input.length / 1048576)} MB), 超过 ${MAX_INPUT_BYTES / 1048576} MB 上限`,
    );
  const kind = sniff(input);
  if (typeof kind === 'object') throw new ReportParseError('unsupported', kind.unsupported);
  if (kind === 'pdf') {
    const pdf = await withTimeout(pdfToLines(input), ' PDF ');
    const notes = pdf.emptyPages.length > 0 ? [`PDF 第 ${pdf.emptyPages.join('、')} 页没有文字层(可能是扫描页), 其中内容无法读取`] : [];
    return { lines: pdf.lines, input: 'pdf', notes };
  }
  if (kind === 'docx') {
    const lines = await withTimeout(readDocx(input), ' Word 文档');
    if (lines.length === 0) throw new ReportParseError('empty', 'Word 文档中没有文字');
    return { lines, input: 'docx', notes: [] };
  }
  const notes: string[] = [];
  return readTextSource(decodeBytes(input, notes), fileName, notes);
}
