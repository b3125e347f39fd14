// A quarter's published results as an .xlsx workbook: one ranking sheet per group (名次 /
// 名次变化 / 单位 / 得分 / 等次 / 否决…), the per-leaf detail of every unit with its lost
// points, and a note naming the publication (time, restatements, SHA-256) the figures are from.
import ExcelJS from 'exceljs';
import type { PeriodResults, PointLoss, UnitPeriodResult } from '@kaoping/domain/scoring/scoring-result';
import { addTitle, sheetName, styleHeader } from '../xlsx-style';

export interface ResultsWorkbookInput {
  /** e.g. 江临市2025年第三季度政务公开测评结果 */
  title: string;
  /** e.g. 2025-10-15 09:00 发布(更正 1 次),SHA-256 …  */
  source: string;
  /** The results; with score sheets (breakdown) the detail sheet is filled in. */
  results: PeriodResults;
  /** Leaves of the scheme in order, for the detail sheet. */
  leaves: readonly { code: string; name: string; points: number }[];
}

export function formatRankDelta(delta: number | null): string {
  if (delta === null) return '';
  if (delta > 0) return `▲${delta}`;
  if (delta < 0) return `▼${-delta}`;
  return '—';
}

/** One lost point in words, as on the published sheet's 失分原因 column. */
export function describeLossZh(leaf: string, loss: PointLoss): string {
  const p = `扣${loss.points}分`;
  switch (loss.kind) {
    case 'finding':
      return `${leaf} ${loss.description || '问题'}(${loss.count}处,${p})`;
    case 'checklist-item':
      return `${leaf} 未达到${loss.item} ${loss.name}(${p})`;
    case 'graded-level':
      return `${leaf} 评为“${loss.label}”(${p})`;
    case 'rate-below-target':
      return `${leaf} ${loss.value}%,低于目标${loss.target}%(${p})`;
    case 'manual':
      return `${leaf} 评分${p}`;
    case 'binary':
      return `${leaf} 未达标(${p})`;
    case 'rectification-late':
      return `${leaf} 整改${loss.item}逾期(${p})`;
    case 'rectification-rejected':
      return `${leaf} 整改${loss.item}复查未通过${loss.rejected}次(${p})`;
    case 'missing-input':
      return `${leaf} 未评分`;
    case 'not-applicable-rate':
      return `${leaf} 不适用按${loss.rate}折算(${p})`;
  }
}

function note(row: UnitPeriodResult): string {
  const parts: string[] = [];
  if (row.unscoredReason) parts.push(row.unscoredReason);
  for (const e of row.events.vetoes) parts.push(`否决 ${e.code} ${e.name}${e.note ? `:${e.note}` : ''}`);
  for (const e of row.events.major) parts.push(`扣分 ${e.code} ${e.name}${e.note ? `:${e.note}` : ''}`);
  for (const e of row.events.bonus) parts.push(`加分 ${e.code} ${e.name}${e.note ? `:${e.note}` : ''}`);
  if (row.isQuotaDemoted) parts.push('超出优秀比例,降为下一等次');
  if (!row.complete) parts.push(`缺 ${row.missing.join('、')}`);
  return parts.join(';');
}

export async function buildResultsWorkbook(input: ResultsWorkbookInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kaoping';

  const headers = [
    '名次',
    '名次变化',
    '单位编码',
    '单位名称',
    '基础分',
    '适用满分',
    '重大扣分',
    '加分',
    '得分',
    '等次',
    '单项否决',
    '备注',
  ];
  for (const group of input.results.groups) {
    const sheet = workbook.addWorksheet(sheetName(`${group.code} ${group.name}`));
    addTitle(sheet, `${input.title}(${group.name})`, headers.length, input.source);
    styleHeader(sheet.addRow(headers));
    for (const r of group.rows) {
      sheet.addRow([
        r.rank ?? (r.isVetoFail ? '否决' : '—'),
        formatRankDelta(r.rankDelta),
        r.unit,
        r.name,
        r.base,
        r.applicableMax,
        r.major,
        r.bonus,
        r.final,
        r.grade ?? '',
        r.vetoes.join('、'),
        note(r),
      ]);
    }
    sheet.columns.forEach((col, i) => {
      col.width = [8, 10, 12, 30, 10, 10, 10, 8, 10, 8, 10, 50][i] ?? 12;
    });
    for (const c of [5, 6, 7, 8, 9]) sheet.getColumn(c).numFmt = '0.00';
    sheet.views = [{ state: 'frozen', ySplit: 3 }];
  }

  const rows = input.results.groups.flatMap((g) => g.rows);
  if (rows.some((r) => r.sheet !== null)) {
    const detail = workbook.addWorksheet('得分明细');
    const width = 4 + input.leaves.length + 1;
    addTitle(detail, `${input.title} 得分明细`, width, input.source);
    styleHeader(
      detail.addRow(['分组', '单位编码', '单位名称', '得分', ...input.leaves.map((l) => `${l.code} ${l.name}(${l.points})`), '失分原因']),
    );
    for (const r of rows) {
      const byCode = new Map((r.sheet ?? []).map((s) => [s.code, s]));
      const losses = (r.sheet ?? []).filter((s) => s.isLeaf).flatMap((s) => s.losses.map((loss) => describeLossZh(s.code, loss)));
      detail.addRow([
        r.group,
        r.unit,
        r.name,
        r.final,
        ...input.leaves.map((l) => {
          const s = byCode.get(l.code);
          return s === undefined ? '' : s.status === 'na' && s.naHandling !== 'rate' ? '不适用' : s.earned;
        }),
        losses.join(';'),
      ]);
    }
    detail.getColumn(3).width = 30;
    detail.getColumn(width).width = 80;
    detail.views = [{ state: 'frozen', ySplit: 3, xSplit: 3 }];
  }

  const about = workbook.addWorksheet('说明');
  about.addRow(['标题', input.title]);
  about.addRow(['方案', input.results.scheme]);
  about.addRow(['期次', input.results.period]);
  about.addRow(['来源', input.source]);
  about.addRow([
    '计算',
    '按考核方案逐项计分,(基础分 − 重大扣分)÷ 适用满分 × 100,再计加分与单项否决,最后四舍五入保留两位小数;组内按得分排名,并列同名次。',
  ]);
  about.getColumn(1).width = 10;
  about.getColumn(2).width = 100;

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
