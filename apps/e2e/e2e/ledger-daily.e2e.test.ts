import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, signIn, startE2e, type E2eEnv } from './harness';

// Issue #15 §12–17, the ledger: find a unit (pinyin initials too), overdue in working days and in
// view at 1366, evidence listed once, evidence required per order, and one definition of the totals
// shared by the ledger and the board, stated on both.

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(() => env.close());

async function shots(page: Page, name: string) {
  for (const width of [1366, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `${name}-${width}`);
  }
}
const rowCount = async (page: Page) => await page.getByTestId('ledger-table').locator('tbody tr.ant-table-row').count();

describe('the ledger, day to day', () => {
  it('finds one unit’s items by pinyin initials; overdue in working days, in view at 1366 and 1440', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${env.baseUrl}/rectification`);
    await page.getByTestId('ledger-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('overdue-only').click();
    await page.getByTestId('overdue-tag').first().waitFor();
    await expect(page.getByTestId('overdue-tag').first().innerText()).resolves.toMatch(/^逾期 \d+ 个工作日$/);
    for (const width of [1366, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      const tag = page.getByTestId('overdue-tag').first();
      const box = await tag.boundingBox();
      const table = await page.getByTestId('ledger-table').locator('.ant-table-content, .ant-table-body').first().boundingBox();
      expect(box && table && box.x + box.width <= table.x + table.width).toBe(true);
      await expect(tag.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).resolves.toBe(true);
    }
    await page.getByTestId('overdue-only').click();
    const all = await rowCount(page);
    // 江临市临江区人民政府 → jlsljqrmzf
    await page.getByTestId('ledger-unit-search').locator('input').fill('ljq');
    await expect
      .poll(async () =>
        (await page.getByTestId('ledger-table').locator('tbody tr.ant-table-row td:nth-child(4)').allInnerTexts()).every((n) =>
          n.includes('临江区'),
        ),
      )
      .toBe(true);
    expect(await rowCount(page)).toBeGreaterThan(0);
    expect(await rowCount(page)).toBeLessThanOrEqual(all);
    await page.getByTestId('ledger-unit-search').locator('input').fill('A01');
    await expect
      .poll(async () =>
        (await page.getByTestId('ledger-table').locator('tbody tr.ant-table-row td:nth-child(4)').allInnerTexts()).every((n) =>
          n.includes('临江区'),
        ),
      )
      .toBe(true);
    await shots(page, 'issue15-10-ledger-unit-search');
  });

  it('the ledger and the board count the same items, and both say how', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'leader');
    await page.goto(`${env.baseUrl}/rectification`);
    await page.getByTestId('ledger-definition').first().waitFor();
    const ledgerTotal = (await page.getByTestId('rectification-figures').locator('.ant-statistic').first().innerText()).match(/\d+/)?.[0];
    expect(await page.getByTestId('ledger-definition').first().innerText()).toContain('不含已撤销');
    await page.goto(`${env.baseUrl}/rectification/board`);
    await page.getByTestId('board-total').waitFor();
    const boardTotal = (await page.getByTestId('board-total').innerText()).match(/\d+/)?.[0];
    expect(boardTotal).toBe(ledgerTotal);
    expect(await page.getByTestId('ledger-definition').first().innerText()).toContain('不含已撤销');
    await shots(page, 'issue15-11-board-definition');
  });

  it('an order that asks for evidence: the form refuses a fix without it; a submitted file is listed once', async () => {
    const office = await newPage(env);
    await signIn(env, office, 'admin');
    await office.goto(`${env.baseUrl}/rectification`);
    await office.getByTestId('open-issue').click();
    await office.getByTestId('issue-unit').click();
    await office.keyboard.type('A01 江临市临江区');
    await office.keyboard.press('Enter');
    await office.getByTestId('issue-title').fill('【测试】须附佐证的整改');
    await expect(office.getByRole('checkbox', { name: '要求单位提供佐证材料' }).isChecked()).resolves.toBe(true);
    await office.getByRole('button', { name: /确\s?定|OK/ }).click();
    await office.getByText('【测试】须附佐证的整改').waitFor();

    const unit = await newPage(env);
    await signIn(env, unit, 'liaison');
    await unit.goto(`${env.baseUrl}/rectification`);
    await unit.getByTestId('ledger-table').getByText('【测试】须附佐证的整改').click();
    await expect(unit.getByTestId('evidence-rule').innerText()).resolves.toBe('须提供佐证材料');
    await unit.getByRole('button', { name: '签收' }).click();
    await unit.getByRole('button', { name: '提交', exact: true }).click();
    await unit.getByRole('button', { name: '报送整改情况' }).click();
    await unit.getByLabel('整改措施').fill('已补充');
    await unit.getByLabel('完成情况').fill('已完成');
    // Required: refused in the form before anything is sent.
    await unit.getByRole('button', { name: '提交', exact: true }).click();
    await expect(unit.getByTestId('evidence-field').innerText()).resolves.toContain('须提供佐证材料');
    const dir = mkdtempSync(join(tmpdir(), 'kp-evidence-'));
    const pdf = join(dir, '整改佐证.pdf');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    await unit.locator('.ant-modal input[type="file"]').setInputFiles(pdf);
    await unit.getByTestId('evidence-item').waitFor();
    await unit.getByRole('button', { name: '提交', exact: true }).click();
    await unit.locator('.ant-drawer').getByText('已报送').first().waitFor();
    // The file appears once: in the submission, not again in a second list.
    await expect(unit.locator('.ant-drawer').getByText('整改佐证.pdf').count()).resolves.toBe(1);
    expect(await unit.getByTestId('evidence-files').count()).toBe(0);
    await shots(unit, 'issue15-12-drawer-evidence-once');
  });

  it('English: ledger statuses, severities and the drawer timeline without Chinese', async () => {
    const page = await newPage(env, 'en');
    await signIn(env, page, 'admin');
    await page.goto(`${env.baseUrl}/rectification`);
    await page.getByTestId('ledger-table').locator('tbody tr.ant-table-row').first().waitFor();
    const statuses = await page.getByTestId('ledger-table').locator('tbody td .ant-tag').allInnerTexts();
    expect(statuses.length).toBeGreaterThan(0);
    for (const s of statuses) expect(s).not.toMatch(/[\u4e00-\u9fff]/);
    await page.getByTestId('ledger-table').locator('tbody tr.ant-table-row').first().click();
    await page.locator('.ant-drawer .ant-timeline').waitFor();
    const lines = await page.locator('.ant-drawer .ant-timeline-item-content, .ant-drawer .ant-timeline-item-section').allInnerTexts();
    expect(lines.join('\n')).toMatch(/Issued/);
    await shots(page, 'issue15-13-ledger-en');
  });
});
