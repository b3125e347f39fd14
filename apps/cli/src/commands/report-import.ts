// `kaoping report import DIR --year YYYY [--dry-run]`: every report file in DIR (.txt .md .html .htm
// .docx .pdf), one per unit, matched by file name (= unit code) or by the unit named in the report,
// stored as submitted reports for the year in ONE transaction; a per-file summary is printed.
// Any unreadable or unmatched file: nothing is written (exit 2).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LoginRateLimiter } from '@kaoping/api/auth/login-rate-limiter';
import { importReportFiles, type ReportFileSummary } from '@kaoping/api/annual-reports/annual-report-import.service';
import { migrateToLatest } from '@kaoping/db/migrate';
import { parseCliArgs } from '../args';
import { CliError } from '../cli-error';
import { openCliDatabase, userPath } from '../database';

const REPORT_FILE = /\.(txt|md|markdown|html?|docx|pdf)$/i;

function describe(f: ReportFileSummary): string {
  const unit = f.unitCode ? `${f.unitCode} ${f.unitName ?? ''}${f.matchedBy === 'name' ? '(按报告中的单位名称)' : ''}` : '(未匹配单位)';
  if (f.problem) return `  ✗ ${f.fileName} → ${unit}: ${f.problem}`;
  const action = f.action === 'update' ? '更新' : '新建';
  return `  ✓ ${f.fileName} → ${unit}: ${action} · 格式 ${f.parsedFormat ?? '—'} · 已填 ${f.filled} 空白 ${f.blank} · 错误 ${f.errors} 提示 ${f.warnings}`;
}

export async function runReportImport(args: string[]): Promise<number> {
  const { positionals, values } = parseCliArgs(args, { year: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } });
  const [dir, ...extra] = positionals;
  if (!dir || extra.length > 0 || values.year === undefined) throw new CliError('usage: kaoping report import DIR --year YYYY [--dry-run]');
  const year = Number(values.year);
  if (!/^\d{4}$/.test(values.year) || year < 2007 || year > 2100) throw new CliError(`--year must be a year like 2025, not ${values.year}`);
  const path = userPath(dir);
  let names: string[];
  try {
    if (!statSync(path).isDirectory()) throw new Error('not a directory');
    names = readdirSync(path).filter((n) => REPORT_FILE.test(n) && statSync(join(path, n)).isFile()).sort();
  } catch {
    throw new CliError(`cannot read folder ${dir}`);
  }
  if (names.length === 0) throw new CliError(`${dir} holds no report files (.txt .md .html .htm .docx .pdf)`);
  const files = names.map((fileName) => ({ fileName, bytes: readFileSync(join(path, fileName)) }));
  const { handle } = openCliDatabase();
  try {
    await migrateToLatest(handle.db);
    const user = { id: 0, username: 'cli', displayName: '命令行导入', role: 'admin' as const, unitId: null, unitName: null };
    const result = await importReportFiles(
      { db: handle.db, dialect: handle.dialect, user, sessionToken: null, clientIp: 'cli', cookies: { set: () => undefined, clear: () => undefined }, loginLimiter: new LoginRateLimiter(), now: () => new Date() },
      { year, files, dryRun: values['dry-run'] },
    );
    const out = result.ok ? process.stdout : process.stderr;
    out.write(`${year} 年度报告 · ${files.length} 个文件\n${result.files.map(describe).join('\n')}\n`);
    if (!result.ok) {
      process.stderr.write(`未导入: ${result.files.filter((f) => f.problem).length} 个文件有问题(任一文件有问题则全部不导入)\n`);
      return 2;
    }
    process.stdout.write(`${result.dryRun ? '检查通过, 将' : '已导入:'}新建 ${result.created}, 更新 ${result.updated}(状态: 已报送, 待办公室审核)\n`);
    return 0;
  } finally {
    await handle.destroy();
  }
}
