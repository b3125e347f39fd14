import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildLedgerWorkbook } from './ledger-xlsx';

describe('ledger workbook', () => {
  it('writes the published columns and one row per item', async () => {
    const bytes = await buildLedgerWorkbook('江临市2026年第3季度整改台账', [
      {
        code: 'ZG-2026-001',
        period: '2026Q3',
        title: '栏目未更新',
        unitName: '江临市教育局',
        measures: '已更新',
        dueDate: '2026-10-20',
        status: '已销号',
        completion: '完成',
        recheck: '通过',
        closedOn: '2026-10-18',
        severity: '一般',
        daysOverdue: 0,
        escalation: '',
      },
      {
        code: 'ZG-2026-002',
        period: '2026Q3',
        title: '=HYPERLINK("x")',
        unitName: '江临市民政局',
        measures: '',
        dueDate: '2026-10-20',
        status: '整改中',
        completion: '',
        recheck: '',
        closedOn: '',
        severity: '较重',
        daysOverdue: 12,
        escalation: '约谈',
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('整改台账');
    expect(sheet?.getCell('A1').value).toBe('江临市2026年第3季度整改台账');
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      '序号',
      '编号',
      '期次',
      '问题描述',
      '责任单位',
      '整改措施',
      '整改时限',
      '整改状态',
      '完成情况',
      '复核结果',
      '销号日期',
      '严重程度',
      '逾期天数',
      '督办措施',
    ]);
    expect(sheet?.getCell('B4').value).toBe('ZG-2026-002');
    // Text stays text: a user-typed formula is not turned into a live formula.
    expect(sheet?.getCell('D4').value).toBe('=HYPERLINK("x")');
    expect(sheet?.getCell('M4').value).toBe(12);
  });
});
