// The monthly 网站检查情况通报 workbook as offices send it: sheet 1 a row per unit (序号, 单位, 网站,
// 可访问, 首页更新, counts per problem kind, 单项否决, 结论), sheet 2 every problem with its location.
import ExcelJS from 'exceljs';
import type { SiteCheckResult, SiteProblem } from '@kaoping/contracts/site-check/site-check';
import { siteProblemKindLabelsZh } from '@kaoping/contracts/site-check/site-check';

export interface SiteCheckXlsxUnit {
  unitCode: string;
  unitName: string;
  url: string | null;
  /** null when the unit was not checked (no website, failed, cancelled); `note` says why. */
  result: (SiteCheckResult & { problems: SiteProblem[] }) | null;
  note: string;
}

const count = (ps: readonly SiteProblem[], kind: SiteProblem['kind']) => ps.filter((p) => p.kind === kind).length;

export async function buildSiteCheckWorkbook(title: string, units: readonly SiteCheckXlsxUnit[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kaoping';
  const sheet = wb.addWorksheet('检查情况', { views: [{ state: 'frozen', ySplit: 2 }] });
  const headers = [
    '序号',
    '单位',
    '网站地址',
    '可访问',
    '首页更新日期',
    '栏目不更新(个)',
    '空白栏目(个)',
    '不可用链接(条)',
    '错敏词(处)',
    '年报',
    '单项否决',
    '问题合计',
    '结论',
  ];
  const widths = [6, 28, 34, 8, 13, 12, 12, 13, 11, 14, 28, 9, 9];
  sheet.columns = widths.map((width) => ({ width }));
  sheet.mergeCells(1, 1, 1, headers.length);
  const t = sheet.getCell(1, 1);
  t.value = title;
  t.font = { bold: true, size: 14 };
  t.alignment = { horizontal: 'center' };
  const head = sheet.getRow(2);
  headers.forEach((h, i) => (head.getCell(i + 1).value = h));
  head.font = { bold: true };
  units.forEach((u, i) => {
    const r = u.result;
    const ps = r?.problems ?? [];
    const vetoes = ps.filter((p) => p.veto).map((p) => siteProblemKindLabelsZh[p.kind]);
    const report = !r
      ? ''
      : r.annualReport
        ? r.annualReport.onTime
          ? '按时发布'
          : '逾期发布'
        : count(ps, 'annual_report_missing') > 0
          ? '未发布'
          : '未到期';
    const row = sheet.addRow([
      i + 1,
      u.unitName,
      u.url ?? '',
      r ? (r.reachable ? '是' : '否') : '',
      r?.homepageUpdated ?? '',
      r ? count(ps, 'column_stale') : '',
      r ? count(ps, 'column_blank') : '',
      r ? count(ps, 'dead_link') : '',
      r ? r.words.length : '',
      report,
      vetoes.join('、'),
      r ? ps.length : '',
      r ? (vetoes.length > 0 ? '不合格' : '合格') : u.note,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    if (vetoes.length > 0) row.getCell(13).font = { color: { argb: 'FFC62828' }, bold: true };
  });
  const detail = wb.addWorksheet('问题清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.columns = [{ width: 6 }, { width: 28 }, { width: 16 }, { width: 9 }, { width: 40 }, { width: 60 }];
  detail.addRow(['序号', '单位', '问题类型', '单项否决', '位置', '问题说明']).font = { bold: true };
  let n = 0;
  for (const u of units)
    for (const p of u.result?.problems ?? [])
      detail.addRow([++n, u.unitName, siteProblemKindLabelsZh[p.kind], p.veto ? '是' : '', p.url ?? '', p.detail]).alignment = {
        vertical: 'top',
        wrapText: true,
      };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
