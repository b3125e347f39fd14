import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { newPage, screenshot, screenshotDir, signIn, startE2e, type E2eEnv } from './harness';

// 年度报告 end to end: a liaison imports sample 002, fixes it and submits; the office returns it,
// the liaison resubmits, the office accepts. Plus the office's yearly table and the city-wide summary.

const SAMPLE_002 = new URL('../../../fixtures/annual-reports/samples/002_50ea10f2717e5a1e.txt', import.meta.url);

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

describe('the office’s view of a year', () => {
  it('shows every expected report with rates per group, filters late and missing ones, and opens a report', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    await page.goto(`${env.baseUrl}/reports`);
    await page.getByTestId('report-rates').getByText('全部单位').waitFor();
    const rates = await page.getByTestId('report-rates').locator('tbody tr').allInnerTexts();
    expect(rates).toHaveLength(5);
    expect(rates[4]).toMatch(/全部单位\s+155/);
    await screenshot(page, 'reports-01-office-overview');
    await page
      .getByTestId('report-filter')
      .getByText(/^未报送/)
      .click();
    await expect(page.getByTestId('report-overview').locator('tbody tr').first().innerText()).resolves.toMatch(/未填报|草稿/);
    await expect(page.getByTestId('report-overview').innerText()).resolves.toContain('江临市临江区人民政府');
    await page
      .getByTestId('report-filter')
      .getByText(/^有错误/)
      .click();
    await page.getByTestId('report-overview').locator('tbody tr').first().getByRole('link').click();
    await page.getByTestId('report-title').waitFor();
    await page.getByTestId('row-check').first().waitFor();
    await expect(page.getByTestId('report-returned').innerText()).resolves.toContain('勾稽关系不符');
    await screenshot(page, 'reports-02-returned-report-with-errors');
  });

  it('adds up the accepted reports into the city-wide summary and exports it', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'leader');
    await page.goto(`${env.baseUrl}/reports/summary`);
    await expect(page.getByTestId('summary-count').innerText()).resolves.toMatch(/汇总 1\d\d 个单位已通过的报告/);
    await page.getByTestId('summary-tables').getByText('（七）总计').waitFor();
    await screenshot(page, 'reports-03-city-summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
    expect(download.suggestedFilename()).toBe('2025年政府信息公开工作年度报告汇总表.docx');
  });
});

