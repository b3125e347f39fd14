// The bulletin's figures as a workbook: a summary sheet, one ranking sheet per group and one sheet
// with every problem of the annexes. Scores, ranks and points are numbers (2-decimal number formats,
// movement shown as ▲/▼ by the number format), headers are frozen, user text stays text.
import ExcelJS from 'exceljs';
import { cleanText as clean, type BulletinData, type BulletinGroup } from './bulletin-data';

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const SCORE_FORMAT = '0.00';
const RATE_FORMAT = '0.0%';
/** Positive = places gained (▲), negative = places lost (▼), zero = 持平. */
const DELTA_FORMAT = '"▲"0;"▼"0;"持平"';

/** Excel sheet names: at most 31 characters, none of \ / ? * [ ] :, unique in the workbook. */
export function sheetNameFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    clean(name)
      .replace(/[\\/?*[\]:]/g, '_')
      .slice(0, 31)
      .trim() || '类别';
  let candidate = base;
  for (let i = 2; taken.has(candidate); i++) candidate = `${base.slice(0, 31 - String(i).length - 1)}_${i}`;
  return candidate;
}

function addTitledSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: { header: string; width: number; numFmt?: string }[],
) {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
  });
  sheet.columns = columns.map((c) => ({ width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  sheet.mergeCells(1, 1, 1, columns.length);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = clean(title);
  titleCell.font = { bold: true, size: 14 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 26;
  const header = sheet.getRow(2);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    cell.border = BORDER;
  });
  return sheet;
}

function addRow(sheet: ExcelJS.Worksheet, values: (string | number | null)[], center: readonly number[] = []) {
  const row = sheet.addRow(values.map((v) => (typeof v === 'string' ? clean(v) : v)));
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', wrapText: true, ...(center.includes(col) ? { horizontal: 'center' } : {}) };
  });
  return row;
}

function addRankingSheet(workbook: ExcelJS.Workbook, data: BulletinData, group: BulletinGroup, name: string) {
  const sheet = addTitledSheet(workbook, name, `${data.periodLabel}${group.name}考评得分及排名`, [
    { header: '排名', width: 7 },
    { header: '名次变化', width: 10, numFmt: DELTA_FORMAT },
    { header: '单位名称', width: 40 },
    { header: '得分', width: 10, numFmt: SCORE_FORMAT },
    { header: '等次', width: 8 },
    { header: '备注', width: 36 },
  ]);
  if (group.rows.length === 0) {
    sheet.mergeCells(3, 1, 3, 6);
    sheet.getCell(3, 1).value = '本类别本期无参加考评的单位';
    return;
  }
  for (const r of group.rows) addRow(sheet, [r.rank ?? '—', r.rankDelta ?? '—', r.unitName, r.score, r.grade, r.note ?? ''], [1, 2, 4, 5]);
}

export async function buildRankingsXlsx(data: BulletinData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kaoping';
  const taken = new Set<string>();
  const reserve = (name: string) => {
    const unique = sheetNameFor(name, taken);
    taken.add(unique);
    return unique;
  };

  const summary = addTitledSheet(workbook, reserve('汇总'), `${data.periodLabel}各类别考评情况汇总`, [
    { header: '类别', width: 28 },
    { header: '单位数', width: 8 },
    { header: '平均分', width: 9, numFmt: SCORE_FORMAT },
    { header: '最高分', width: 9, numFmt: SCORE_FORMAT },
    { header: '最低分', width: 9, numFmt: SCORE_FORMAT },
    { header: '合格率', width: 9, numFmt: RATE_FORMAT },
    ...data.grades.map((g) => ({ header: g, width: 8 })),
  ]);
  const count = (counts: BulletinGroup['gradeCounts'], grade: string) => counts.find((c) => c.grade === grade)?.count ?? 0;
  const gradeColumns = data.grades.map((_, i) => 7 + i);
  for (const g of data.groups)
    addRow(
      summary,
      [g.name, g.unitCount, g.average, g.max, g.min, g.passRate, ...data.grades.map((grade) => count(g.gradeCounts, grade))],
      [2, 3, 4, 5, 6, ...gradeColumns],
    );
  const scores = data.groups.flatMap((g) => g.rows.map((r) => r.score));
  const o = data.overall;
  const total = addRow(
    summary,
    [
      '全市合计',
      o.unitsAssessed,
      o.average,
      scores.length ? Math.max(...scores) : null,
      scores.length ? Math.min(...scores) : null,
      o.passRate,
      ...data.grades.map((grade) => count(o.gradeCounts, grade)),
    ],
    [2, 3, 4, 5, 6, ...gradeColumns],
  );
  total.font = { bold: true };

  for (const g of data.groups) addRankingSheet(workbook, data, g, reserve(g.name));

  const problems = addTitledSheet(workbook, reserve('问题清单'), `${data.periodLabel}政务公开考评问题清单`, [
    { header: '序号', width: 6 },
    { header: '类别', width: 22 },
    { header: '单位名称', width: 34 },
    { header: '单位得分', width: 9, numFmt: SCORE_FORMAT },
    { header: '失分指标', width: 26 },
    { header: '问题描述', width: 60 },
    { header: '扣分', width: 8, numFmt: SCORE_FORMAT },
  ]);
  let index = 0;
  for (const annex of data.annexes)
    for (const unit of annex.units)
      for (const f of unit.findings)
        addRow(problems, [++index, unit.groupName, unit.unitName, unit.score, f.indicator, f.description, f.pointsLost], [1, 4, 7]);
  if (index === 0) {
    problems.mergeCells(3, 1, 3, 7);
    problems.getCell(3, 1).value = '本期考评未发现扣分问题';
  } else problems.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + index, column: 7 } };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
