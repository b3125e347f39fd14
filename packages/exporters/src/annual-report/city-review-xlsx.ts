// 年报评查 workbook: one row per expected unit (found or missing, publication date against the
// deadline, cells read, unresolved, rule failures with their equations, S6 mismatches), a sheet
// with every failure on its own row (for sorting and rectification), and the unmatched files.
import ExcelJS from 'exceljs';
import type { CityReview } from '@kaoping/domain/annual-report-review/city-review';

const TIMELINESS: Record<string, string> = { on_time: '按时', late: '逾期', no_date: '未注明日期', missing: '未发布' };
const BOLD = { bold: true };

export async function renderCityReviewXlsx(review: CityReview, title: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kaoping';
  const units = workbook.addWorksheet('评查结果');
  units.columns = [
    { header: '单位编码', width: 12 },
    { header: '单位', width: 28 },
    { header: '分组', width: 10 },
    { header: '报告', width: 10 },
    { header: '文件', width: 28 },
    { header: '发布日期', width: 12 },
    { header: '截止日期', width: 12 },
    { header: '时效', width: 10 },
    { header: '逾期天数', width: 9 },
    { header: '已读单元格', width: 11 },
    { header: '单元格总数', width: 11 },
    { header: '未能确定', width: 9 },
    { header: '错误', width: 7 },
    { header: '提示', width: 7 },
    { header: '规则问题(含等式)', width: 70 },
    { header: '总体情况与表格不一致(S6)', width: 50 },
  ];
  units.getRow(1).font = BOLD;
  units.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of review.rows) {
    units.addRow([
      r.code,
      r.name,
      r.groupName ?? '',
      r.found ? '已发布' : '未找到',
      r.fileName ?? '',
      r.publishedAt ?? '',
      r.deadline,
      TIMELINESS[r.timeliness] ?? r.timeliness,
      r.daysLate || '',
      r.found ? r.cellsRead : '',
      r.found ? r.cellsTotal : '',
      r.found ? r.unresolved.length : '',
      r.failures.filter((c) => c.severity === 'error').length,
      r.failures.filter((c) => c.severity === 'warning').length,
      r.failures.map((c) => `${c.rule} ${c.message}`).join('\n'),
      r.narrative.map((c) => c.message).join('\n'),
    ]).alignment = { vertical: 'top', wrapText: true };
  }
  const failures = workbook.addWorksheet('规则问题');
  failures.columns = [
    { header: '单位编码', width: 12 },
    { header: '单位', width: 28 },
    { header: '规则', width: 7 },
    { header: '级别', width: 7 },
    { header: '说明(等式、数值与差)', width: 90 },
    { header: '涉及单元格', width: 50 },
  ];
  failures.getRow(1).font = BOLD;
  for (const r of review.rows)
    for (const c of [...r.failures, ...r.narrative])
      failures.addRow([r.code, r.name, c.rule, c.severity === 'error' ? '错误' : '提示', c.message, c.cells.join(' ')]);
  const unmatched = workbook.addWorksheet('未匹配文件');
  unmatched.columns = [
    { header: '文件', width: 40 },
    { header: '原因', width: 80 },
  ];
  unmatched.getRow(1).font = BOLD;
  for (const u of review.unmatched) unmatched.addRow([u.fileName, u.problem]);
  const t = review.totals;
  const summary = workbook.addWorksheet('概况');
  summary.addRow([title]).font = { bold: true, size: 14 };
  for (const [label, value] of [
    ['应发布单位', t.expected],
    ['找到报告', t.found],
    ['未找到', t.missing],
    ['按时发布', t.onTime],
    ['逾期发布', t.late],
    ['未注明发布日期', t.noDate],
    ['存在错误的报告', t.withErrors],
    ['已读单元格', t.cellsRead],
    ['未能确定的单元格', t.unresolved],
  ] as const)
    summary.addRow([label, value]);
  summary.getColumn(1).width = 20;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
