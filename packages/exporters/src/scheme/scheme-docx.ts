// The published 考核细则 as a Word document in the official-document layout (GB/T 9704 margins,
// title in 方正小标宋 二号, body in 仿宋 三号, headings in 黑体): a landscape A4 page with the
// indicator table (header row repeated on every page, parents merged down their rows), the 合计
// row, then the groups, vetoes, bonus, major deductions and grades; page number "— 1 —" in the footer.
// Texts go through the docx library, which escapes them; characters XML cannot carry are dropped.
import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { Scheme } from '@kaoping/contracts/scoring/scheme';
import { buildSchemeDocument } from './scheme-document';

const latin = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' };
const FONT = {
  body: { ...latin, eastAsia: 'FangSong' },
  // GB/T 9704: the title in 小标宋 二号; Word falls back to a Song face where the font is missing.
  title: { ...latin, eastAsia: '方正小标宋简体' },
  heading: { ...latin, eastAsia: 'SimHei' },
  table: { ...latin, eastAsia: 'SimSun' },
};
// A4 landscape, GB/T 9704 margins turned with the page.
const PAGE = { width: 16838, height: 11906, top: 1588, bottom: 1474, left: 2098, right: 1984 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

// eslint-disable-next-line no-control-regex
const clean = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
const run = (text: string, font: typeof FONT.body, size: number, bold = false) => new TextRun({ text: clean(text), font, size, bold });

export async function schemeDocx(scheme: Scheme): Promise<Uint8Array> {
  const doc = buildSchemeDocument(scheme);
  // Indicator names get room to stay on one or two lines; 适用范围 is mostly empty, 评分标准 takes the rest.
  const weights = doc.header.map((h, i) => (i === 0 ? 5 : h === '评分标准' ? 38 : h === '分值' ? 6 : h === '适用范围' ? 10 : 15));
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  const cellOf = (
    text: string,
    opts: {
      header?: boolean;
      rowSpan?: number;
      colSpan?: number;
      center?: boolean;
      merge?: 'restart' | 'continue';
      keepNext?: boolean;
    } = {},
  ) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: opts.center || opts.header ? AlignmentType.CENTER : AlignmentType.LEFT,
          keepNext: opts.keepNext ?? false,
          spacing: { line: 300, lineRule: 'auto' },
          children: [run(text, opts.header ? FONT.heading : FONT.table, 21, opts.header)],
        }),
      ],
      columnSpan: opts.colSpan ?? 1,
      verticalAlign: VerticalAlign.CENTER,
      // Text off the ruling lines, as in a typeset table.
      margins: { left: 85, right: 85, top: 45, bottom: 45 },
      ...(opts.merge === 'restart'
        ? { verticalMerge: VerticalMergeType.RESTART }
        : opts.merge === 'continue'
          ? { verticalMerge: VerticalMergeType.CONTINUE }
          : {}),
    });

  // Word merges vertically with a "restart" cell and "continue" cells in the rows below it.
  const continues = new Map<number, { col: number; colSpan: number }[]>();
  const rows: TableRow[] = [
    new TableRow({ tableHeader: true, cantSplit: true, children: doc.header.map((h) => cellOf(h, { header: true })) }),
  ];
  // Rows under one merged level-1 cell stay on one page when they fit (up to 12 rows): a parent
  // split by a page break leaves its continuation rows without a name.
  const groupEnd: number[] = [];
  let end = -1;
  doc.rows.forEach((row, r) => {
    const level1 = row[0] && row.length > 1 ? row[1] : undefined;
    if (level1 && level1.rowSpan > 1 && level1.rowSpan <= 12) end = Math.max(end, r + level1.rowSpan - 1);
    groupEnd[r] = end;
  });
  doc.rows.forEach((row, r) => {
    // The last rows keep with the 合计 row: a total alone on a page reads as a new table.
    const keepNext = (r >= doc.rows.length - 3 && r < doc.rows.length - 1) || r < (groupEnd[r] ?? -1);
    const placed: { col: number; cell: TableCell }[] = (continues.get(r) ?? []).map((c) => ({
      col: c.col,
      cell: cellOf('', { colSpan: c.colSpan, merge: 'continue', keepNext }),
    }));
    const taken = new Set<number>((continues.get(r) ?? []).flatMap((c) => Array.from({ length: c.colSpan }, (_, i) => c.col + i)));
    let col = 0;
    row.forEach((cell, i) => {
      while (taken.has(col)) col++;
      const header = doc.header[col];
      placed.push({
        col,
        cell: cellOf(cell.text, {
          colSpan: cell.colSpan,
          center: i === 0 || header === '分值',
          merge: cell.rowSpan > 1 ? 'restart' : undefined,
          keepNext,
        }),
      });
      for (let dr = 1; dr < cell.rowSpan; dr++) {
        const list = continues.get(r + dr) ?? [];
        list.push({ col, colSpan: cell.colSpan });
        continues.set(r + dr, list);
      }
      col += cell.colSpan;
    });
    placed.sort((a, b) => a.col - b.col);
    rows.push(new TableRow({ cantSplit: true, children: placed.map((p) => p.cell) }));
  });

  const body = (text: string) =>
    new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560, lineRule: 'exact' }, children: [run(text, FONT.body, 32)] });
  const notes = doc.notes.flatMap((note, i) => [
    new Paragraph({
      indent: { firstLine: 640 },
      // A heading stays with its first line (never alone at the foot of a page).
      keepNext: true,
      spacing: { before: 240, line: 560, lineRule: 'exact' },
      children: [run(`${'一二三四五六七八九十'[i] ?? String(i + 1)}、${note.heading}`, FONT.heading, 32)],
    }),
    ...note.lines.map(body),
  ]);
  const document = new Document({
    creator: 'Kaoping',
    title: doc.title,
    styles: { default: { document: { run: { font: FONT.body, size: 32 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.height, height: PAGE.width, orientation: PageOrientation.LANDSCAPE },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONT.table, size: 28 })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 360, line: 600, lineRule: 'exact' },
            children: [run(doc.title, FONT.title, 44)],
          }),
          new Table({ layout: TableLayoutType.FIXED, width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows }),
          ...notes,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
