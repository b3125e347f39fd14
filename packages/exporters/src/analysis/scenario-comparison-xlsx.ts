// Two what-if scenarios side by side (方案对比) as an .xlsx workbook: the units with their
// official and both scenarios' score, rank and grade; the level-1 points of each; and the
// methodology note, so the file explains itself when forwarded.
import ExcelJS from 'exceljs';
import type { MethodologyNote } from '@kaoping/domain/analysis/methodology';
import type { ScenarioComparisonRow } from '@kaoping/domain/analysis/what-if';
import { addTitle, CHANGED_FILL, EMPHASIS_FONT, styleHeader } from '../xlsx-style';

export interface ComparedScenario {
  name: string;
  createdByName: string;
  createdAt: string;
  /** Level-1 points in indicator order. */
  points: number[];
}

export interface ScenarioComparisonWorkbook {
  /** e.g. 江临市 2026Q3 市直部门(承担重点领域) 权重模拟方案对比 */
  title: string;
  /** The publication the official figures come from, e.g. 2026-10-12 发布(第 1 版). */
  source: string;
  indicators: { code: string; name: string; officialPoints: number }[];
  first: ComparedScenario;
  second: ComparedScenario;
  rows: readonly ScenarioComparisonRow[];
  note: MethodologyNote;
}

export async function buildScenarioComparisonWorkbook(input: ScenarioComparisonWorkbook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kaoping';
  const a = input.first.name;
  const b = input.second.name;

  // 1. units
  const units = workbook.addWorksheet('方案对比', { views: [{ state: 'frozen', ySplit: 4, xSplit: 2 }] });
  const unitColumns = [
    { header: '单位编码', width: 10 },
    { header: '单位名称', width: 30 },
    { header: '正式得分', width: 10 },
    { header: '正式名次', width: 9 },
    { header: '正式等次', width: 9 },
    { header: `${a}\n得分`, width: 12 },
    { header: `${a}\n名次`, width: 10 },
    { header: `${a}\n等次`, width: 10 },
    { header: `${b}\n得分`, width: 12 },
    { header: `${b}\n名次`, width: 10 },
    { header: `${b}\n等次`, width: 10 },
    { header: '名次差\n(方案一−方案二)', width: 16 },
  ];
  units.columns = unitColumns.map((c) => ({ width: c.width }));
  addTitle(units, input.title, unitColumns.length, `正式结果:${input.source}。模拟结果仅供分析,不改变正式得分、排名和等次。`);
  const header = units.getRow(4);
  unitColumns.forEach((c, i) => (header.getCell(i + 1).value = c.header));
  header.height = 32;
  styleHeader(header);
  for (const row of input.rows) {
    const added = units.addRow([
      row.unit,
      row.name,
      row.official.final,
      row.official.rank,
      row.official.grade,
      row.first.final,
      row.first.rank,
      row.first.grade,
      row.second.final,
      row.second.rank,
      row.second.grade,
      row.rankDifference,
    ]);
    for (const col of [3, 6, 9]) added.getCell(col).numFmt = '0.00';
    if (row.isDifferent) for (let col = 1; col <= unitColumns.length; col++) added.getCell(col).fill = CHANGED_FILL;
    // a grade that differs from the official one is written in red
    if (row.first.grade !== row.official.grade) added.getCell(8).font = EMPHASIS_FONT;
    if (row.second.grade !== row.official.grade) added.getCell(11).font = EMPHASIS_FONT;
  }

  // 2. points
  const points = workbook.addWorksheet('指标分值');
  points.columns = [{ width: 10 }, { width: 26 }, { width: 12 }, { width: 16 }, { width: 16 }];
  addTitle(points, '一级指标分值', 5, '分值为 0 表示去掉该指标。');
  const pointsHeader = points.getRow(4);
  ['指标编码', '指标名称', '正式分值', a, b].forEach((h, i) => (pointsHeader.getCell(i + 1).value = h));
  styleHeader(pointsHeader);
  let officialTotal = 0;
  let firstTotal = 0;
  let secondTotal = 0;
  input.indicators.forEach((indicator, i) => {
    const p1 = input.first.points[i] ?? indicator.officialPoints;
    const p2 = input.second.points[i] ?? indicator.officialPoints;
    officialTotal += indicator.officialPoints;
    firstTotal += p1;
    secondTotal += p2;
    const added = points.addRow([indicator.code, indicator.name, indicator.officialPoints, p1, p2]);
    if (p1 !== indicator.officialPoints) added.getCell(4).font = EMPHASIS_FONT;
    if (p2 !== indicator.officialPoints) added.getCell(5).font = EMPHASIS_FONT;
  });
  const round3 = (x: number) => Math.round(x * 1000) / 1000;
  points.addRow([null, '合计', round3(officialTotal), round3(firstTotal), round3(secondTotal)]).font = { bold: true };
  points.addRow([]);
  points.addRow([null, '保存人', null, input.first.createdByName, input.second.createdByName]);
  points.addRow([
    null,
    '保存时间(UTC)',
    null,
    input.first.createdAt.slice(0, 16).replace('T', ' '),
    input.second.createdAt.slice(0, 16).replace('T', ' '),
  ]);

  // 3. methodology
  const note = workbook.addWorksheet('说明');
  note.columns = [{ width: 110 }];
  note.addRow([input.note.title]).font = { bold: true, size: 13 };
  for (const paragraph of input.note.paragraphs) note.addRow([paragraph]).alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
