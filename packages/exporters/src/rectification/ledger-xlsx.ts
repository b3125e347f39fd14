import ExcelJS from 'exceljs';
import { addTitle, EMPHASIS_FONT, styleHeader } from '../xlsx-style';

/** One ledger line as offices publish it (整改台账). */
export interface LedgerXlsxRow {
  code: string;
  period: string;
  title: string;
  unitName: string;
  measures: string;
  dueDate: string;
  status: string;
  completion: string;
  recheck: string;
  closedOn: string;
  severity: string;
  daysOverdue: number;
  escalation: string;
}

const COLUMNS: { header: string; key: keyof LedgerXlsxRow | 'index'; width: number }[] = [
  { header: '序号', key: 'index', width: 6 },
  { header: '编号', key: 'code', width: 14 },
  { header: '期次', key: 'period', width: 9 },
  { header: '问题描述', key: 'title', width: 40 },
  { header: '责任单位', key: 'unitName', width: 26 },
  { header: '整改措施', key: 'measures', width: 36 },
  { header: '整改时限', key: 'dueDate', width: 12 },
  { header: '整改状态', key: 'status', width: 10 },
  { header: '完成情况', key: 'completion', width: 30 },
  { header: '复核结果', key: 'recheck', width: 16 },
  { header: '销号日期', key: 'closedOn', width: 12 },
  { header: '严重程度', key: 'severity', width: 9 },
  { header: '逾期天数', key: 'daysOverdue', width: 9 },
  { header: '督办措施', key: 'escalation', width: 10 },
];

/** The ledger as an .xlsx workbook: a title row, the header, one row per item, overdue rows marked. */
export async function buildLedgerWorkbook(title: string, rows: LedgerXlsxRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kaoping';
  const sheet = workbook.addWorksheet('整改台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  addTitle(sheet, title, COLUMNS.length);
  const header = sheet.getRow(2);
  COLUMNS.forEach((c, i) => (header.getCell(i + 1).value = c.header));
  styleHeader(header);
  rows.forEach((row, i) => {
    const added = sheet.addRow({ index: i + 1, ...row, daysOverdue: row.daysOverdue > 0 ? row.daysOverdue : '' });
    added.alignment = { wrapText: true, vertical: 'top' };
    if (row.daysOverdue > 0) added.getCell('daysOverdue').font = EMPHASIS_FONT;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
