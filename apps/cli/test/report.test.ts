// `kaoping report parse FILE --json` (spec §7): the JSON contract on the real samples, exit codes,
// relative paths resolved from where the user ran the command.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { reportParseResultSchema } from '@kaoping/contracts/annual-report/parse-result';
import { generateReport } from '@kaoping/domain/annual-report/generate-report';
import { renderReportPdf } from '@kaoping/importers/annual-report/render-report-text';
import { run } from '../src/commands/report';
import { captureCommand } from './capture-command';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const samples = fileURLToPath(new URL('../../../fixtures/annual-reports/samples/', import.meta.url));
const HUAIAN = join(samples, 'huaian-city-2024-annual-report-pdf-text.txt');
const tmp = mkdtempSync(join(tmpdir(), 'kaoping-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const runReport = (args: string[]) => captureCommand(run, args);

describe('kaoping report parse', () => {
  it('prints the spec §7 JSON for the huaian sample, cell for cell', async () => {
    const { code, stdout } = await runReport(['parse', HUAIAN, '--json']);
    expect(code).toBe(0);
    const json = reportParseResultSchema.parse(JSON.parse(stdout));
    const expected = JSON.parse(readFileSync(HUAIAN.replace(/\.txt$/, '.expected.json'), 'utf8')) as { cells: Record<string, number> };
    expect(json.cells).toEqual(expected.cells);
    expect(json.meta).toMatchObject({ unit: '淮安市人民政府', year: 2024, format: 2021, sections: ['一', '二', '三', '四', '五', '六'] });
    expect(json.sources['apply.new.natural']).toMatchObject({ line: 93 });
    expect(json).toMatchObject({ checks: [], unresolved: [], warnings: [] });
    expect(Object.keys(json)).toEqual(['meta', 'cells', 'sources', 'checks', 'unresolved', 'warnings']);
  });

  it('exits 0 on a readable report whatever its checks say; --year/--unit override the title', async () => {
    const { code, stdout } = await runReport([
      'parse',
      join(samples, '004_aefcde8288a9dad5.txt'),
      '--json',
      '--year',
      '2023',
      '--unit',
      '开平市科工商务局',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { meta: { year: number; unit: string }; checks: { severity: string }[] };
    expect(json.meta).toMatchObject({ year: 2023, unit: '开平市科工商务局' });
    expect(json.checks.some((c) => c.severity === 'error')).toBe(true);
  });

  it('prints a Chinese summary without --json', async () => {
    const { code, stdout } = await runReport(['parse', join(samples, '002_50ea10f2717e5a1e.txt')]);
    expect(code).toBe(0);
    expect(stdout).toContain('酉阳土家族苗族自治县李溪镇人民政府 2021 · 格式 2019');
    expect(stdout).toContain('[S7 提示] 格式错误');
  });

  it('exits 2 with a clear reason when the file cannot be read', async () => {
    const scan = join(tmp, 'scan.pdf');
    writeFileSync(scan, renderReportPdf(generateReport({ seed: 1 }), { textLayer: false }));
    const scanned = await runReport(['parse', scan, '--json']);
    expect(scanned.code).toBe(2);
    expect(scanned.stdout).toBe('');
    expect(scanned.stderr).toMatch(/没有文字层.*扫描件/);

    const junk = join(tmp, 'junk.bin');
    writeFileSync(
      junk,
      Uint8Array.from({ length: 3000 }, (_, i) => (i * 31) % 29),
    );
    expect((await runReport(['parse', junk, '--json'])).code).toBe(2);
    expect((await runReport(['parse', join(tmp, 'missing.txt'), '--json'])).stderr).toContain('file not found');
  });

  it('rejects bad arguments with exit 2', async () => {
    expect((await runReport(['parse'])).code).toBe(2);
    expect((await runReport(['parse', HUAIAN, '--year', '24'])).stderr).toContain('--year must be a year');
    expect((await runReport(['parse', HUAIAN, '--kind', 'village'])).code).toBe(2);
    expect((await runReport(['parse', HUAIAN, '--bogus'])).code).toBe(2);
    expect((await runReport(['frobnicate'])).code).toBe(2);
  });

  it('report import is wired to the database import (issue #3; tested in report-import.test.ts)', async () => {
    // Without --year it stops at the usage line, before any database is opened.
    const { code, stderr } = await runReport(['import', tmp]);
    expect(code).toBe(2);
    expect(stderr).toBe('usage: kaoping report import DIR|ZIP --year YYYY [--dry-run] [--xlsx FILE]');
  });

  it('runs as the user does: relative path from INIT_CWD, exit codes through main.ts', () => {
    const main = join(repoRoot, 'apps/cli/src/main.ts');
    const ok = spawnSync(
      process.execPath,
      ['--import', 'tsx', main, 'report', 'parse', 'samples/huaian-city-2024-annual-report-pdf-text.txt', '--json'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, INIT_CWD: join(samples, '..') },
      },
    );
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).meta.unit).toBe('淮安市人民政府');
    const bad = spawnSync(process.execPath, ['--import', 'tsx', main, 'report', 'parse', 'nope.pdf', '--json'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, INIT_CWD: '' },
    });
    expect(bad.status).toBe(2);
  });
});
