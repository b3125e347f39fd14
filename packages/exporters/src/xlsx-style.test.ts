import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addTitle, sheetName, styleHeader } from './xlsx-style';

describe('xlsx style', () => {
  it('writes a merged title, a grey subtitle and a grey bold header that survive a round trip', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    addTitle(sheet, '江临市2025年第3季度测评结果', 4, '2025-10-15 发布');
    styleHeader(sheet.addRow(['名次', '单位', '得分', '等次']));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await workbook.xlsx.writeBuffer());
    const read = back.getWorksheet('s')!;
    expect(read.getCell('A1').value).toBe('江临市2025年第3季度测评结果');
    expect(read.getCell('D1').isMerged).toBe(true);
    expect(read.getCell('A2').value).toBe('2025-10-15 发布');
    const header = read.getCell('C3');
    expect(header.value).toBe('得分');
    expect(header.font?.bold).toBe(true);
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } });
    expect(header.border?.bottom?.style).toBe('thin');
  });

  it('leaves row 2 free when there is no subtitle', () => {
    const sheet = new ExcelJS.Workbook().addWorksheet('s');
    addTitle(sheet, '整改台账', 3);
    expect(sheet.getCell('A2').isMerged).toBe(false);
    expect(sheet.getCell('A2').value).toBeNull();
  });

  it('makes sheet names Excel accepts', () => {
    expect(sheetName('A/B:C*D?[E]\\F')).toBe('A B C D  E  F');
    expect(sheetName('县(市、区)政府'.repeat(5))).toHaveLength(31);
  });
});