describe('a liaison files the report and the office decides', () => {
  it('imports sample 002, fixes it, submits; is returned; resubmits; is accepted', async () => {
    const a01 = await unitIdOf('A01');
    const liaison = await newPage(env);
    await signIn(env, liaison, 'liaison');
    await liaison.getByTestId('main-nav').getByText('年度报告').click();
    await liaison.getByTestId('unit-reports').waitFor();
    await screenshot(liaison, 'reports-04-liaison-own-reports');
    await liaison.getByTestId('open-report-2025').click();
    await liaison.getByTestId('report-title').waitFor();
    await expect(liaison.getByTestId('report-status').first().innerText()).resolves.toBe('未填报');

    // Paste the published page and look at what was read, line by line, before anything is saved.
    await liaison.getByTestId('open-report-import').click();
    await liaison.getByTestId('import-text').fill(readFileSync(SAMPLE_002, 'utf8'));
    await liaison.getByTestId('import-parse').click();
    await expect(liaison.getByTestId('import-summary').innerText()).resolves.toContain('酉阳土家族苗族自治县李溪镇人民政府');
    await expect(liaison.getByTestId('import-notes').innerText()).resolves.toContain('2019 年试行格式');
    await expect(liaison.getByTestId('import-cells').innerText()).resolves.toContain('本年新收·自然人');
    await liaison.getByRole('dialog').screenshot({ path: join(screenshotDir, 'reports-05-import-preview.png') });
    await liaison.getByTestId('import-confirm').click();

    // The 2021-only cells of 二 are blank: 未填写, nothing was invented.
    await expect(liaison.getByTestId('blank-summary').innerText()).resolves.toMatch(/\d+ 个单元格未填写/);
    await expect(cell(liaison, '本年新收·自然人').inputValue()).resolves.toBe('0');
    await expect(cell(liaison, '行政规范性文件·现行有效件数').inputValue()).resolves.toBe('');
    await screenshot(liaison, 'reports-06-after-import');
    for (const [label, value] of [
      ['规章·本年制发件数', '0'],
      ['规章·本年废止件数', '0'],
      ['规章·现行有效件数', '0'],
      ['行政规范性文件·本年制发件数', '2'],
      ['行政规范性文件·本年废止件数', '0'],
      ['行政规范性文件·现行有效件数', '9'],
      ['行政事业性收费·本年收费金额（单位：万元）', '0'],
    ] as const)
      await typeCell(liaison, label, value);
    // A slip: one application typed into 自然人 only. The equation appears beside the rows, in Chinese, with the difference.
    await typeCell(liaison, '本年新收·自然人', '1');
    const rowChecks = liaison.getByTestId('report-table-三').getByTestId('row-check');
    await expect(rowChecks.allInnerTexts().then((t) => t.join('\n'))).resolves.toContain(
      '自然人: 本年新收 1 + 上年结转 0 ≠ 办理结果总计 0 + 结转下年度 0 (差 1)',
    );
    await screenshot(liaison, 'reports-07-failing-cell');
    await typeCell(liaison, '本年新收·自然人', '0');
    await expect(liaison.getByTestId('hard-checks').count()).resolves.toBe(0);

    // Soft warnings (六 says nothing about 信息处理费; S1/S2 against the accepted 2024 report) need a written explanation.
    await expect(liaison.getByTestId('report-submit').isDisabled()).resolves.toBe(true);
    await liaison.getByTestId('explain-S7').first().fill('本单位本年度未收取信息处理费,将在正文补充说明。');
    for (const box of await liaison.locator('[data-testid^="explain-"]').all())
      if ((await box.inputValue()) === '') await box.fill('已核实,原报告数据以本次填报为准。');
    await liaison.getByTestId('report-submit').click();
    await liaison.getByText('已报送,等待审核').waitFor();
    await liaison.getByTestId('report-status').first().filter({ hasText: '待审核' }).waitFor();
    await screenshot(liaison, 'reports-08-submitted');

    // The office returns it with a reason.
    const office = await newPage(env);
    await signIn(env, office, 'admin');
    await office.goto(`${env.baseUrl}/reports?filter=pending`);
    await office.getByTestId('report-overview').getByRole('link', { name: '江临市临江区人民政府' }).click();
    await office.getByTestId('report-return').click();
    await office.getByTestId('decision-reason').fill('请在“六、其他需要报告的事项”中写明信息处理费收取情况。');
    await office.getByTestId('decision-ok').click();
    await office.getByText('已退回', { exact: true }).first().waitFor();
    await screenshot(office, 'reports-09-office-returned');

    // The liaison sees why, fixes the text, resubmits.
    await liaison.goto(`${env.baseUrl}/reports/${a01}/2025`);
    await expect(liaison.getByTestId('report-returned').innerText()).resolves.toContain(
      '请在“六、其他需要报告的事项”中写明信息处理费收取情况',
    );
    await liaison.getByTestId('section-six').fill('本机关2025年度未收取信息处理费。');
    await expect(liaison.getByTestId('explain-S7').count()).resolves.toBe(0);
    await liaison.getByTestId('report-submit').click();
    await liaison.getByText('已报送,等待审核').waitFor();

    // The office accepts: locked; the history shows every step.
    await office.goto(`${env.baseUrl}/reports/${a01}/2025`);
    await office.getByTestId('report-accept').click();
    await office.getByTestId('decision-ok').click();
    await office.getByText('已通过的版本已锁定,如需修改请发起更正').waitFor();
    await expect(office.getByTestId('report-history').innerText()).resolves.toMatch(/导入[\s\S]*报送[\s\S]*退回[\s\S]*报送[\s\S]*通过/);
    await screenshot(office, 'reports-10-accepted');
    await liaison.reload();
    await expect(liaison.getByTestId('report-status').first().innerText()).resolves.toBe('已通过');
    expect(await liaison.getByTestId('report-save').count()).toBe(0);
  });

  it('keeps a liaison out of another unit’s report', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'liaison');
    await page.goto(`${env.baseUrl}/reports/${await unitIdOf('A02')}/2025`);
    await expect(page.getByTestId('report-error').innerText()).resolves.toContain('无权查看其他单位的数据');
  });
});
