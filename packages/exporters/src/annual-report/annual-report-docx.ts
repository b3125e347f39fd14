// The city-wide summary as a Word document in the national layout: title, the scope line, the
// tables of 二、三、四 with the format's merged headers, the checks on the sum, the units added up.
// Official-document page (GB/T 9704: A4, 3.7/3.5/2.8/2.6 cm margins), 宋体/仿宋 with CJK fallback.
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { AnnualReportDocument } from './annual-report-document';
import { gridColumns, layoutReportTables, type GridCell, type GridTable } from '@kaoping/domain/annual-report-workflow/report-table-layout';

const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const FONT_BODY = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const FONT_TABLE = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const FONT_HEADING = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };

const para = (
  text: string,
  options: {
    size?: number;
    bold?: boolean;
    font?: typeof FONT_BODY;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    before?: number;
    after?: number;
    indent?: boolean;
  } = {},
) =>
  new Paragraph({
    alignment: options.align ?? AlignmentType.LEFT,
    spacing: { before: options.before ?? 0, after: options.after ?? 0, line: 360 },
    ...(options.indent ? { indent: { firstLine: 640 } } : {}),
    children: [new TextRun({ text, size: options.size ?? 32, bold: options.bold ?? false, font: options.font ?? FONT_BODY })],
  });

function tableOf(grid: GridTable, fontSize: number): Table {
  const columns = gridColumns(grid);
  const widths = grid.widths.map((w) => Math.floor((w / 100) * TEXT_WIDTH));
  const rows: TableRow[] = [];
  for (let r = 0; r < grid.rows; r++) {
    const cells = grid.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col);
    rows.push(
      new TableRow({
        cantSplit: true,
        tableHeader: grid.section === '三' && r < 3,
        children: cells.map((c: GridCell) => {
          const width = widths.slice(c.col, c.col + c.colSpan).reduce((s, w) => s + w, 0);
          return new TableCell({
            columnSpan: c.colSpan,
            rowSpan: c.rowSpan,
            verticalAlign: VerticalAlign.CENTER,
            width: { size: width, type: WidthType.DXA },
            margins: { top: 30, bottom: 30, left: 50, right: 50 },
            children: [
              new Paragraph({
                alignment: c.kind === 'label' && c.colSpan >= 2 ? AlignmentType.LEFT : AlignmentType.CENTER,
                children: [new TextRun({ text: c.text, size: fontSize, bold: c.kind === 'header', font: FONT_TABLE })],
              }),
            ],
          });
        }),
      }),
    );
  }
  return new Table({
    rows,
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths.slice(0, columns),
  });
}

export async function renderAnnualReportDocx(doc: AnnualReportDocument): Promise<Uint8Array> {
  const tables = layoutReportTables(doc.format, doc.cells);
  const children: (Paragraph | Table)[] = [
    para(doc.title, { size: 36, bold: true, font: FONT_HEADING, align: AlignmentType.CENTER, after: 240 }),
    para(doc.scope, { size: 28, indent: true, after: 120 }),
  ];
  for (const t of tables) {
    children.push(para(t.title, { size: 32, font: FONT_HEADING, before: 240, after: 120 }));
    children.push(tableOf(t, t.section === '二' ? 21 : 18));
  }
  children.push(para('勾稽关系校验(对汇总数)', { size: 32, font: FONT_HEADING, before: 360, after: 120 }));
  const errors = doc.checks.filter((c) => c.severity === 'error');
  if (doc.checks.length === 0) children.push(para('汇总数通过全部勾稽关系校验。', { size: 28, indent: true }));
  else {
    children.push(para(`错误 ${errors.length} 条,提示 ${doc.checks.length - errors.length} 条:`, { size: 28, indent: true }));
    for (const c of doc.checks.slice(0, 60))
      children.push(para(`${c.severity === 'error' ? '【错误】' : '【提示】'}${c.rule} ${c.message}`, { size: 24, indent: true }));
  }
  children.push(para(`附:汇总单位清单(${doc.units.length} 个)`, { size: 32, font: FONT_HEADING, before: 360, after: 120 }));
  children.push(
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [900, 1800, TEXT_WIDTH - 3600, 900],
      rows: [
        ['序号', '单位编码', '单位名称', '版本'],
        ...doc.units.map((u, i) => [String(i + 1), u.code, u.name, `第${u.versionNo}版`]),
      ].map(
        (cells, r) =>
          new TableRow({
            tableHeader: r === 0,
            children: cells.map(
              (text, i) =>
                new TableCell({
                  width: { size: [900, 1800, TEXT_WIDTH - 3600, 900][i] ?? 900, type: WidthType.DXA },
                  margins: { left: 60, right: 60 },
                  children: [
                    new Paragraph({
                      alignment: i === 2 ? AlignmentType.LEFT : AlignmentType.CENTER,
                      children: [new TextRun({ text, size: 21, bold: r === 0, font: FONT_TABLE })],
                    }),
                  ],
                }),
            ),
          }),
      ),
    }),
  );
  const document = new Document({
    creator: 'Kaoping',
    title: doc.title,
    styles: { default: { document: { run: { font: FONT_BODY, size: 32 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
