import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildCityReview } from '@kaoping/domain/annual-report-review/city-review';
import { renderCityReviewXlsx } from './city-review-xlsx';

describe('renderCityReviewXlsx', () => {
  it('writes one row per unit with the failure equations, and every failure on its own row', async () => {
    const review = buildCityReview({
      year: 2024,
      units: [
        { unitId: 1, code: 'T01', name: '东湖镇人民政府', kind: 'township', groupName: '乡镇' },
        { unitId: 2, code: 'D01', name: '教育局', kind: 'city_dept', groupName: '部门' },
      ],
      assignments: [
        { fileName: 't01.txt', unitId: 1, matchedBy: 'code', problem: null },
        { fileName: 'zz.txt', unitId: null, matchedBy: null, problem: '没有找到报告中的单位“某局”' },
      ],
      reports: new Map([
        [
          1,
          {
            fileName: 't01.txt',
            matchedBy: 'code' as const,
            parsedYear: 2024,
            publishedAt: '2025-01-20',
            cellsRead: 200,
            cellsTotal: 200,
            unresolved: [],
            checks: [
              {
                rule: 'H1',
                severity: 'error' as const,
                cells: ['apply.new.total'],
                message: '本年新收 14 + 上年结转 0 ≠ 办理结果总计 13 + 结转下年度 0 (差 1)',
                lhs: 14,
                rhs: 13,
                delta: 1,
              },
            ],
            notes: [],
            error: null,
          },
        ],
      ]),
    });
    const bytes = await renderCityReviewXlsx(review, '2024 年度报告评查');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = book.getWorksheet('评查结果');
    expect(sheet?.getRow(2).getCell(8).value).toBe('按时');
    expect(String(sheet?.getRow(2).getCell(15).value)).toContain('办理结果总计 13');
    expect(sheet?.getRow(3).getCell(4).value).toBe('未找到');
    expect(book.getWorksheet('规则问题')?.getRow(2).getCell(3).value).toBe('H1');
    expect(book.getWorksheet('未匹配文件')?.getRow(2).getCell(1).value).toBe('zz.txt');
  });
});
