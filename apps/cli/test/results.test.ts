// `kaoping results export`: a quarter's results as published, from the database (the demo city).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeHandle, openSqlite } from '@kaoping/db/connect';
import { seedDemoCity } from '@kaoping/db/demo/seed-demo-city';
import { migrateToLatest } from '@kaoping/db/migrate';
import { readTable } from '@kaoping/importers/interchange/read-table';
import { run } from '../src/commands/results';
import { captureCommand } from './capture-command';

let dir: string;
const saved = { file: process.env['KAOPING_DB_FILE'], cwd: process.env['INIT_CWD'], url: process.env['DATABASE_URL'] };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kaoping-results-'));
  process.env['KAOPING_DB_FILE'] = join(dir, 'kaoping.db');
  process.env['INIT_CWD'] = dir;
  delete process.env['DATABASE_URL'];
  const handle = officeHandle(openSqlite(join(dir, 'kaoping.db')), 1);
  await migrateToLatest(handle.db);
  await seedDemoCity(handle.db, { passwordHash: 'x', now: new Date('2026-11-22T04:00:00.000Z') });
  await handle.destroy();
}, 120_000);
afterAll(() => {
  process.env['KAOPING_DB_FILE'] = saved.file;
  process.env['INIT_CWD'] = saved.cwd;
  if (saved.url !== undefined) process.env['DATABASE_URL'] = saved.url;
  rmSync(dir, { recursive: true, force: true });
});

describe('kaoping results export', () => {
  it('prints the published quarter in the spec §5 shape', async () => {
    const r = await captureCommand(run, ['export', '--period', '2025Q3', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ scheme: 'JL-2025', period: '2025Q3' });
    expect(report.groups.map((g: { code: string }) => g.code)).toEqual(['A', 'B1', 'B2', 'C']);
    const a = report.groups[0].rows;
    expect(a).toHaveLength(10);
    expect(a[0]).toMatchObject({ rank: 1, complete: true });
    expect(Object.keys(a[0]).sort()).toEqual([
      'applicableMax',
      'base',
      'bonus',
      'complete',
      'final',
      'grade',
      'major',
      'missing',
      'name',
      'rank',
      'rankDelta',
      'unit',
      'vetoes',
    ]);
  });

  it('writes the workbook: a ranking sheet per group, the detail and the note', async () => {
    const r = await captureCommand(run, ['export', '--period', '2026Q3', '--format', 'xlsx', '--out', 'q3.xlsx']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已写入 q3.xlsx(155 个单位,4 个分组)');
    const bytes = readFileSync(join(dir, 'q3.xlsx'));
    const table = await readTable({ name: 'q3.xlsx', bytes: new Uint8Array(bytes) });
    expect(table.ok).toBe(true);
    if (table.ok) {
      expect(table.value.header[0]).toBe('2026年第三季度政务公开测评结果(县(市、区)政府)');
      expect(table.value.rows[1]?.cells.slice(0, 4)).toEqual(['名次', '名次变化', '单位编码', '单位名称']);
      expect(table.value.rows[2]?.cells[0]).toBe('1');
    }
  });

  it('refuses a quarter that is not published, with exit 2', async () => {
    const draft = await captureCommand(run, ['export', '--period', '2026Q4', '--format', 'json']);
    expect(draft).toMatchObject({ code: 2, stderr: '期次 2026Q4 的结果尚未发布' });
    const none = await captureCommand(run, ['export', '--period', '2024Q4']);
    expect(none).toMatchObject({ code: 2, stderr: '期次 2024Q4 没有测评轮次' });
    const bad = await captureCommand(run, ['export', '--period', '2025', '--format', 'json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('应为季度');
  });
});
