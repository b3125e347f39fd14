import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildRankingsXlsx } from './bulletin-xlsx';
import { sampleBulletinData } from './sample-bulletin-data';

// Issue #15 §10: 名次变化 must tell "unchanged" (0, shown 持平) from "no previous rank" (—).
describe('名次变化 in the rankings .xlsx', () => {
  it('is — without a previous rank and 0 (持平) when unchanged', async () => {
    const data = structuredClone(sampleBulletinData());
    const group = data.groups[0];
    if (!group || group.rows.length < 2) throw new Error('sample needs two rows');
    group.rows[0] = { ...group.rows[0]!, rankDelta: null };
    group.rows[1] = { ...group.rows[1]!, rankDelta: 0 };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildRankingsXlsx(data)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[1];
    if (!sheet) throw new Error('no ranking sheet');
    expect(sheet.getRow(3).getCell(2).value).toBe('—');
    expect(sheet.getRow(4).getCell(2).value).toBe(0);
    expect(sheet.getRow(4).getCell(2).numFmt).toContain('持平');
  });
});
