// `kaoping scheme import|export`: the office's 考核细则 file → proposed scheme JSON; a stored
// scheme → the published .docx/.xlsx (which imports back to the same tree).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertScheme } from '@kaoping/db/assessment/scheme.repository';
import { officeHandle, openSqlite } from '@kaoping/db/connect';
import { migrateToLatest } from '@kaoping/db/migrate';
import { everyRuleKindScheme } from '@kaoping/domain/scheme-editor/every-rule-kind-scheme';
import { run } from '../src/commands/scheme';
import { captureCommand } from './capture-command';

const fixtures = new URL('../../../fixtures/scheme/', import.meta.url).pathname;
let dir: string;
const saved = { file: process.env['KAOPING_DB_FILE'], cwd: process.env['INIT_CWD'], url: process.env['DATABASE_URL'] };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kaoping-scheme-'));
  process.env['KAOPING_DB_FILE'] = join(dir, 'kaoping.db');
  process.env['INIT_CWD'] = dir;
  delete process.env['DATABASE_URL'];
  const handle = officeHandle(openSqlite(join(dir, 'kaoping.db')), 1);
  await migrateToLatest(handle.db);
  const json = JSON.stringify(everyRuleKindScheme);
  await insertScheme(
    handle.db,
    { year: 2026, code: everyRuleKindScheme.code, title: everyRuleKindScheme.title, json, contentHash: 'x' },
    '2026-01-01T00:00:00.000Z',
  );
  await handle.destroy();
}, 60_000);
afterAll(() => {
  process.env['KAOPING_DB_FILE'] = saved.file;
  process.env['INIT_CWD'] = saved.cwd;
  if (saved.url !== undefined) process.env['DATABASE_URL'] = saved.url;
  rmSync(dir, { recursive: true, force: true });
});

describe('kaoping scheme', () => {
  it('import --json prints the proposed scheme with its inferences and warnings (exit 0)', async () => {
    const r = await captureCommand(run, ['import', join(fixtures, 'district-portal-website-2023.xlsx'), '--year', '2026', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      scheme: { code: string; year: number; indicators: { name: string; points: number }[] };
      inferences: { code: string; rule: { kind: string }; source: string }[];
      warnings: string[];
    };
    expect(out.scheme).toMatchObject({ code: 'KH-2026', year: 2026, indicators: [{ name: '健康情况', points: 15 }] });
    expect(out.inferences.find((i) => i.code === '1.1.3')).toMatchObject({
      rule: { kind: 'binary' },
      source: '发现辖区内各级政府网站刊登商业广告的,此项不得分。',
    });
    expect(out.warnings.length).toBeGreaterThan(0);
  });

  it('refuses a table that does not add up with the row errors (exit 2)', async () => {
    const r = await captureCommand(run, ['import', join(fixtures, 'website-performance-2009-truncated.xlsx'), '--year', '2026']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('工作表“评估指标” 第2行:“主动公开”分值 27 分,下级指标合计 15.4 分,不一致');
  });

  it('imports the old formats (.xls, .doc) and refuses an old file with nothing to read, saying to save it as .docx/.xlsx', async () => {
    const xls = await captureCommand(run, ['import', join(fixtures, 'district-portal-website-2023.xls'), '--year', '2026', '--json']);
    expect(xls.code).toBe(0);
    expect((JSON.parse(xls.stdout) as { scheme: { indicators: { name: string; points: number }[] } }).scheme.indicators).toMatchObject([
      { name: '健康情况', points: 15 },
    ]);
    const doc = await captureCommand(run, ['import', join(fixtures, 'shicheng-2018-river-chief.doc'), '--year', '2026']);
    expect(doc.code).toBe(0);
    expect(doc.stdout).toContain('4.1.1    县环保局 → checklist');
    expect(doc.stdout).toContain('提示:旧版 Word 文件(.doc)的表格按单元格标记还原');
    const empty = await captureCommand(run, ['import', join(fixtures, 'legacy-no-table.doc'), '--year', '2026']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('旧版 Word 文档(.doc)中没有读到表格;请在 Word 或 Excel 中打开后“另存为” .docx 或 .xlsx,再导入');
  });

  it("exports the year's scheme as .docx and .xlsx that import back to the same points", async () => {
    for (const format of ['docx', 'xlsx']) {
      const out = `细则.${format}`;
      const r = await captureCommand(run, ['export', '--year', '2026', '--format', format, '--out', out]);
      expect(r.code).toBe(0);
      const back = await captureCommand(run, ['import', join(dir, out), '--year', '2026', '--json']);
      expect(back.code).toBe(0);
      const scheme = (JSON.parse(back.stdout) as { scheme: { indicators: { name: string; points: number }[] } }).scheme;
      expect(scheme.indicators.map((n) => [n.name, n.points])).toEqual(everyRuleKindScheme.indicators.map((n) => [n.name, n.points]));
    }
    expect(readFileSync(join(dir, '细则.docx')).subarray(0, 2).toString()).toBe('PK');
    const missing = await captureCommand(run, ['export', '--year', '2030', '--format', 'docx']);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain('2030年度没有考核方案');
  });
});
