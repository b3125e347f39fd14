// 网站检查 end to end in Chromium: the demo units' websites (served by this process on local ports),
// run a check from the page, follow its progress, open a unit's result, accept a dead link, send it
// to the published 2026Q3 round as a correction, see it on the unit's score sheet, then 交办 it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoWebsites } from '@kaoping/api/site-check/site-check-demo-sites';
import { startSiteCheckWorker } from '@kaoping/api/site-check/site-check-worker';
import type { SiteCheckWorker } from '@kaoping/api/site-check/site-check-worker';
import { newPage, screenshot, signIn, startE2e, type E2eEnv } from './harness';

let env: E2eEnv;
let worker: SiteCheckWorker;
let closeSites: () => Promise<void>;
let a01: number;
beforeAll(async () => {
  env = await startE2e();
  const sites = await startDemoWebsites(env.database.db);
  closeSites = sites.close;
  // The server in the harness does not start the worker (main.ts does): start it here, without the
  // politeness interval (the sites are ours) and with generous timeouts for a busy machine.
  worker = startSiteCheckWorker(env.database.db, { limits: { minIntervalMs: 0, perHostConcurrency: 4, pageTimeoutMs: 8000 }, pollMs: 200 });
  a01 = Number((await env.database.db.selectFrom('units').select('id').where('code', '=', 'A01').executeTakeFirstOrThrow()).id);
}, 120_000);
afterAll(async () => {
  await worker.stop();
  await closeSites();
  await env.close();
});

describe('网站检查', () => {
  it('from "run check" to a finding on the score sheet to a rectification order', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    await page.getByRole('menuitem', { name: '网站检查' }).click();
    await page.getByTestId('site-check-page').waitFor();

    // Run a check of two units.
    await page.getByRole('radio', { name: '指定单位' }).check();
    const units = page.getByTestId('site-run-units');
    await units.click();
    await page.keyboard.type('A01 江临市临江区');
    await page.keyboard.press('Enter');
    await page.keyboard.type('A01-S01');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.getByTestId('site-run-start').click();
    const progress = page.getByTestId('site-run-progress');
    await progress.getByText('已完成').first().waitFor({ timeout: 120_000 });
    await expect(progress.textContent()).resolves.toMatch(/2\/2/);
    await screenshot(page, 'site-01-run-done');

    // One unit's result.
    await progress.getByText('江临市临江区人民政府').click();
    const result = page.getByTestId('site-unit-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('不可用链接');
    await screenshot(page, 'site-02-unit-result');
    await page.keyboard.press('Escape');

    // City-wide table.
    await page.getByRole('tab', { name: '全市统计' }).click();
    await page.getByTestId('site-city-table').getByText('江临市临江区人民政府').waitFor();
    await screenshot(page, 'site-03-city');

    // Review: accept the 404 link and send it to the published 2026Q3 round.
    await page.getByRole('tab', { name: '问题审核' }).click();
    const row = page.getByTestId('site-problems').locator('tr', { hasText: 'missing.html' }).first();
    await row.getByRole('button', { name: '采纳', exact: true }).click();
    await row.getByText('已采纳').waitFor();
    await row.getByRole('checkbox').check();
    await screenshot(page, 'site-04-review');
    await page.getByTestId('site-problem-send').click();
    await page.getByTestId('site-send-round').click();
    await page.locator('.ant-select-item-option', { hasText: '2026Q3' }).first().click();
    // The round's website indicator is preselected.
    await expect.poll(() => page.getByTestId('site-send-leaf').textContent()).toMatch(/\S/);
    await page.getByTestId('site-send-reason').fill('网站检查发现的不可用链接');
    await screenshot(page, 'site-05-send');
    await page.getByTestId('site-send-ok').click();
    await page.getByText('已转为扣分记录 1 条').waitFor();

    // The finding on A01's 2026Q3 score sheet.
    const round = await env.database.db
      .selectFrom('assessment_rounds')
      .select('id')
      .where('period_code', '=', '2026Q3')
      .where('kind', '=', 'office')
      .executeTakeFirstOrThrow();
    await page.goto(`${env.baseUrl}/assessment/rounds/${round.id}/units/${a01}`);
    const findings = page.getByTestId('unit-findings');
    await findings.getByText('【网站检查】', { exact: false }).first().waitFor();
    await screenshot(page, 'site-06-score-sheet');

    // 交办整改 from the round: the finding becomes a rectification order.
    await page.goto(`${env.baseUrl}/assessment/rounds/${round.id}`);
    await page.getByTestId('issue-round').click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s?定|OK/ })
      .click();
    await page.getByTestId('ledger-table').waitFor();
    await expect
      .poll(
        async () =>
          (
            await env.database.db
              .selectFrom('rectification_items')
              .select('id')
              .where('unit_id', '=', a01)
              .where('title', 'like', '%网站检查%')
              .execute()
          ).length,
        { timeout: 30_000 },
      )
      .toBe(1);
    const item = await env.database.db
      .selectFrom('rectification_items')
      .select(['id', 'title'])
      .where('unit_id', '=', a01)
      .where('title', 'like', '%网站检查%')
      .executeTakeFirstOrThrow();
    expect(item.title).toMatch(/missing\.html HTTP 404/);
    // The order as the ledger shows it (opened by its id), with the finding's text and evidence.
    await page.goto(`${env.baseUrl}/rectification?item=${item.id}`);
    await page.getByText(item.title.slice(0, 20), { exact: false }).first().waitFor();
    await screenshot(page, 'site-07-rectification');
  }, 240_000);
});
