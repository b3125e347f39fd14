// A province in one deployment (issue #14 part 3): the demo city (江临市, office 1) and a smaller
// second city (北宁市, its units marked 北宁·) under one province office. The province account lands
// on 全省概况 (table and chart of its cities), opens a city, reads its overview and ranking, switches
// city in the header and reads the other's; a city's own administrator sees no picker.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCity, type DemoCity } from '@kaoping/db/demo/demo-city';
import { seedDemoCity } from '@kaoping/db/demo/seed-demo-city';
import { insertOffice, updateOfficeDetails } from '@kaoping/db/offices/office.repository';
import { acrossOffices, scopeToOffice } from '@kaoping/db/offices/office-scope';
import { insertUser } from '@kaoping/db/users/user.repository';
import { newPage, screenshot, signIn, startE2e, type E2eEnv } from './harness';

const MARK = '北宁·';
let env: E2eEnv;
let beining: number;

/** The demo city cut to its first units, renamed (unit names marked, sign-in names prefixed). */
function secondCity(units: number): DemoCity {
  const city = generateDemoCity();
  const kept = new Set(city.units.slice(0, units).map((u) => u.code));
  const keep = (code: string | null | undefined) => code === null || code === undefined || kept.has(code);
  return {
    ...city,
    name: '北宁市',
    units: city.units
      .filter((u) => kept.has(u.code) && keep(u.parentCode) && keep(u.successorCode))
      .map((u) => ({ ...u, name: `${MARK}${u.name}` })),
    users: city.users.filter((u) => keep(u.unitCode)).map((u) => ({ ...u, username: `bn-${u.username}` })),
  };
}

beforeAll(async () => {
  env = await startE2e();
  const root = env.database.db;
  const across = acrossOffices(root);
  const now = new Date();
  const at = now.toISOString();
  const province = await insertOffice(
    across,
    { code: 'sheng', name: '某省政务公开办公室', shortName: '省公开办', regionName: '某省', kind: 'province', parentId: null },
    at,
  );
  beining = (
    await insertOffice(
      across,
      {
        code: 'beining',
        name: '北宁市政务公开办公室',
        shortName: '北宁市公开办',
        regionName: '北宁市',
        kind: 'city',
        parentId: province.id,
      },
      at,
    )
  ).id;
  await across.updateTable('offices').set({ parent_id: province.id }).where('id', '=', 1).execute();
  // The demo accounts' password (the demo seed hashed it once).
  const { password_hash: passwordHash } = await scopeToOffice(root, 1)
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  await seedDemoCity(scopeToOffice(root, beining), { passwordHash, now, city: secondCity(40) });
  const office = await across.selectFrom('offices').select('version').where('id', '=', beining).executeTakeFirstOrThrow();
  await updateOfficeDetails(
    across,
    beining,
    office.version,
    { name: '北宁市政务公开办公室', shortName: '北宁市公开办', regionName: '北宁市' },
    at,
  );
  await insertUser(
    scopeToOffice(root, province.id),
    { username: 'sheng', displayName: '省政务公开办', passwordHash, role: 'leader', unitId: null },
    at,
  );
}, 240_000);
afterAll(() => env?.close());

async function open(username: string, language: 'zh' | 'en' = 'zh'): Promise<{ page: Page; errors: string[] }> {
  const page = await newPage(env, language);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(env, page, username);
  return { page, errors };
}

const rankingNames = async (page: Page) => {
  const rows = page.getByTestId('ranking-table').locator('tbody tr.ant-table-row');
  await rows.first().waitFor();
  return (await rows.allTextContents()).join('\n');
};

/** The pages a province account may open (navigation.ts provinceNavigation, and its own account page). */
const provinceMayOpen = (href: string) => /^\/($|\?|rankings|province|account)/.test(href);

/** Every in-app link on the page that leads where a province account gets a 403. */
const forbiddenLinks = async (page: Page) =>
  (await page.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).filter(
    (href) => !provinceMayOpen(href),
  );

const pickCity = async (page: Page, name: string) => {
  await page.getByTestId('office-picker').click();
  await page.locator('.ant-select-item-option').filter({ hasText: name }).click();
};

