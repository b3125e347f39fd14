import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildRankingsXlsx } from './bulletin-xlsx';
import { sampleBulletinData } from './sample-bulletin-data';

// Issue #15 §10: 名次变化 must tell "unchanged" (0, shown 持平) from "no previous rank" (—).
describe('名次变化 in the rankings .xlsx', () => {
  it('is — without a previous rank and 0 (持平) when unchanged', async () => {
    const sample = sampleBulletinData();
    const [first, ...others] = sample.groups;
    if (!first || first.rows.length < 2) throw new Error('sample needs two rows');
    const rows = first.rows.map((r, i) => (i === 0 ? { ...r, rankDelta: null } : i === 1 ? { ...r, rankDelta: 0 } : r));
    const data = { ...sample, groups: [{ ...first, rows }, ...others] };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildRankingsXlsx(data)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[1];
    if (!sheet) throw new Error('no ranking sheet');
    expect(sheet.getRow(3).getCell(2).value).toBe('—');
    expect(sheet.getRow(4).getCell(2).value).toBe(0);
    expect(sheet.getRow(4).getCell(2).numFmt).toContain('持平');
  });
});
