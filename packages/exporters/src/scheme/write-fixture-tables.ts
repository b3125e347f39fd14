// Writes fixture tables (HTML-like rows with row/column spans) as a real .xlsx (merged ranges)
// or .docx (vertically merged / spanning cells), the way an office's own files carry them.
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import type { FixtureCell, FixtureDocument, FixtureRow } from './scheme-fixture-sources';

interface Placed {
  row: number;
  col: number;
  cell: FixtureCell;
}

const asCell = (c: FixtureCell | string): FixtureCell => (typeof c === 'string' ? { text: c } : c);

/** Places cells on a grid, skipping positions covered by a span from an earlier row. */
export function placeCells(rows: FixtureRow[]): { placed: Placed[]; width: number } {
  const taken: boolean[][] = [];
  const placed: Placed[] = [];
  let width = 0;
  rows.forEach((row, r) => {
    let c = 0;
    for (const raw of row) {
      const cell = asCell(raw);
      while (taken[r]?.[c]) c++;
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) (taken[r + dr] ??= [])[c + dc] = true;
      placed.push({ row: r, col: c, cell });
      c += cs;
      width = Math.max(width, c);
    }
  });
  return { placed, width };
}

export async function fixtureXlsx(doc: FixtureDocument): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2026, 0, 1));
  workbook.modified = workbook.created;
  for (const table of doc.tables) {
    const sheet = workbook.addWorksheet(table.heading.slice(0, 31));
    const { placed, width } = placeCells(table.rows);
    for (let c = 1; c <= width; c++) sheet.getColumn(c).width = c === width || c === width - 1 ? 50 : 16;
    for (const p of placed) {
      const cell = sheet.getCell(p.row + 1, p.col + 1);
      cell.value = p.cell.text;
      cell.alignment = { wrapText: true, vertical: 'middle' };
      const rs = p.cell.rowSpan ?? 1;
      const cs = p.cell.colSpan ?? 1;
      if (rs > 1 || cs > 1) sheet.mergeCells(p.row + 1, p.col + 1, p.row + rs, p.col + cs);
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function fixtureDocx(doc: FixtureDocument): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.title, bold: true, size: 32 })] }),
    ...(doc.paragraphs ?? []).map((text) => new Paragraph({ children: [new TextRun(text)] })),
  ];
  for (const table of doc.tables) {
    children.push(new Paragraph({ children: [new TextRun({ text: table.heading, bold: true })] }));
    const { placed, width } = placeCells(table.rows);
    const height = table.rows.length;
    // docx writes vertical merges as a "restart" cell and "continue" cells below it.
    const grid: (TableCell | null)[][] = Array.from({ length: height }, () => Array.from({ length: width }, () => null));
    const covered: boolean[][] = Array.from({ length: height }, () => Array.from({ length: width }, () => false));
    for (const p of placed) {
      const rs = p.cell.rowSpan ?? 1;
      const cs = p.cell.colSpan ?? 1;
      const para = () => [new Paragraph({ children: [new TextRun(p.cell.text)] })];
      (grid[p.row] as (TableCell | null)[])[p.col] = new TableCell({
        children: para(),
        columnSpan: cs,
        ...(rs > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
      });
      for (let dc = 0; dc < cs; dc++) (covered[p.row] as boolean[])[p.col + dc] = true;
      for (let dr = 1; dr < rs; dr++) {
        (grid[p.row + dr] as (TableCell | null)[])[p.col] = new TableCell({
          children: [new Paragraph('')],
          columnSpan: cs,
          verticalMerge: VerticalMergeType.CONTINUE,
        });
        for (let dc = 0; dc < cs; dc++) (covered[p.row + dr] as boolean[])[p.col + dc] = true;
      }
    }
    const rows = grid.map((row, r) => {
      const cells: TableCell[] = [];
      for (let c = 0; c < width; c++) {
        const cell = row[c];
        if (cell) cells.push(cell);
        else if (!covered[r]?.[c]) cells.push(new TableCell({ children: [new Paragraph('')] }));
      }
      return new TableRow({ children: cells });
    });
    children.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
  }
  const document = new Document({ creator: 'kaoping fixtures', sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}
