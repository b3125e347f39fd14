// The checker against the generated fixture city on 127.0.0.1: never the internet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWordList } from '@kaoping/domain/site-check/site-check-words';
import { checkSite } from './site-check-check-site';
import { FIXTURE_WORDS, fixtureSiteSpec, startFixtureCity } from './site-check-fixture-city';
import type { FixtureCity } from './site-check-fixture-city';

const today = '2026-12-07';
const now = () => new Date('2026-12-07T03:00:00Z');
const words = parseWordList(FIXTURE_WORDS);
// Generous timeouts (the machine is shared); the slow page takes longer than the page timeout.
const limits = { minIntervalMs: 0, perHostConcurrency: 4, pageTimeoutMs: 4_000, linkTimeoutMs: 3_000 };

let city: FixtureCity;
beforeAll(async () => {
  city = await startFixtureCity({
    today,
    specs: [
      { ...fixtureSiteSpec(0), slowMs: 6_000 },
      fixtureSiteSpec(1),
      fixtureSiteSpec(2),
      fixtureSiteSpec(3),
      { ...fixtureSiteSpec(4), down: true },
    ],
  });
});
afterAll(async () => city.close());

const site = (i: number) => city.sites[i]!;

describe('checkSite on the fixture city', () => {
  it('site 0: fresh columns, dead links (404, refused, timeout), wrong words, report on time; robots.txt obeyed', async () => {
    const { result, pages } = await checkSite(site(0).url, { today, now, words, limits });
    const u = site(0).url;
    expect(result).toMatchObject({ site: u, checkedAt: '2026-12-07T03:00:00Z', reachable: true, homepageUpdated: '2026-12-05' });
    expect(result.columns).toEqual([
      { name: '工作动态', url: `${u}gzdt/`, newest: '2026-12-04', intervalDays: 14, status: 'ok' },
      { name: '通知公告', url: `${u}tzgg/`, newest: '2026-11-17', intervalDays: 180, status: 'ok' },
      { name: '政策文件', url: `${u}zcwj/`, newest: '2026-10-08', intervalDays: 180, status: 'ok' },
      { name: '人事信息', url: `${u}rsxx/`, newest: '2026-08-29', intervalDays: 365, status: 'ok' },
      { name: '政务公开', url: `${u}zwgk/`, newest: '2026-01-20', intervalDays: 365, status: 'ok' },
    ]);
    const dead = result.deadLinks.map((d) => [
      d.url.replace(city.outside, 'OUT').replace(`:${city.closedPort}`, ':CLOSED'),
      d.status,
      d.error ?? null,
      d.foundOn,
    ]);
    expect(dead).toEqual(
      expect.arrayContaining([
        [`${u}missing.html`, 404, null, u],
        [`${u}slow.html`, 0, 'TIMEOUT', u],
        ['http://127.0.0.1:CLOSED/closed', 0, 'ECONNREFUSED', u],
        ['OUT/gone', 404, null, u],
      ]),
    );
    expect(dead).toHaveLength(4);
    expect(result.words.map((w) => [w.word, w.suggestion])).toEqual([
      ['某某禁用语', null],
      ['国务院办工厅', '国务院办公厅'],
      ['人民政付', '人民政府'],
    ]);
    expect(result.words[1]?.context).toBe('本局认真落实国务院办工厅关于政务公开工作的部署要求');
    expect(result.annualReport).toMatchObject({
      url: `${u}zwgk/ndbg/2025.html`,
      year: 2025,
      publishedAt: '2026-01-20',
      deadline: '2026-01-31',
      onTime: true,
    });
    expect(result.annualReport?.checks.filter((c) => c.severity === 'error')).toEqual([]);
    // Redirect within the site followed; robots.txt: /private/ never requested.
    expect(site(0).requests.some((p) => p.startsWith('/private/'))).toBe(false);
    expect(site(0).requests).toContain('/old-news/');
    expect(result.pages).toBe(pages.length);
    const home = pages.find((p) => p.url === u);
    expect(home?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(home?.html).toContain('<nav');
  });

  it('site 1: stale news and homepage, blank column, late report, no dead link', async () => {
    const { result } = await checkSite(site(1).url, { today, now, words, limits });
    expect(result.homepageUpdated).toBe('2026-11-07');
    expect(result.columns.map((c) => [c.name, c.status])).toEqual([
      ['工作动态', 'stale'],
      ['通知公告', 'ok'],
      ['政策文件', 'ok'],
      ['人事信息', 'blank'],
      ['政务公开', 'ok'],
    ]);
    expect(result.deadLinks).toEqual([]);
    expect(result.words).toEqual([]);
    expect(result.annualReport).toMatchObject({ publishedAt: '2026-02-15', onTime: false });
  });

  it("site 2 and 3: the office's columns, a [MM-DD] listing read with the year from context, a missing report", async () => {
    const columns = [
      { name: '通知公告', intervalDays: 180 },
      { name: '政策文件', intervalDays: 180 },
      { name: '领导信息', intervalDays: 365 },
    ];
    const two = await checkSite(site(2).url, { today, now, columns, limits });
    expect(two.result.columns.map((c) => [c.name, c.newest, c.status])).toEqual([
      ['通知公告', '2026-05-21', 'stale'],
      ['政策文件', '2026-10-08', 'ok'],
      ['领导信息', null, 'blank'],
    ]);
    const three = await checkSite(site(3).url, { today, now, columns, limits, words });
    expect(three.result.columns.map((c) => c.status)).toEqual(['ok', 'blank', 'blank']);
    expect(three.result.annualReport).toBeNull();
    expect(three.result.words.map((w) => w.word)).toContain('国务院办工厅');
  });

  it('a site that answers 503 is not reachable', async () => {
    const { result } = await checkSite(site(4).url, { today, now, limits });
    expect(result).toMatchObject({ reachable: false, pages: 1, columns: [], annualReport: null });
  });

  it('respects the page limit and the per-host politeness interval', async () => {
    const before = site(1).requests.length;
    const t0 = performance.now();
    const { result } = await checkSite(site(1).url, {
      today,
      now,
      limits: { ...limits, maxPages: 3, perHostConcurrency: 1, minIntervalMs: 50 },
    });
    const elapsed = performance.now() - t0;
    expect(result.pages).toBeLessThanOrEqual(3 + result.columns.length + 1);
    // At most one request per 50 ms on the unit's host (counted by that host; links to other hosts
    // have queues of their own, and robots.txt is fetched before the queue exists).
    const onHost = site(1).requests.length - before;
    expect(onHost).toBeGreaterThan(3);
    expect(elapsed).toBeGreaterThanOrEqual((onHost - 2) * 50);
  });

  it('is cancellable', async () => {
    const controller = new AbortController();
    const run = checkSite(site(0).url, {
      today,
      now,
      limits: { ...limits, minIntervalMs: 100, perHostConcurrency: 1 },
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('cancelled')), 150);
    await expect(run).rejects.toThrow(/cancel|abort/i);
  });
});
