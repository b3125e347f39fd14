// `kaoping report import DIR|ZIP --year YYYY [--dry-run] [--xlsx FILE]`: every report file in DIR or
// in the .zip (.txt .md .html .htm .docx .pdf), one per unit, matched by file name (= unit code) or
// by the unit named in the report. First the 评查 table (年报评查): a row per expected unit — found or
// missing, publication date against the deadline, cells read, unresolved, each rule failure with its
// equation, S6 mismatches — optionally as .xlsx; then the reports are stored as submitted reports
// for the year in ONE transaction. Any unreadable or unmatched file: nothing is stored (exit 2).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CityReview, CityReviewRow } from '@kaoping/domain/annual-report-review/city-review';
import { reviewReadFiles } from '@kaoping/api/annual-reports/annual-report-city-review.service';
import { renderCityReviewXlsx } from '@kaoping/exporters/annual-report/city-review-xlsx';
import { readReportBatch } from '@kaoping/importers/annual-report/review/read-report-batch';
import { expandBatchFiles } from '@kaoping/importers/annual-report/review/read-report-batch-task';
import { LoginRateLimiter } from '@kaoping/api/auth/login-rate-limiter';
import { importReportFiles, type ReportFileSummary } from '@kaoping/api/annual-reports/annual-report-import.service';
import { migrateToLatest } from '@kaoping/db/migrate';
import { parseCliArgs } from '../args';
import { CliError } from '../cli-error';
import { openCliDatabase, userPath } from '../database';

const REPORT_FILE = /\.(txt|md|markdown|html?|docx|pdf|zip)$/i;
const TIMELINESS: Record<CityReviewRow['timeliness'], string> = {
  on_time: '按时',
  late: '逾期',
  no_date: '未注明发布日期',
  missing: '未发布',
};

/** The 评查 table as lines: one per unit, its failures indented under it, then unmatched files. */
export function describeReview(review: CityReview): string {
  const out = [
    `${review.year} 年度报告评查 · 应发布 ${review.totals.expected} · 找到 ${review.totals.found} · 未找到 ${review.totals.missing} · 逾期 ${review.totals.late} · 有错误 ${review.totals.withErrors}`,
  ];
  for (const r of review.rows) {
    if (!r.found) {
      out.push(`  ✗ ${r.code} ${r.name}: 未找到报告(截止 ${r.deadline})`);
      continue;
    }
    const errors = r.failures.filter((c) => c.severity === 'error').length;
    const late = r.timeliness === 'late' ? ` 逾期 ${r.daysLate} 天` : '';
    out.push(
      `  ${errors > 0 ? '!' : '✓'} ${r.code} ${r.name} ← ${r.fileName}: 发布 ${r.publishedAt ?? '—'} / 截止 ${r.deadline} ${TIMELINESS[r.timeliness]}${late} · 已读 ${r.cellsRead}/${r.cellsTotal} · 未能确定 ${r.unresolved.length} · 错误 ${errors} 提示 ${r.failures.length - errors}`,
    );
    for (const c of r.failures) out.push(`      ${c.severity === 'error' ? '✗' : '·'} ${c.rule} ${c.message}`);
    for (const c of r.narrative) out.push(`      ≠ ${c.rule} ${c.message}`);
  }
  for (const u of review.unmatched) out.push(`  ? ${u.fileName}: ${u.problem}`);
  return `${out.join('\n')}\n`;
}

function describe(f: ReportFileSummary): string {
  const unit = f.unitCode ? `${f.unitCode} ${f.unitName ?? ''}${f.matchedBy === 'name' ? '(按报告中的单位名称)' : ''}` : '(未匹配单位)';
  if (f.problem) return `  ✗ ${f.fileName} → ${unit}: ${f.problem}`;
  const action = f.action === 'update' ? '更新' : '新建';
  return `  ✓ ${f.fileName} → ${unit}: ${action} · 格式 ${f.parsedFormat ?? '—'} · 已填 ${f.filled} 空白 ${f.blank} · 错误 ${f.errors} 提示 ${f.warnings}`;
}

export async function runReportImport(args: string[]): Promise<number> {
  const { positionals, values } = parseCliArgs(args, {
    year: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    xlsx: { type: 'string' },
  });
  const [dir, ...extra] = positionals;
  if (!dir || extra.length > 0 || values.year === undefined)
    throw new CliError('usage: kaoping report import DIR|ZIP --year YYYY [--dry-run] [--xlsx FILE]');
  const year = Number(values.year);
  if (!/^\d{4}$/.test(values.year) || year < 2007 || year > 2100) throw new CliError(`--year must be a year like 2025, not ${values.year}`);
  const path = userPath(dir);
  let loose: { fileName: string; bytes: Uint8Array }[];
  try {
    if (statSync(path).isDirectory()) {
      const names = readdirSync(path)
        .filter((n) => REPORT_FILE.test(n) && statSync(join(path, n)).isFile())
        .sort();
      loose = names.map((fileName) => ({ fileName, bytes: new Uint8Array(readFileSync(join(path, fileName))) }));
    } else if (/\.zip$/i.test(path)) loose = [{ fileName: basename(path), bytes: new Uint8Array(readFileSync(path)) }];
    else throw new Error('not a folder or .zip');
  } catch {
    throw new CliError(`cannot read folder or .zip ${dir}`);
  }
  const expanded = expandBatchFiles(loose);
  for (const refused of expanded.refused) process.stderr.write(`${refused.fileName}: ${refused.error ?? ''}\n`);
  const files = expanded.files;
  if (files.length === 0) throw new CliError(`${dir} holds no report files (.txt .md .html .htm .docx .pdf)`);
  const { handle, officeId } = openCliDatabase();
  try {
    await migrateToLatest(handle.db);
    // 评查 first: the same reading as the dashboard's, in isolated processes.
    const review = await reviewReadFiles(handle.db, year, await readReportBatch(files, { year }));
    process.stdout.write(describeReview(review));
    if (values.xlsx !== undefined) {
      writeFileSync(userPath(values.xlsx), await renderCityReviewXlsx(review, `${year}年度政府信息公开工作年度报告评查表`));
      process.stdout.write(`评查表已写入 ${values.xlsx}\n`);
    }
    const user = { id: 0, username: 'cli', displayName: '命令行导入', role: 'admin' as const, unitId: null, unitName: null, officeId };
    const result = await importReportFiles(
      {
        db: handle.db,
        dialect: handle.dialect,
        user,
        sessionToken: null,
        clientIp: 'cli',
        cookies: { set: () => undefined, clear: () => undefined },
        loginLimiter: new LoginRateLimiter(),
        now: () => new Date(),
      },
      { year, files, dryRun: values['dry-run'] },
    );
    const out = result.ok ? process.stdout : process.stderr;
    out.write(`${year} 年度报告 · ${files.length} 个文件\n${result.files.map(describe).join('\n')}\n`);
    if (!result.ok) {
      process.stderr.write(`未导入: ${result.files.filter((f) => f.problem).length} 个文件有问题(任一文件有问题则全部不导入)\n`);
      return 2;
    }
    process.stdout.write(
      `${result.dryRun ? '检查通过, 将' : '已导入:'}新建 ${result.created}, 更新 ${result.updated}(状态: 已报送, 待办公室审核)\n`,
    );
    return 0;
  } finally {
    await handle.destroy();
  }
}
