// Writers of small but real .pdf and .docx files, for parser fixtures, tests and the bench: no
// PDF/Word writer is a dependency of this package, and these need only a few well-known structures.
import { strToU8, zipSync } from 'fflate';

const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0) & 0xff);

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** UTF-16BE hex of a BMP string: the CIDs of an Identity-H font whose ToUnicode maps CID → same code point. */
const hex16 = (s: string) =>
  Array.from(s)
    .map((ch) => (ch.codePointAt(0) ?? 0x3f).toString(16).padStart(4, '0'))
    .map((h) => (h.length > 4 ? '003f' : h))
    .join('');

const TO_UNICODE = (() => {
  const blocks: string[] = [];
  for (let start = 0; start < 256; start += 100) {
    const hi = Array.from({ length: Math.min(100, 256 - start) }, (_, i) => (start + i).toString(16).padStart(2, '0'));
    blocks.push(`${hi.length} beginbfrange\n${hi.map((h) => `<${h}00> <${h}ff> <${h}00>`).join('\n')}\nendbfrange`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
})();

/** A text fragment placed on a PDF page (points from the bottom-left corner). */
export interface PdfText {
  x: number;
  y: number;
  text: string;
  size?: number;
}

/**
 * A PDF whose pages carry the given text fragments (Identity-H font with a ToUnicode map, so
 * Chinese extracts as text), or — with `textLayer: false` — only drawn shapes, like a scan.
 */
export function makePdf(pages: readonly (readonly PdfText[])[], options: { textLayer?: boolean } = {}): Uint8Array {
  const textLayer = options.textLayer ?? true;
  const objects: string[] = [];
  const pageIds: number[] = [];
  // 1 catalog, 2 pages, 3 font, 4 descendant font, 5 descriptor, 6 ToUnicode, then page/content pairs.
  const first = 7;
  pages.forEach((_, i) => pageIds.push(first + i * 2));
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type0 /BaseFont /KaopingSong /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>';
  objects[4] =
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /KaopingSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 /CIDToGIDMap /Identity >>';
  objects[5] =
    '<< /Type /FontDescriptor /FontName /KaopingSong /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>';
  objects[6] = `<< /Length ${TO_UNICODE.length} >>\nstream\n${TO_UNICODE}\nendstream`;
  pages.forEach((items, i) => {
    const pageId = first + i * 2;
    const contentId = pageId + 1;
    const ops = textLayer
      ? items.map((t) => `BT /F1 ${t.size ?? 10} Tf 1 0 0 1 ${t.x} ${t.y} Tm <${hex16(t.text)}> Tj ET`).join('\n')
      : items.map((t) => `${t.x} ${t.y} ${Math.max(10, t.text.length * 10)} 8 re f`).join('\n');
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`;
    objects[contentId] = `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`;
  });
  const chunks: string[] = ['%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n'];
  const offsets: number[] = [];
  let length = chunks[0]?.length ?? 0;
  for (let id = 1; id < objects.length; id++) {
    const body = `${id} 0 obj\n${objects[id] ?? 'null'}\nendobj\n`;
    offsets[id] = length;
    chunks.push(body);
    length += body.length;
  }
  const xref = [
    'xref',
    `0 ${objects.length}`,
    '0000000000 65535 f ',
    ...offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n `),
  ].join('\n');
  chunks.push(`${xref}\ntrailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`);
  return latin1(chunks.join(''));
}

/** Lays text lines out on A4 pages, cells of a line spread across the page like table cells. */
export function layoutPdfLines(lines: readonly string[], options: { linesPerPage?: number } = {}): PdfText[][] {
  const perPage = options.linesPerPage ?? 60;
  const pages: PdfText[][] = [];
  lines.forEach((line, i) => {
    const page = Math.floor(i / perPage);
    const y = 800 - (i % perPage) * 12;
    const cells = line.split('\t');
    const list = pages[page] ?? (pages[page] = []);
    let x = 40;
    for (const cell of cells) {
      if (cell !== '') list.push({ x, y, text: cell });
      x += Math.max(30, cell.length * 10 + 12);
    }
  });
  return pages;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph, or a table given as rows of cell texts. */
export type DocxBlock = string | { table: readonly (readonly string[])[] };

/** A minimal .docx (WordprocessingML in a zip) with paragraphs and tables. */
export function makeDocx(blocks: readonly DocxBlock[]): Uint8Array {
  const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r></w:p>`;
  const body = blocks
    .map((b) =>
      typeof b === 'string'
        ? para(b)
        : `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${b.table
            .map(
              (row) =>
                `<w:tr>${row.map((cell) => `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>${cell === '' ? '<w:p/>' : para(cell)}</w:tc>`).join('')}</w:tr>`,
            )
            .join('')}</w:tbl>`,
    )
    .join('');
  const files = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`,
    ),
  };
  return concat([zipSync(files)]);
}
