import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '@kaoping/domain/period/period';
import { newPage, screenshot, signIn, startE2e, type E2eEnv } from './harness';

// Issue #15 §18, 22–25: the words on screen. 变更记录 in Chinese and China time, refusal pages
// without raw codes, the sidebar on the meeting pages, no page margin, a unit retired today, and
// what the leader's 只读 means for analysis scenarios.

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(() => env.close());

const unitIdOf = async (code: string) =>
  Number((await env.database.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id);
async function shots(page: Page, name: string) {
  for (const width of [1366, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `${name}-${width}`);
  }
}

describe('words and consistency', () => {
  it('a unit retired today shows 已撤销 without the 撤销单位 button; 变更记录 reads in Chinese and China time', async () => {
    const id = await unitIdOf('A02');
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    // Rename through the UI so the history has an entry, then retire it today.
    await page.goto(`${env.baseUrl}/units/${id}`);
    await page.getByTestId('unit-name').waitFor();
    await page.getByRole('button', { name: '编辑' }).click();
    await page.getByLabel('备注').fill('区划调整,待撤销');
    await page.getByRole('button', { name: /^保\s?存$/ }).click();
    await page.getByTestId('audit-table').getByText('修改单位').waitFor();
    await env.database.db.updateTable('units').set({ valid_to: chinaToday() }).where('id', '=', id).execute();
    await page.reload();
    await expect(page.getByTestId('unit-status').innerText()).resolves.toBe('已撤销');
    expect(await page.getByRole('button', { name: '撤销单位' }).count()).toBe(0);
    // After the reload the change history loads on its own: wait for its entry before reading it.
    await page.getByTestId('audit-table').getByText('修改单位').waitFor();
    const history = await page.getByTestId('audit-table').innerText();
    expect(history).toContain('备注: — → 区划调整,待撤销');
    expect(history).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(history).not.toMatch(/\b[a-z_]+\.[a-z_]+\b/);
    expect(history).not.toContain('{"');
    await shots(page, 'issue15-20-unit-retired-today');
  });

  it('a liaison gets one clean 403 page on the office’s assessment pages, and no raw FORBIDDEN anywhere', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'liaison');
    const round = await env.database.db.selectFrom('assessment_rounds').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    for (const path of ['/assessment/schemes', `/assessment/rounds/${round.id}`]) {
      await page.goto(`${env.baseUrl}${path}`);
      await page.getByTestId('refusal').waitFor();
      const text = await page.locator('main, .ant-layout-content').first().innerText();
      expect(text).toContain('403');
      expect(text).not.toContain('当前角色无权执行此操作');
    }
    await shots(page, 'issue15-21-liaison-refusal');
    await page.goto(`${env.baseUrl}/reports/${await unitIdOf('A02')}/2025`);
    await page.getByTestId('report-error').waitFor();
    expect(await page.getByTestId('report-error').innerText()).not.toContain('FORBIDDEN');
  });

  it('/bulletin and /presentation highlight no menu item; no white margin frames the page', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    for (const path of ['/bulletin', '/presentation']) {
      await page.goto(`${env.baseUrl}${path}`);
      await page.getByTestId('main-nav').waitFor();
      await page.waitForTimeout(300);
      expect(await page.getByTestId('main-nav').locator('.ant-menu-item-selected').count(), path).toBe(0);
    }
    await page.goto(`${env.baseUrl}/rectification`);
    await expect(page.getByTestId('main-nav').locator('.ant-menu-item-selected').innerText()).resolves.toBe('整改');
    await expect(page.evaluate(() => getComputedStyle(document.body).margin)).resolves.toBe('0px');
  });

  it('the leader’s 只读 says what it covers; scenarios are said to be personal notes', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'leader');
    await page.getByTestId('readonly-tag').hover();
    await page.getByRole('tooltip').filter({ hasText: '模拟方案是个人笔记' }).waitFor();
    await page.goto(`${env.baseUrl}/analysis`);
    await page.getByTestId('scenario-notes-hint').waitFor();
    await expect(page.getByTestId('scenario-notes-hint').innerText()).resolves.toContain('不影响正式考评结果');
    await shots(page, 'issue15-22-leader-analysis');
  });

  it('periods read 2026年第三季度 in the Chinese UI (rounds, ledger filter, board), Q3 2026 in English', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    await page.goto(`${env.baseUrl}/assessment`);
    await page.locator('a[data-testid^="round-"]').first().waitFor();
    const rounds = await page.locator('.ant-table').first().innerText();
    expect(rounds).toMatch(/\d{4}年第[一二三四]季度/);
    expect(rounds).not.toMatch(/\b\d{4}Q[1-4]\b/);
    await page.goto(`${env.baseUrl}/rectification/board`);
    await page.getByTestId('board-total').waitFor();
    expect(await page.locator('main, .ant-layout-content').first().innerText()).not.toMatch(/\b\d{4}Q[1-4]\b/);
    await shots(page, 'issue15-24-board-periods');
    const en = await newPage(env, 'en');
    await signIn(env, en, 'admin');
    await en.goto(`${env.baseUrl}/assessment`);
    await en.locator('a[data-testid^="round-"]').first().waitFor();
    expect(await en.locator('.ant-table').first().innerText()).toMatch(/Q[1-4] \d{4}/);
  });

  it('English: 变更记录 and the refusal page without Chinese', async () => {
    const page = await newPage(env, 'en');
    await signIn(env, page, 'admin');
    await page.goto(`${env.baseUrl}/units/${await unitIdOf('A01')}`);
    await page.getByTestId('audit-table').waitFor();
    const history = await page.getByTestId('audit-table').locator('thead').innerText();
    expect(history).not.toMatch(/[\u4e00-\u9fff]/);
    await shots(page, 'issue15-23-unit-detail-en');
  });
});
