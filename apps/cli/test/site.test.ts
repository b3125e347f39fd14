// `kaoping site check URL … --json` (shared spec site-check.md) against the fixture city on 127.0.0.1.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteCheckResultSchema } from '@kaoping/contracts/site-check/site-check';
import { FIXTURE_WORDS, fixtureSiteSpec, startFixtureCity } from '@kaoping/importers/site-check/site-check-fixture-city';
import type { FixtureCity } from '@kaoping/importers/site-check/site-check-fixture-city';
import { run } from '../src/commands/site';
import { captureCommand } from './capture-command';

const tmp = mkdtempSync(join(tmpdir(), 'kaoping-site-'));
let city: FixtureCity;
beforeAll(async () => {
  city = await startFixtureCity({
    today: '2026-12-07',
    specs: [fixtureSiteSpec(0), fixtureSiteSpec(1), { ...fixtureSiteSpec(2), down: true }],
  });
});
afterAll(async () => {
  await city.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('kaoping site check', () => {
  it('prints the spec JSON with the office columns and words, exit 0 even with problems', async () => {
    const columns = join(tmp, 'columns.csv');
    writeFileSync(columns, 'name,intervalDays\n工作动态,14\n人事信息,365\n通知公告,180\n');
    const words = join(tmp, 'words.txt');
    writeFileSync(words, FIXTURE_WORDS);
    const url = city.sites[1]!.url;
    const { code, stdout } = await captureCommand(run, [
      'check',
      url,
      '--columns',
      columns,
      '--words',
      words,
      '--today',
      '2026-12-07',
      '--json',
    ]);
    expect(code).toBe(0);
    const json = siteCheckResultSchema.parse(JSON.parse(stdout));
    expect(Object.keys(JSON.parse(stdout) as object)).toEqual([
      'site',
      'checkedAt',
      'pages',
      'reachable',
      'homepageUpdated',
      'columns',
      'deadLinks',
      'words',
      'annualReport',
    ]);
    expect(json.columns).toEqual([
      { name: '工作动态', url: `${url}gzdt/`, newest: '2026-10-28', intervalDays: 14, status: 'stale' },
      { name: '人事信息', url: `${url}rsxx/`, newest: null, intervalDays: 365, status: 'blank' },
      { name: '通知公告', url: `${url}tzgg/`, newest: '2026-11-17', intervalDays: 180, status: 'ok' },
    ]);
    expect(json.annualReport).toMatchObject({ year: 2025, publishedAt: '2026-02-15', deadline: '2026-01-31', onTime: false });
  });

  it('--max-pages bounds the crawl; a summary in Chinese without --json', async () => {
    const { code, stdout } = await captureCommand(run, ['check', city.sites[0]!.url, '--max-pages', '2', '--today', '2026-12-07']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/抓取 \d+ 页/);
    expect(stdout).toContain('[不可用链接]');
  });

  it('exit 2 when the start page cannot be fetched; bad flags exit 2 with a message', async () => {
    const down = await captureCommand(run, ['check', city.sites[2]!.url, '--json', '--today', '2026-12-07']);
    expect(down.code).toBe(2);
    expect(JSON.parse(down.stdout)).toMatchObject({ reachable: false });
    expect((await captureCommand(run, ['check', 'ftp://x/'])).code).toBe(2);
    const bad = join(tmp, 'bad.csv');
    writeFileSync(bad, 'name,intervalDays\n工作动态,0\n,14\n');
    const refused = await captureCommand(run, ['check', city.sites[0]!.url, '--columns', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('第2行');
    expect(refused.stderr).toContain('第3行');
  });
});
