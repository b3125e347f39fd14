import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLatestReportVersion, listExpectedReportUnits } from '@kaoping/db/annual-reports/annual-report.repository';
import { renderReportText, type ReportLayout } from '@kaoping/importers/annual-report/render-report-text';
import { newPage, screenshot, signIn, startE2e, type E2eEnv } from './harness';

// 年报评查 end to end: the office uploads a folder holding the demo city's published 2025 reports in
// several layouts (web page, PDF text, crawler text…) mixed with real published reports from the
// corpus, reads the review table, opens a unit's failures, orders rectification from one and
// exports the workbook.

const corpus = (path: string) => fileURLToPath(new URL(`../../../fixtures/annual-reports/${path}`, import.meta.url));
const LAYOUTS: ReportLayout[] = ['word-html', 'pdf-text', 'run-together', 'pipe', 'cell-per-line', 'markdown'];

let env: E2eEnv;
let folder: string;
let brokenCode = '';
let realCode = '';
beforeAll(async () => {
  env = await startE2e();
  folder = mkdtempSync(join(tmpdir(), 'kaoping-review-'));
  const units = (await listExpectedReportUnits(env.database.db, 2025)).slice(0, 20);
  let written = 0;
  for (const unit of units) {
    if (written === LAYOUTS.length) break;
    const report = await findLatestReportVersion(env.database.db, unit.unitId, 2025);
    if (!report) continue;
    const layout = LAYOUTS[written] ?? 'pipe';
    const cells = { ...report.cells };
    if (written === 0) {
      // One published report whose outcome rows do not add up to the total (an H3 failure).
      cells['apply.result.granted.natural'] = (cells['apply.result.granted.natural'] ?? 0) + 3;
      cells['apply.result.granted.total'] = (cells['apply.result.granted.total'] ?? 0) + 3;
      brokenCode = unit.code;
    }
    const text = renderReportText({ unit: unit.name, year: 2025, format: report.format, cells }, layout);
    const date = written % 2 === 0 ? '2026-01-20' : '2026-02-09';
    const body =
      layout === 'word-html' ? text.replace(/<body[^>]*>/, (tag) => `${tag}<p>发布日期：${date}</p>`) : `发布日期：${date}\n${text}`;
    // Half named by unit code, half by whatever the site called them (matched by the unit in the title).
    const name = written % 2 === 0 ? unit.code : `published-${written}`;
    writeFileSync(join(folder, `${name}.${layout === 'word-html' ? 'html' : layout === 'markdown' ? 'md' : 'txt'}`), body);
    written++;
  }
  // Real published reports: one filed under a demo unit's code, two from elsewhere (unmatched).
  realCode = units[LAYOUTS.length + 2]?.code ?? 'X';
  copyFileSync(corpus('samples/huaian-city-2024-annual-report-glued.txt'), join(folder, `${realCode}.txt`));
  copyFileSync(corpus('real/shanghai-gov-office-2019.cms.html'), join(folder, 'shanghai-2019.html'));
  copyFileSync(corpus('real/youyang-lixi-town-2021.cell-per-line.txt'), join(folder, 'lixi-2021.txt'));
});
afterAll(async () => {
  await env.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('年报评查 of the demo city', () => {
  it('reviews a folder of published reports: a row per unit, failures with their equations, rectification in one click, the workbook', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    await page.goto(`${env.baseUrl}/reports/review`);
    await page.getByTestId('review-year').waitFor();
    await expect(page.getByTestId('review-year').innerText()).resolves.toBe('2025'); // last year by default
    const files = readdirSync(folder).map((f) => join(folder, f));
    await page.locator('input[type=file]').first().setInputFiles(files);
    await expect(page.getByTestId('review-chosen').innerText()).resolves.toContain(`已选 ${files.length} 个文件`);
    await screenshot(page, 'report-review-01-chosen');
    await page.getByTestId('review-start').click();
    await page.getByTestId('review-total-found').waitFor({ timeout: 90_000 });

    const found = Number(await page.getByTestId('review-total-found').locator('.ant-statistic-content-value').innerText());
    expect(found).toBe(LAYOUTS.length + 1);
    await expect(page.getByTestId('review-total-expected').locator('.ant-statistic-content-value').innerText()).resolves.toBe('155');
    await page.getByText('2 个文件没有对应到单位').click();
    await expect(page.getByTestId('review-unmatched').allInnerTexts()).resolves.toEqual([
      expect.stringContaining('lixi-2021.txt'),
      expect.stringContaining('shanghai-2019.html'),
    ]);

    // The real report filed under a demo code is read completely; it is of another year, so its date is not taken.
    const realRow = page.getByTestId(`review-row-${realCode}`);
    await expect(realRow.innerText()).resolves.toMatch(/已发布[\s\S]*未注明日期[\s\S]*200\/\d+/);

    // The broken report: found, its H3 failure with the equation, ordered for rectification.
    const row = page.getByTestId(`review-row-${brokenCode}`);
    await expect(row.innerText()).resolves.toMatch(/已发布[\s\S]*2026-01-20[\s\S]*按时[\s\S]*错误 [1-9]/);
    await row.getByRole('button').first().click();
    const failures = page.getByTestId(`review-failures-${brokenCode}`);
    await expect(failures.innerText()).resolves.toMatch(/H3[\s\S]*≠/);
    await screenshot(page, 'report-review-02-table-with-failures');
    await failures.getByTestId('review-order').first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('issue-title').inputValue()).resolves.toMatch(/^2025年度政府信息公开工作年度报告:H\d /);
    await page.getByRole('dialog').screenshot({
      path: join(fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url)), 'report-review-03-order.png'),
    });
    await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
    await dialog.waitFor({ state: 'detached' });
    const items = await env.database.db
      .selectFrom('rectification_items')
      .select(['title', 'source'])
      .where('source', '=', 'report_rule')
      .execute();
    expect(items.some((i) => i.title.startsWith('2025年度政府信息公开工作年度报告:H'))).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('review-export').click()]);
    expect(download.suggestedFilename()).toBe('2025年度政府信息公开工作年度报告评查表.xlsx');
  });
});

