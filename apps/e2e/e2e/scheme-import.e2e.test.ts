// The office imports its own 考核细则 from .xlsx in the browser, reviews each inferred scoring rule
// beside its source cell, changes one, confirms, and then edits the saved scheme in the form editor
// (tree with children's sums, live validation naming the node). A table that does not add up is
// refused with row errors and nothing is written.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, signIn, startE2e, type E2eEnv } from './harness';

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/scheme/${name}`, import.meta.url));
const YEAR = 2031;
let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(() => env.close());

describe('importing the office 考核细则', () => {
  it('refuses a table whose points do not add up, naming the rows, and saves nothing', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    await page.goto(`${env.baseUrl}/assessment/schemes`);
    await page.getByTestId('scheme-doc-import').click();
    await page.getByTestId('scheme-doc-year').fill(String(YEAR));
    await page.locator('.ant-modal input[type=file]').setInputFiles(fixture('website-performance-2009-truncated.xlsx'));
    const errors = page.getByTestId('scheme-doc-errors');
    await errors.waitFor();
    await expect(errors.textContent()).resolves.toContain('工作表“评估指标” 第2行:“主动公开”分值 27 分,下级指标合计 15.4 分,不一致');
    await screenshot(page, 'scheme-import-01-refused');
    const stored = await env.database.db.selectFrom('schemes').select('id').where('year', '=', YEAR).execute();
    expect(stored).toEqual([]);
  });

  it('proposes, lets the office review and change inferences, confirms, then opens the scheme in the form editor', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    await page.goto(`${env.baseUrl}/assessment/schemes`);
    await page.getByTestId('scheme-doc-import').click();
    await page.getByTestId('scheme-doc-year').fill(String(YEAR));
    await page.locator('.ant-modal input[type=file]').setInputFiles(fixture('district-portal-website-2023.xlsx'));
    await page.getByTestId('scheme-doc-proposed').waitFor();
    const table = page.getByTestId('scheme-doc-inferences');
    await expect(table.textContent()).resolves.toContain('对监测抽查反馈问题未及时整改反馈的,此项不得分');
    await expect(table.textContent()).resolves.toContain('达到得满分,否则不得分');
    // Nothing is stored before the office confirms.
    expect(await env.database.db.selectFrom('schemes').select('id').where('year', '=', YEAR).execute()).toEqual([]);
    // 可用情况 was left to manual scoring: the office makes it a deduction per finding.
    // antd's dropdown animates in: a click during the animation can miss, so pick until the select shows it.
    const kind = page.getByTestId('scheme-doc-kind-1.1.1');
    for (let attempt = 0; attempt < 5 && !(await kind.textContent())?.includes('按问题扣分'); attempt++) {
      if (!(await page.locator('.ant-select-dropdown:visible').count())) await kind.click();
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').getByText('按问题扣分', { exact: true });
      await option.waitFor();
      await page.waitForTimeout(300);
      await option.click();
      await page.waitForTimeout(200);
    }
    await expect(kind.textContent()).resolves.toContain('按问题扣分');
    await screenshot(page, 'scheme-import-02-review');
    await page.getByTestId('scheme-doc-confirm').click();
    await page.getByTestId('scheme-doc-saved').waitFor();
    const saved = await env.database.db
      .selectFrom('schemes')
      .select(['id', 'scheme_json', 'status'])
      .where('year', '=', YEAR)
      .executeTakeFirstOrThrow();
    expect(saved.status).toBe('draft');
    const scheme = JSON.parse(saved.scheme_json) as {
      indicators: { children: { children: { code: string; rule: { kind: string } }[] }[] }[];
    };
    expect(scheme.indicators[0]?.children[0]?.children.map((n) => `${n.code} ${n.rule.kind}`)).toEqual([
      '1.1.1 deduct',
      '1.1.2 manual',
      '1.1.3 binary',
    ]);
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'scheme')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('assessment.scheme.importDocument');

    // Into the form editor: the tree with each parent's children's sum checked against it.
    await page.getByTestId('scheme-doc-edit').click();
    const form = page.getByTestId('scheme-form');
    await form.waitFor();
    await expect(page.getByTestId('scheme-node-1.1').textContent()).resolves.toContain('下级合计 13');
    await page.getByTestId('scheme-node-1.1.3').click();
    await expect(page.getByTestId('node-name').inputValue()).resolves.toBe('商业广告');
    await screenshot(page, 'scheme-import-03-form-editor');
    // Points that no longer add up: flagged on the node and by the live validation, naming the node.
    await page.getByTestId('node-points').fill('2');
    await expect(page.getByTestId('scheme-node-1.1').textContent()).resolves.toContain('下级合计 14 ≠ 13');
    await expect(page.getByTestId('scheme-live-problems').textContent()).resolves.toContain('指标 1.1');
    await expect(page.getByTestId('scheme-import-run').isDisabled()).resolves.toBe(true);
    await page.getByTestId('scheme-live-problems').scrollIntoViewIfNeeded();
    await screenshot(page, 'scheme-import-04-live-problem');
    await page.getByTestId('node-points').fill('1');
    await page.getByTestId('scheme-live-ok').waitFor();
  });

  it('maps per-group tables onto the year’s groups; an unmapped group blocks confirmation', async () => {
    const page = await newPage(env);
    await page.setViewportSize({ width: 1366, height: 1700 }); // the selects' dropdowns open below them, inside the window
    await signIn(env, page, 'admin');
    await page.goto(`${env.baseUrl}/assessment/schemes`);
    await page.getByTestId('scheme-doc-import').click();
    // 2026: the demo city's groups A 县(市、区)政府, B1/B2 市直部门(…), C 乡镇(街道).
    await page.getByTestId('scheme-doc-year').fill('2026');
    await page.locator('.ant-modal input[type=file]').setInputFiles(fixture('shicheng-2018-river-chief.docx'));
    await page.getByTestId('scheme-doc-proposed').waitFor();
    // One table per department: three groups named after them, which no year group matches.
    const unmapped = page.getByTestId('scheme-doc-unmapped');
    await expect(unmapped.innerText()).resolves.toContain('以下分组尚未对应到 2026 年度的考核分组:G1 县农粮局、G2 县水利局、G3 县环保局');
    await expect(page.getByTestId('scheme-doc-confirm').isDisabled()).resolves.toBe(true);
    await page.getByTestId('scheme-doc-groups').scrollIntoViewIfNeeded();
    await screenshot(page, 'scheme-import-02b-groups-unmapped');
    // The select filters as the office types: B2 and Enter picks 市直部门(其他) for each department.
    for (const code of ['G1', 'G2', 'G3']) {
      const select = page.getByTestId(`scheme-doc-group-${code}`);
      await select.click();
      await page.keyboard.type('B2');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').getByText('B2 市直部门(其他)', { exact: true }).waitFor();
      await page.keyboard.press('Enter');
      await expect.poll(() => select.textContent()).toContain('B2 市直部门(其他)');
      // The closing dropdown stays visible during its animation: wait it out, or the next select's
      // options would be found twice.
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    }
    await expect.poll(() => unmapped.count()).toBe(0);
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await expect(page.getByTestId('scheme-doc-confirm').isEnabled()).resolves.toBe(true);
    await screenshot(page, 'scheme-import-02c-groups-mapped');
  });

  it("starts next year from this year's scheme and shows the node-by-node diff in the form editor", async () => {
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    await page.goto(`${env.baseUrl}/assessment/schemes`);
    await page
      .getByRole('row', { name: /JL-2026/ })
      .getByRole('button', { name: '复制为下一年度' })
      .click();
    await page.getByText('已复制为', { exact: false }).first().waitFor();
    const copy = await env.database.db.selectFrom('schemes').select('code').where('year', '=', 2027).executeTakeFirstOrThrow();
    await page.getByTestId(`scheme-edit-${copy.code}`).click();
    await expect.poll(async () => (await page.getByTestId('scheme-json').inputValue()).length).toBeGreaterThan(100);
    await page.getByRole('tab', { name: '表单编辑' }).click();
    await expect(page.getByTestId('scheme-diff').textContent()).resolves.toContain('与上一年度方案相同');
    await page.getByTestId('scheme-node-1.1').click();
    const before = Number(await page.getByTestId('node-points').inputValue());
    await page.getByTestId('node-points').fill(String(before + 1));
    await expect(page.getByTestId('scheme-diff').textContent()).resolves.toContain(`修改1.1`);
    await expect(page.getByTestId('scheme-diff').textContent()).resolves.toContain(`分值 ${before} → ${before + 1}`);
    await page.getByTestId('scheme-diff').scrollIntoViewIfNeeded();
    await screenshot(page, 'scheme-import-05-next-year-diff');
  });
});