describe('a province account', () => {
  it('lands on its cities, opens one, and reads only that city until it switches', async () => {
    const { page, errors } = await open('sheng');
    await page.waitForURL(/\/province$/);
    const table = page.getByTestId('province-cities');
    await table.locator('tbody tr.ant-table-row').nth(1).waitFor();
    const rows = await table.locator('tbody tr.ant-table-row').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows.join('\n')).toContain('北宁市政务公开办公室');
    expect(rows.join('\n')).toContain('江临市');
    await page.locator('[data-testid="province-chart-box"], [data-testid="province-chart"]').first().waitFor();
    expect(await page.getByTestId('province-chart').locator('canvas').count()).toBeGreaterThan(0);
    // The menu offers what a province account may call, and no more.
    const menu = await page.getByTestId('main-nav').textContent();
    expect(menu).toContain('全省概况');
    expect(menu).toContain('概览');
    expect(menu).toContain('排名');
    for (const absent of ['分析', '年度报告', '整改', '设置', '单位']) expect(menu).not.toContain(absent);
    expect(await page.getByTestId('header-presentation').count()).toBe(0);
    await page.waitForTimeout(800); // the chart's entrance animation
    await screenshot(page, 'province-01-cities');
    // An earlier quarter: every city's figures of that quarter.
    await page.getByTestId('province-period').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '2026年第一季度' }).click();
    await table.locator('tbody tr.ant-table-row').filter({ hasText: '2026Q1' }).nth(1).waitFor();
    expect((await table.locator('tbody tr.ant-table-row').allTextContents()).every((r) => r.includes('2026Q1'))).toBe(true);

    // Open 北宁市 from the table: its overview, then its ranking — its own units only.
    await table.locator('tbody tr.ant-table-row').filter({ hasText: '北宁市' }).getByTestId('province-open-city').click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('overview-title').waitFor();
    await expect(page.getByTestId('office-picker').textContent()).resolves.toContain('北宁市');
    const assessedBeining = await page.getByTestId('figure-assessed').textContent();
    expect(assessedBeining).not.toContain('155');
    await screenshot(page, 'province-02-beining-overview');
    // No link or button on the overview leads to a page the account cannot open (unit profiles, the ledger, its board).
    await page.getByTestId('figure-assessed').waitFor();
    expect(await forbiddenLinks(page)).toEqual([]);
    expect(await page.getByRole('button', { name: '整改看板' }).count()).toBe(0);
    await page.getByTestId('main-nav').getByText('排名').click();
    const beiningRanking = await rankingNames(page);
    expect(beiningRanking).toContain(MARK);
    await screenshot(page, 'province-03-beining-ranking');
    // Nor on the ranking: no 本组分析, the unit names are plain text.
    expect(await page.getByTestId('open-analysis').count()).toBe(0);
    expect(await page.getByTestId('ranking-table').locator('tbody tr.ant-table-row a').count()).toBe(0);
    expect(await forbiddenLinks(page)).toEqual([]);
    // The ranking page's other tabs read the same city.
    await page.getByTestId('rankings-tabs').getByText('热力图').click();
    await page.locator('[data-testid="heat-map-box"][data-finished="true"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('rankings-tabs').getByText('组内排名').click();

    // Switch to 江临市 in the header: the same page now reads the other city.
    await pickCity(page, '江临市');
    await page.getByTestId('ranking-table').filter({ hasNotText: MARK }).locator('tbody tr.ant-table-row').first().waitFor();
    const jianglinRanking = await rankingNames(page);
    expect(jianglinRanking).not.toContain(MARK);
    expect(jianglinRanking).not.toEqual(beiningRanking);
    await screenshot(page, 'province-04-jianglin-ranking');
    await page.getByTestId('main-nav').getByText('概览').click();
    await page.getByTestId('figure-assessed').filter({ hasText: '155' }).waitFor();

    // The choice is kept across a reload.
    await page.reload();
    await page.getByTestId('figure-assessed').filter({ hasText: '155' }).waitFor();
    await expect(page.getByTestId('office-picker').textContent()).resolves.toContain('江临市');
    // 我的账号 runs in the account's own office, whatever city is picked: its sessions are listed.
    await page.getByTestId('my-account').click();
    await page.getByTestId('my-sessions').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.locator('.ant-alert-error').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('reads its landing page in English', async () => {
    const { page, errors } = await open('sheng', 'en');
    await page.goto(`${env.baseUrl}/province`);
    await page.getByTestId('province-cities').locator('tbody tr.ant-table-row').nth(1).waitFor();
    const text = (await page.getByTestId('province-page').textContent()) ?? '';
    expect(text).toContain('Cities of the province');
    expect(text).toContain('Below pass line');
    expect(await page.getByTestId('main-nav').textContent()).toContain('Province');
    await page.waitForTimeout(800); // the chart's entrance animation
    await screenshot(page, 'province-05-english');
    expect(errors).toEqual([]);
  });
});

describe("a city's administrator", () => {
  it('has no city picker and no province page', async () => {
    const { page, errors } = await open('admin');
    await page.getByTestId('overview-title').waitFor();
    expect(await page.getByTestId('office-picker').count()).toBe(0);
    expect(await page.getByTestId('main-nav').textContent()).not.toContain('全省概况');
    // A city's own accounts keep the links a province account goes without.
    expect(await page.getByRole('button', { name: '整改看板' }).count()).toBe(1);
    await page.goto(`${env.baseUrl}/province`);
    await page.getByText('403').first().waitFor();
    expect(errors).toEqual([]);
  });

  it('of the second city reads its own city only', async () => {
    const { page } = await open('bn-admin');
    await page.goto(`${env.baseUrl}/rankings`);
    expect(await rankingNames(page)).toContain(MARK);
    expect(await page.getByTestId('office-picker').count()).toBe(0);
    expect(await page.getByTestId('open-analysis').count()).toBe(1);
    expect(await page.getByTestId('ranking-table').locator('tbody tr.ant-table-row a[href^="/units/"]').count()).toBeGreaterThan(0);
    expect(beining).toBeGreaterThan(1);
  });
});
