// The dashboard pages in Chromium, per role: the overview (figures open their lists), rankings
// (chart, table, group and period switch, English), the cross-group view, heat map, trends, a
// unit profile, the rectification board, printing; a leader reads the same pages; a liaison sees
// only their own unit. The demo city is seeded with two units named as HTML (one per payload) so
// the pages prove that user strings never run: hovering their bars shows the names as text.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@kaoping/api/auth/password';
import { officeHandle, openSqlite, type DatabaseHandle } from '@kaoping/db/connect';
import { DEMO_PASSWORD, generateDemoCity } from '@kaoping/db/demo/demo-city';
import { seedDemoCity } from '@kaoping/db/demo/seed-demo-city';
import { migrateToLatest } from '@kaoping/db/migrate';
import { createServer } from '@kaoping/server/create-server';
import { launchChromium } from './chromium';
import { newPage, screenshot, screenshotDir, signIn, type E2eEnv } from './harness';

const XSS_ALERT = '<img src=x onerror=alert(1)>';
const XSS_FLAG = '<img src=x onerror=window.__xss=1>';
declare global {
  interface Window {
    __xss?: unknown;
  }
}

const repoRoot = resolve(new URL('.', import.meta.url).pathname, '../../..');

/** Like harness.startE2e, over the demo city with two B2 departments renamed to HTML payloads. */
async function startDashboardE2e(): Promise<E2eEnv> {
  const dir = mkdtempSync(join(tmpdir(), 'kaoping-dashboard-e2e-'));
  const database: DatabaseHandle = officeHandle(openSqlite(join(dir, 'e2e.db')), 1);
  await migrateToLatest(database.db);
  const city = generateDemoCity();
  for (const unit of city.units) {
    if (unit.code === 'B205') unit.name = XSS_ALERT;
    if (unit.code === 'B206') unit.name = XSS_FLAG;
  }
  await seedDemoCity(database.db, { passwordHash: await hashPassword(DEMO_PASSWORD), now: new Date(), city });
  const server = createServer({ database, dashboardDir: join(repoRoot, 'apps/dashboard/dist'), secureCookies: false });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const browser: Browser = await launchChromium();
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    database,
    close: async () => {
      await browser.close();
      await new Promise((ok) => server.close(ok));
      await database.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let env: E2eEnv;
beforeAll(async () => {
  env = await startDashboardE2e();
}, 120_000);
afterAll(() => env?.close());

interface Watched {
  page: Page;
  errors: string[];
  dialogs: string[];
}

async function open(username: string, language: 'zh' | 'en' = 'zh'): Promise<Watched> {
  const page = await newPage(env, language);
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signIn(env, page, username);
  return { page, errors, dialogs };
}

const chartFinished = (page: Page, id: string) =>
  page.locator(`[data-testid="${id}-box"][data-finished="true"]`).waitFor({ timeout: 30_000 });
const unitId = async (code: string) =>
  Number((await env.database.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id);

/** Moves the mouse down a chart row by row until its tooltip mentions `text`; returns the tooltip. */
async function hoverUntilTooltip(page: Page, chartId: string, text: string) {
  const box = await page.getByTestId(chartId).boundingBox();
  if (!box) throw new Error(`no chart ${chartId}`);
  const tip = page.locator('.kp-chart-tooltip');
  for (let y = box.y + 36; y < box.y + box.height - 6; y += 6) {
    await page.mouse.move(box.x + box.width * 0.45, y);
    const content = (await tip.count()) > 0 && (await tip.first().isVisible()) ? ((await tip.first().textContent()) ?? '') : '';
    if (content.includes(text))
      return { text: content, html: await tip.first().innerHTML(), images: await tip.first().locator('img').count() };
  }
  throw new Error(`no tooltip with ${text}`);
}

describe('the dashboard for the office', () => {
  it('shows the overview of the latest quarter; each key figure opens its list', async () => {
    const { page, errors } = await open('admin');
    await page.getByTestId('overview-title').waitFor();
    await expect(page.getByTestId('overview-title').textContent()).resolves.toContain('概览 · 2026年第三季度考评结果');
    for (const id of [
      'figure-assessed',
      'figure-failing',
      'figure-vetoes',
      'figure-reports',
      'figure-open',
      'figure-overdue',
      'figure-group-A',
      'figure-group-C',
    ])
      await page.getByTestId(id).waitFor();
    await expect(page.getByTestId('figure-assessed').textContent()).resolves.toContain('155');
    expect(await page.getByTestId('overview-groups').locator('tbody tr.ant-table-row').count()).toBe(4);
    await page.getByTestId('changes-rises').waitFor();
    await screenshot(page, 'dashboard-01-admin-overview');
    await page.getByTestId('figure-failing').click();
    const drawer = page.getByTestId('list-failing');
    await drawer.locator('.ant-list-item').first().waitFor();
    expect(await drawer.locator('.ant-list-item').count()).toBe(
      Number((await page.getByTestId('figure-failing').locator('.ant-statistic-content-value').textContent()) ?? -1),
    );
    await page.waitForTimeout(500); // the drawer slides in
    await screenshot(page, 'dashboard-02-admin-overview-failing-list');
    await page.keyboard.press('Escape');
    await page.getByTestId('figure-overdue').click();
    await page.getByTestId('list-overdueItems').locator('tbody tr.ant-table-row').first().waitFor();
    await page.keyboard.press('Escape');
    // A group's figure leads to its ranking.
    await page.getByTestId('figure-group-B1').click();
    await page.waitForURL(/\/rankings\?group=B1/);
    await expect(page.getByTestId('ranking-group').textContent()).resolves.toContain('B1');
    expect(errors).toEqual([]);
  });

  it('ranks a group as chart and table, switches group and period, and never runs a unit name as HTML', async () => {
    const { page, errors, dialogs } = await open('admin');
    await page.goto(`${env.baseUrl}/rankings?group=B2`);
    await chartFinished(page, 'ranking-chart');
    const rows = page.getByTestId('ranking-table').locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(25);
    await expect(page.getByTestId('ranking-table').textContent()).resolves.toContain(XSS_ALERT);
    const tip = await hoverUntilTooltip(page, 'ranking-chart', XSS_ALERT);
    expect(tip.images).toBe(0);
    expect(tip.html).toContain('&lt;img');
    await hoverUntilTooltip(page, 'ranking-chart', XSS_FLAG);
    await screenshot(page, 'dashboard-03-admin-rankings-b2-xss-tooltip');
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('img[src="x"]').count()).toBe(0);

    await page.getByTestId('group-picker').getByText('乡镇(街道)').click();
    await page.waitForURL(/group=C/);
    await page.getByTestId('ranking-group').filter({ hasText: 'C 乡镇(街道)' }).waitFor();
    await chartFinished(page, 'ranking-chart');
    await screenshot(page, 'dashboard-04-admin-rankings-c');
    await page.getByTestId('period-picker').click();
    await page.getByTitle('2025年第四季度').click();
    await page.waitForURL(/period=2025Q4/);
    await page.getByTestId('ranking-title').filter({ hasText: '2025年第四季度' }).waitFor();
    const analysis = await page.getByTestId('open-analysis').getAttribute('href');
    expect(analysis).toBe('/analysis?period=2025Q4&group=C');
    // A unit's name leads to its profile.
    await rows.first().getByRole('link').click();
    await page.getByTestId('profile-title').waitFor();
    expect(page.url()).toContain('period=2025Q4');
    expect(errors).toEqual([]);
  });

  it('compares across groups only by percentile and standard score, clearly labelled', async () => {
    const { page } = await open('assessor');
    await page.goto(`${env.baseUrl}/rankings/compare`);
    await page.getByTestId('compare-note').waitFor();
    await expect(page.getByTestId('compare-note').textContent()).resolves.toContain('不构成跨组排名');
    const headers = await page.getByTestId('compare-table').locator('thead th').allInnerTexts();
    expect(headers.join('|')).toContain('组内百分位');
    expect(headers.join('|')).toContain('组内名次');
    await screenshot(page, 'dashboard-05-assessor-compare');
  });

  it('draws the heat map of a group, with the weakest indicator named', async () => {
    const { page, errors } = await open('admin');
    await page.goto(`${env.baseUrl}/rankings/heat-map?group=C`);
    await chartFinished(page, 'heat-map');
    await expect(page.getByTestId('heatmap-weakest').textContent()).resolves.toMatch(/本组得分率最低的一级指标:.+(平均 \d+\.\d%)/);
    expect(await page.getByRole('img', { name: 'C 乡镇(街道)各单位一级指标得分率热力图' }).count()).toBe(1);
    await screenshot(page, 'dashboard-06-admin-heat-map');
    await page.getByTestId('group-picker').getByText('市直部门(其他)').click();
    await page.getByRole('img', { name: 'B2 市直部门(其他)各单位一级指标得分率热力图' }).waitFor();
    await chartFinished(page, 'heat-map');
    const tip = await hoverUntilTooltip(page, 'heat-map', XSS_FLAG).catch(() => null);
    if (tip) expect(tip.images).toBe(0);
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('follows each group and one unit over the quarters', async () => {
    const { page, errors } = await open('admin');
    const id = await unitId('A01');
    await page.goto(`${env.baseUrl}/rankings/trends?unit=${id}`);
    for (const chart of ['group-trend-A', 'group-trend-B1', 'group-trend-B2', 'group-trend-C', 'unit-trend'])
      await chartFinished(page, chart);
    await screenshot(page, 'dashboard-07-admin-trends');
    expect(errors).toEqual([]);
  });

  it('profiles a unit: radar against the group, score waterfall, gap to the unit above, findings, items, reports', async () => {
    const { page, errors } = await open('admin');
    const id = await unitId('B210');
    await page.goto(`${env.baseUrl}/units/${id}/profile`);
    for (const chart of ['profile-radar', 'profile-waterfall', 'profile-history']) await chartFinished(page, chart);
    await expect(page.getByTestId('profile-gap').textContent()).resolves.toMatch(/比第 \d+ 名 .+ 少 \d+\.\d\d 分|本单位为组内第一名/);
    await page.getByTestId('profile-findings').waitFor();
    await screenshot(page, 'dashboard-08-admin-unit-profile');
    expect(errors).toEqual([]);
  });

  it('shows the rectification board: burn-down, overdue by unit, on-time closure', async () => {
    const { page, errors } = await open('admin');
    await page.goto(`${env.baseUrl}/rectification/board`);
    await chartFinished(page, 'board-burndown');
    await chartFinished(page, 'board-by-unit');
    await expect(page.getByTestId('board-on-time').textContent()).resolves.toMatch(/\d+\.\d%/);
    expect(await page.getByTestId('board-by-period').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(3);
    await screenshot(page, 'dashboard-09-admin-rectification-board');
    expect(errors).toEqual([]);
  });

  it('switches to English and prints without the menu', async () => {
    const { page } = await open('admin', 'en');
    await page.goto(`${env.baseUrl}/rankings?group=A`);
    await chartFinished(page, 'ranking-chart');
    await expect(page.getByTestId('ranking-title').textContent()).resolves.toContain('Rankings · Q3 2026');
    await expect(page.getByTestId('rankings-tabs').textContent()).resolves.toContain('Within groups');
    await screenshot(page, 'dashboard-10-admin-rankings-en');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('main-nav').isVisible()).toBe(false);
    expect(await page.getByTestId('period-picker').isVisible()).toBe(false);
    await page.pdf({ path: join(screenshotDir, 'dashboard-11-rankings-print.pdf'), landscape: true, printBackground: true });
    await screenshot(page, 'dashboard-11-admin-rankings-print');
  });
});

describe('the dashboard for a leader', () => {
  it('reads the overview and rankings without any editing control', async () => {
    const { page, errors } = await open('leader');
    await page.getByTestId('overview-title').waitFor();
    await page.getByTestId('figure-assessed').waitFor();
    expect(await page.getByRole('button', { name: /交办|新建|编辑|发布/ }).count()).toBe(0);
    await screenshot(page, 'dashboard-12-leader-overview');
    await page.goto(`${env.baseUrl}/rankings`);
    await chartFinished(page, 'ranking-chart');
    expect(await page.getByRole('button', { name: /交办|新建|编辑|发布/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('the dashboard for a liaison', () => {
  it('shows only their own unit: figures, own profile; other units and rankings are refused', async () => {
    const { page, errors } = await open('liaison');
    await page.getByTestId('overview-title').waitFor();
    await expect(page.getByTestId('overview-title').textContent()).resolves.toBe('本单位概览 · 江临市临江区人民政府');
    await page.getByTestId('mine-score').waitFor();
    await expect(page.getByTestId('mine-rank').textContent()).resolves.toMatch(/\d+ \/ 10/);
    expect(await page.getByTestId('figure-assessed').count()).toBe(0);
    await screenshot(page, 'dashboard-13-liaison-overview');
    await page.getByTestId('open-own-profile').click();
    for (const chart of ['profile-radar', 'profile-history']) await chartFinished(page, chart);
    await expect(page.getByTestId('profile-title').textContent()).resolves.toContain('江临市临江区人民政府');
    // The unit above is not named to a liaison.
    const gap = (await page.getByTestId('profile-gap').textContent()) ?? '';
    expect(gap).not.toMatch(/人民政府 少/);
    await screenshot(page, 'dashboard-14-liaison-own-profile');
    await page.goto(`${env.baseUrl}/units/${await unitId('A02')}/profile`);
    await expect(page.getByText('无权查看其他单位的数据').first().textContent()).resolves.toBeTruthy();
    await page.goto(`${env.baseUrl}/rankings`);
    await expect(page.getByText('无权访问').first().textContent()).resolves.toBeTruthy();
    expect(errors).toEqual([]);
  });

  it('shows a liaison the board of their own unit only', async () => {
    // The liaison of the unit with the most ledger items.
    const busiest = await env.database.db
      .selectFrom('rectification_items as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .select(['u.code'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy('u.code')
      .orderBy('n', 'desc')
      .orderBy('u.code')
      .executeTakeFirstOrThrow();
    const { page, errors } = await open(busiest.code === 'A01' ? 'liaison' : `lx-${busiest.code.toLowerCase()}`);
    await page.goto(`${env.baseUrl}/rectification/board`);
    await chartFinished(page, 'board-burndown');
    await expect(page.getByText('仅显示本单位的整改事项。').textContent()).resolves.toBeTruthy();
    await expect(page.getByTestId('board-total').textContent()).resolves.toContain(String(busiest.n));
    expect(await page.getByTestId('board-group').count()).toBe(0);
    await screenshot(page, 'dashboard-15-liaison-board');
    expect(errors).toEqual([]);
  });
});
