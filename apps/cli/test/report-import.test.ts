// `kaoping report import DIR --year YYYY`: one transaction for the whole folder, a line per file,
// nothing written when any file is refused (exit 2).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { officeHandle, openSqlite } from '@kaoping/db/connect';
import { migrateToLatest } from '@kaoping/db/migrate';
import { insertUnit } from '@kaoping/db/units/unit.repository';
import { generateReport } from '@kaoping/domain/annual-report/generate-report';
import { renderReportDocx, renderReportText } from '@kaoping/importers/annual-report/render-report-text';
import { runReportImport } from '../src/commands/report-import';

let dir: string;
let dbFile: string;
const saved = { file: process.env['KAOPING_DB_FILE'], cwd: process.env['INIT_CWD'] };

async function capture(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((stdout += String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
  try {
    return { code: await runReportImport(args), stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

async function reportCount(): Promise<number> {
  const handle = officeHandle(openSqlite(dbFile), 1);
  try {
    return (await handle.db.selectFrom('annual_reports').select('id').execute()).length;
  } finally {
    await handle.destroy();
  }
}

describe('kaoping report import', () => {
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kaoping-report-import-'));
    dbFile = join(dir, 'kaoping.db');
    process.env['KAOPING_DB_FILE'] = dbFile;
    process.env['INIT_CWD'] = dir;
    const handle = officeHandle(openSqlite(dbFile), 1);
    await migrateToLatest(handle.db);
    const base = { tags: [], validFrom: '2020-01-01', note: '', parentId: null };
    await insertUnit(handle.db, { ...base, code: 'B101', name: '江临市教育局', kind: 'city_dept' }, '2026-01-01T00:00:00.000Z');
    await insertUnit(handle.db, { ...base, code: 'B102', name: '江临市公安局', kind: 'city_dept' }, '2026-01-01T00:00:00.000Z');
    await handle.destroy();
  });
  afterEach(() => {
    process.env['KAOPING_DB_FILE'] = saved.file;
    process.env['INIT_CWD'] = saved.cwd;
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads a folder in one go and prints a line per file', async () => {
    const folder = join(dir, 'reports');
    await import('node:fs').then((fs) => fs.mkdirSync(folder));
    writeFileSync(
      join(folder, 'B101.txt'),
      renderReportText(generateReport({ seed: 1, year: 2025, unitKind: 'city_dept', unit: '江临市教育局' }), 'run-together'),
    );
    writeFileSync(
      join(folder, 'gaj.docx'),
      renderReportDocx(generateReport({ seed: 2, year: 2025, unitKind: 'city_dept', unit: '江临市公安局' })),
    );
    writeFileSync(join(folder, 'notes.csv'), 'ignored');
    const dry = await capture(['reports', '--year', '2025', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(await reportCount()).toBe(0);
    const run = await capture(['reports', '--year', '2025']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✓ B101\.txt → B101 江临市教育局: 新建/);
    expect(run.stdout).toMatch(/✓ gaj\.docx → B102 江临市公安局\(按报告中的单位名称\): 新建/);
    expect(run.stdout).toContain('已导入:新建 2, 更新 0');
    expect(await reportCount()).toBe(2);
  });

  it('writes nothing when one file is refused, and says why', async () => {
    const folder = join(dir, 'bad');
    await import('node:fs').then((fs) => fs.mkdirSync(folder));
    writeFileSync(
      join(folder, 'B101.txt'),
      renderReportText(generateReport({ seed: 3, year: 2025, unitKind: 'city_dept', unit: '江临市教育局' }), 'pipe'),
    );
    writeFileSync(join(folder, 'x.txt'), '这不是年度报告');
    const run = await capture(['bad', '--year', '2025']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/✗ x\.txt → \(未匹配单位\)/);
    expect(run.stderr).toContain('任一文件有问题则全部不导入');
    expect(await reportCount()).toBe(0);
    await expect(runReportImport(['bad'])).rejects.toThrow('usage: kaoping report import DIR|ZIP --year YYYY');
  });

  it('prints the 评查 table for a .zip: each unit found or missing, failures with their equations, unmatched files; writes the .xlsx', async () => {
    const report = generateReport({ seed: 4, year: 2025, unitKind: 'city_dept', unit: '江临市教育局' });
    report.cells['apply.carried_out.total'] = (report.cells['apply.carried_out.total'] ?? 0) + 1; // an H1/H2 failure
    const zip = zipSync({
      'city/B101.txt': new TextEncoder().encode(`发布日期：2026-02-05\n${renderReportText(report, 'pipe')}`),
      'city/x.txt': new TextEncoder().encode('某某局2025年政府信息公开工作年度报告'),
    });
    writeFileSync(join(dir, 'city.zip'), zip);
    const run = await capture(['city.zip', '--year', '2025', '--dry-run', '--xlsx', 'review.xlsx']);
    expect(run.stdout).toContain('2025 年度报告评查 · 应发布 2 · 找到 1 · 未找到 1 · 逾期 1');
    expect(run.stdout).toMatch(
      /! B101 江临市教育局 ← B101\.txt: 发布 2026-02-05 \/ 截止 2026-01-31 逾期 逾期 5 天 · 已读 \d+\/\d+ · 未能确定 0 · 错误 [1-9]/,
    );
    expect(run.stdout).toMatch(/✗ H1 本年新收 \d+ \+ 上年结转 \d+ ≠ 办理结果总计 \d+ \+ 结转下年度 \d+ \(差 -1\)/);
    expect(run.stdout).toContain('✗ B102 江临市公安局: 未找到报告(截止 2026-01-31)');
    expect(run.stdout).toContain('? x.txt: 没有找到报告中的单位“某某局”');
    expect(existsSync(join(dir, 'review.xlsx'))).toBe(true);
    expect(readFileSync(join(dir, 'review.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(run.code).toBe(2); // the stranger file refuses the import itself
    expect(await reportCount()).toBe(0);
  });
});