describe('confirm before saving: where each cell came from', () => {
  it('colours cells read / settled by the equations / unresolved and marks the digits of the cell under the cursor', async () => {
    const unitId = Number((await env.database.db.selectFrom('units').select('id').where('code', '=', 'A01').executeTakeFirstOrThrow()).id);
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    await page.goto(`${env.baseUrl}/reports/${unitId}/2025`);
    await page.getByTestId('report-title').waitFor();
    await page.getByTestId('open-report-import').click();
    // Crawler text: the whole page on one line, one row's digits run together.
    const glued = readFileSync(corpus('samples/huaian-city-2024-annual-report-glued.txt'), 'utf8')
      .replace('（二）予以公开', '（二）予以公开')
      .replace('三、本年度办理结果（一）予以公开 1288 21 0 0 50 3 1362', '三、本年度办理结果（一）予以公开 12882100503 1362');
    await page.getByTestId('import-text').fill(glued);
    await page.getByTestId('import-parse').click();
    await page.getByTestId('import-legend').waitFor();
    const legend = await page.getByTestId('import-legend').innerText();
    expect(legend).toMatch(/按原文读取 \d+/);
    const cells = page.getByTestId('import-cells');
    const row = cells.locator('tbody tr').filter({ hasText: '本年新收·自然人' }).first();
    await row.hover();
    await expect(page.getByTestId('import-source-preview').getByTestId('import-source-mark').innerText()).resolves.toBe('3001');
    await expect(page.getByTestId('import-source-preview').innerText()).resolves.toContain('本年新收政府信息公开申请数量 3001');
    await page.getByRole('dialog').screenshot({
      path: join(fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url)), 'report-review-04-import-provenance.png'),
    });
  });
});
