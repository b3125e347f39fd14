import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, signIn, startE2e, type E2eEnv } from './harness';

// Issue #15 §1–7, filing the annual report as a liaison: unsaved work survives leaving, what blocks
// 报送 is listed and jumps to the cell, automatic totals follow their parts after 空白填0, blanks are
// counted once, rule codes are said in words, the long tables keep their headers, the office's titles.

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(() => env.close());

const unitIdOf = async (code: string) =>
  Number((await env.database.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id);
const cell = (page: Page, label: string) => page.getByRole('spinbutton', { name: label, exact: true });
async function typeCell(page: Page, label: string, value: string) {
  const input = cell(page, label);
  await input.fill(value);
  await input.press('Tab');
}
async function shots(page: Page, name: string) {
  for (const width of [1366, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe('a liaison files the annual report', () => {
  it('a blank report: blanks counted once, 报送 says why it is greyed out and jumps to the cell', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'liaison');
    await page.goto(`${env.baseUrl}/reports/${await unitIdOf('A01')}/2025`);
    await page.getByTestId('report-title').waitFor();
    await expect(page.getByTestId('blank-summary').innerText()).resolves.toMatch(/\d+ 个单元格未填写/);
    // No block of hundreds of cell names.
    expect(await page.getByTestId('hard-checks').count()).toBe(0);
    await expect(page.getByTestId('report-submit').isDisabled()).resolves.toBe(true);
    const blockers = await page.getByTestId('submit-blockers').innerText();
    expect(blockers).toMatch(/^\d+ 个单元格未填写/);
    expect(blockers.length).toBeLessThan(2000);
    await page.getByTestId('blocker-jump').first().click();
    await expect(
      page.evaluate(
        () =>
          document.activeElement?.getAttribute('data-cell') ??
          document.activeElement?.closest('[data-cell]')?.getAttribute('data-cell') ??
          null,
      ),
    ).resolves.toMatch(/^[a-z]/);
    await shots(page, 'issue15-01-blank-report');
  });

  it('after 空白填0, typing 12 into 本年新收·自然人 moves the totals; failing rules are listed, said in words, and jump to the cell', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'liaison');
    await page.goto(`${env.baseUrl}/reports/${await unitIdOf('A01')}/2025`);
    await page.getByTestId('fill-blank-zero').click();
    await page.getByRole('button', { name: /^确\s?定$/ }).click();
    await typeCell(page, '本年新收·自然人', '12');
    await expect(cell(page, '本年新收·总计').inputValue()).resolves.toBe('12');
    await expect(page.getByTestId('report-tables').locator('[data-auto="1"]').first().count()).resolves.toBe(1);
    const hard = await page.getByTestId('hard-checks').innerText();
    expect(hard).not.toContain('H2');
    expect(hard).toContain('H1');
    // The code is a reference; the rule is said in words.
    await expect(page.getByTestId('hard-checks').locator('[data-rule="H1"]').first().getAttribute('aria-label')).resolves.toContain(
      '本年新收加上年结转',
    );
    await page.getByTestId('hard-checks').locator('[data-rule="H1"]').first().hover();
    await page.getByRole('tooltip').filter({ hasText: '本年新收加上年结转' }).waitFor();
    await expect(page.getByTestId('submit-blockers').innerText()).resolves.toContain('H1');
    await page.getByTestId('submit-blockers').getByTestId('blocker-jump').first().click();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toMatch(/·/);
    // A total typed by hand stays as typed.
    await typeCell(page, '本年新收·总计', '20');
    await typeCell(page, '本年新收·自然人', '13');
    await expect(cell(page, '本年新收·总计').inputValue()).resolves.toBe('20');
    await shots(page, 'issue15-02-rules-in-words');
  });

  it('unsaved edits: a warning before leaving, and the local draft restores them', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'liaison');
    const url = `${env.baseUrl}/reports/${await unitIdOf('A01')}/2025`;
    await page.goto(url);
    await typeCell(page, '本年新收·自然人', '7');
    await page.waitForTimeout(500); // the autosave's debounce
    const dialogs: string[] = [];
    page.once('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.getByTestId('main-nav').getByText('概览').click();
    expect(dialogs[0]).toContain('有未保存的修改');
    expect(new URL(page.url()).pathname).toMatch(/\/reports\//);
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('main-nav').getByText('概览').click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto(url);
    await page.getByTestId('draft-restored').waitFor();
    await expect(cell(page, '本年新收·自然人').inputValue()).resolves.toBe('7');
    await shots(page, 'issue15-03-draft-restored');
    await page.getByTestId('discard-local-draft').click();
    await expect(cell(page, '本年新收·自然人').inputValue()).resolves.toBe('');
    await page.reload();
    await page.getByTestId('report-title').waitFor();
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
  });

  it('the long tables keep their column headers and row labels in view', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'liaison');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${env.baseUrl}/reports/${await unitIdOf('A01')}/2025`);
    const scroller = page.getByTestId('report-table-scroll-三');
    await scroller.scrollIntoViewIfNeeded();
    const head = page.getByTestId('report-table-三').locator('thead tr').first();
    const before = await head.boundingBox();
    await scroller.evaluate((el) => el.scrollBy(0, 500));
    const after = await head.boundingBox();
    expect(before && after && Math.abs(after.y - before.y)).toBeLessThan(2);
    const label = page.getByTestId('report-table-三').locator('tbody [data-pin-left]').first();
    await expect(label.evaluate((el) => getComputedStyle(el).position)).resolves.toBe('sticky');
    await screenshot(page, 'issue15-04-sticky-headers-1366');
  });
});

describe('what the office sees', () => {
  it('an admin’s title is the unit’s 年度报告 (not 本单位), every column has a header, the rate says what it means', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    await page.goto(`${env.baseUrl}/reports/unit/${await unitIdOf('A01')}`);
    await page.getByTestId('unit-reports').locator('tbody tr').first().waitFor();
    const title = await page.getByTestId('unit-reports-title').innerText();
    expect(title).not.toContain('本单位');
    expect(title).toContain('年度报告');
    const headers = await page.getByTestId('unit-reports').locator('thead th').allInnerTexts();
    expect(headers.every((h) => h.trim().length > 0)).toBe(true);
    await shots(page, 'issue15-05-unit-reports-admin');
    await page.goto(`${env.baseUrl}/reports`);
    await page.getByTestId('report-rates').waitFor();
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('DHIS2');
  });

  it('English: the same page in English', async () => {
    const page = await newPage(env, 'en');
    await signIn(env, page, 'liaison');
    await page.goto(`${env.baseUrl}/reports/${await unitIdOf('A01')}/2025`);
    await page.getByTestId('report-title').waitFor();
    await expect(page.getByTestId('blank-summary').innerText()).resolves.toMatch(/\d+ cells not filled/);
    await shots(page, 'issue15-06-report-en');
  });
});
