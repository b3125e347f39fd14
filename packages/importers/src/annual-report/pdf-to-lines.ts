// PDF text layer → lines, via pdf.js (unpdf). Text items are grouped into lines by their baseline
// and joined left to right, with a space where the gap between two items is wider than a sliver;
// so a table row comes out as `规章 1 0 11`. A PDF without any text is a scan: a clear error.
import { ReportParseError } from './parse-error';
import type { SourceLine } from './source-line';

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

function groupLines(items: Item[]): string[] {
  const sorted = items.filter((i) => i.str !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const item of sorted) {
    const last = lines[lines.length - 1];
    const head = last?.[0];
    if (last && head && Math.abs(head.y - item.y) <= Math.max(2, 0.4 * Math.max(head.h, item.h))) last.push(item);
    else lines.push([item]);
  }
  return lines.map((line) => {
    line.sort((a, b) => a.x - b.x);
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const item of line) {
      const gap = item.x - end;
      if (text !== '' && gap > 0.2 * Math.max(item.h, 4) && !text.endsWith(' ') && !item.str.startsWith(' ')) text += ' ';
      text += item.str;
      end = item.x + item.w;
    }
    return text.replace(/\s+$/, '');
  });
}

export interface PdfLines {
  lines: SourceLine[];
  pages: number;
  /** 1-based numbers of pages with no text at all (scanned pages inside a text PDF). */
  emptyPages: number[];
}

export async function pdfToLines(bytes: Uint8Array): Promise<PdfLines> {
  const { getDocumentProxy } = await import('unpdf');
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may detach the buffer it is given, and refuses a Node Buffer: hand it a plain copy.
    doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false, stopAtErrors: false });
  } catch (cause) {
    throw new ReportParseError(
      'bad_pdf',
      `无法打开 PDF 文件(文件损坏或已加密): ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
  try {
    const lines: SourceLine[] = [];
    const emptyPages: number[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const t = it.transform as number[];
        items.push({ str: it.str, x: t[4] ?? 0, y: t[5] ?? 0, w: it.width, h: it.height || Math.abs(t[3] ?? 0) });
      }
      const pageLines = groupLines(items);
      if (pageLines.every((l) => l.trim() === '')) emptyPages.push(p);
      for (const text of pageLines) lines.push({ text, line: lines.length + 1 });
      page.cleanup();
    }
    if (lines.every((l) => l.text.trim() === '')) {
      throw new ReportParseError(
        'scanned_pdf',
        `这个 PDF 没有文字层(共 ${doc.numPages} 页, 可能是扫描件或图片), 无法读取其中的数字。请提供可复制文字的 PDF、Word 或网页版本, 或先做文字识别(OCR)后再导入。`,
      );
    }
    return { lines, pages: doc.numPages, emptyPages };
  } catch (cause) {
    if (cause instanceof ReportParseError) throw cause;
    throw new ReportParseError('bad_pdf', `读取 PDF 文字时出错: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
