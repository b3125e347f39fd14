import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { whatIfMethodology } from '@kaoping/domain/analysis/methodology';
import { buildScenarioComparisonWorkbook } from './scenario-comparison-xlsx';

describe('scenario comparison workbook', () => {
  it('writes units with official and both scenarios, the points and the methodology note', async () => {
    const bytes = await buildScenarioComparisonWorkbook({
      title: '2026Q3 市直部门(承担重点领域) 权重模拟方案对比',
      source: '2026-10-12 发布(第 1 版)',
      indicators: [
        { code: '1', name: '主动公开', officialPoints: 35 },
        { code: '2', name: '依申请公开', officialPoints: 25 },
      ],
      first: { name: '加重主动公开', createdByName: '王领导', createdAt: '2026-11-20T02:00:00.000Z', points: [45, 25] },
      second: { name: '=去掉依申请', createdByName: '李主任', createdAt: '2026-11-21T03:30:00.000Z', points: [35, 0] },
      rows: [
        {
          unit: 'B101',
          name: '江临市教育局',
          official: { final: 91.5, rank: 1, grade: '优秀' },
          first: { final: 92.25, rank: 1, grade: '优秀' },
          second: { final: 88, rank: 2, grade: '良好' },
          rankDifference: -1,
          isDifferent: true,
        },
        {
          unit: 'B102',
          name: '江临市民政局',
          official: { final: 90, rank: 2, grade: '优秀' },
          first: { final: 89.1, rank: 2, grade: '良好' },
          second: { final: 95, rank: 1, grade: '优秀' },
          rankDifference: 1,
          isDifferent: true,
        },
        {
          unit: 'B103',
          name: '江临市财政局',
          official: { final: null, rank: null, grade: null },
          first: { final: null, rank: null, grade: null },
          second: { final: null, rank: null, grade: null },
          rankDifference: null,
          isDifferent: false,
        },
      ],
      note: whatIfMethodology,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['方案对比', '指标分值', '说明']);
    const units = workbook.getWorksheet('方案对比');
    expect(units?.getCell('A1').value).toBe('2026Q3 市直部门(承担重点领域) 权重模拟方案对比');
    expect(String(units?.getCell('A2').value)).toContain('不改变正式得分');
    expect(units?.getCell('F4').value).toBe('加重主动公开\n得分');
    expect(units?.getRow(5).values).toEqual([undefined, 'B101', '江临市教育局', 91.5, 1, '优秀', 92.25, 1, '优秀', 88, 2, '良好', -1]);
    // a grade that differs from the official one is red; an unscored unit is blank
    expect(units?.getCell('K5').font?.color?.argb).toBe('FFC62828');
    expect(units?.getCell('H6').font?.color?.argb).toBe('FFC62828');
    expect(units?.getCell('C7').value).toBeNull();
    // user text stays text
    expect(units?.getCell('I4').value).toBe('=去掉依申请\n得分');
    const points = workbook.getWorksheet('指标分值');
    expect(points?.getRow(5).values).toEqual([undefined, '1', '主动公开', 35, 45, 35]);
    expect(points?.getRow(7).values).toEqual([undefined, undefined, '合计', 60, 70, 35]);
    expect(workbook.getWorksheet('说明')?.getCell('A1').value).toBe(whatIfMethodology.title);
  });
});
