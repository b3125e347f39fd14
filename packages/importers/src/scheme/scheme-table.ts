// The grid a 考核细则 table is read into, whatever it came from (.xlsx sheet or .docx table):
// merged cells are spread over every cell they cover, and each cell remembers whether it is
// the merge's first cell, so "the same text continued" can be told from "the same text again".

export interface TableCell {
  text: string;
  /** False for the 2nd… cells of a merged region (vertically or horizontally). */
  isOrigin: boolean;
  /** The origin's position (row index in `rows`, column), for telling merged regions apart. */
  originRow: number;
  originCol: number;
}

export interface TableRow {
  /** 1-based row number in the source (sheet row, or row of the .docx table), for messages. */
  number: number;
  cells: TableCell[];
}

export interface SourceTable {
  /** Where the table came from, for messages: "工作表“县区”" or "第2个表格". */
  where: string;
  /** A heading near the table (sheet name, the paragraph before a .docx table), '' if none. */
  heading: string;
  rows: TableRow[];
}

export interface SchemeSource {
  kind: 'xlsx' | 'docx' | 'xls' | 'doc';
  /** The document's title when one is found (first line mentioning 考核/细则/评分). */
  title: string;
  tables: SourceTable[];
}

/** Whitespace (incl. full-width and line breaks inside cells) collapsed; trimmed. */
export function cleanCellText(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}
