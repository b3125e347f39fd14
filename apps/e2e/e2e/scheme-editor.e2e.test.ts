import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, signIn, startE2e, type E2eEnv } from './harness';

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(() => env.close());

describe('the scheme editor', () => {
  it("copies this year's scheme to next year, edits it with live checks naming the node, and saves it", async () => {
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    await page.goto(`${env.baseUrl}/assessment/schemes`);
    await page.getByRole('button', { name: '复制为下一年度' }).first().click();
    await page.getByText('已复制为', { exact: false }).first().waitFor();
    const copy = await env.database.db
      .selectFrom('schemes')
      .select(['code', 'year'])
      .where('status', '=', 'draft')
      .orderBy('year', 'desc')
      .executeTakeFirstOrThrow();
    await page.getByTestId(`scheme-edit-${copy.code}`).click();
    const editor = page.getByTestId('scheme-json');
    await expect.poll(async () => (await editor.inputValue()).length).toBeGreaterThan(100);
    await page.getByTestId('scheme-live-ok').waitFor();
    // Break the first level-1 indicator's points: the sum no longer matches its children.
    const text = await editor.inputValue();
    const scheme = JSON.parse(text) as { indicators: { code: string; points: number }[] };
    const first = scheme.indicators[0];
    if (!first) throw new Error('scheme without indicators');
    first.points += 1;
    await editor.fill(JSON.stringify(scheme, null, 2));
    await expect(page.getByTestId('scheme-live-problems').textContent()).resolves.toContain(`指标 ${first.code}`);
    await expect(page.getByTestId('scheme-import-run').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'scheme-01-live-problem');
    first.points -= 1;
    await editor.fill(JSON.stringify(scheme, null, 2));
    await page.getByTestId('scheme-live-ok').waitFor();
    await page.getByTestId('scheme-import-run').click();
    await page.getByText(`${copy.code}`, { exact: false }).first().waitFor();
    const saved = await env.database.db.selectFrom('schemes').select('version').where('code', '=', copy.code).executeTakeFirstOrThrow();
    expect(saved.version).toBeGreaterThan(1);
  });

  it('keeps the form when a group loses its name (the check names the field) and adds a group only with a code and a name', async () => {
    const page = await newPage(env);
    await page.setViewportSize({ width: 1366, height: 1100 });
    await signIn(env, page, 'admin');
    await page.goto(`${env.baseUrl}/assessment/schemes`);
    const copy = await env.database.db
      .selectFrom('schemes')
      .select(['code'])
      .where('status', '=', 'draft')
      .orderBy('year', 'desc')
      .executeTakeFirstOrThrow();
    await page.getByTestId(`scheme-edit-${copy.code}`).click();
    await expect.poll(async () => (await page.getByTestId('scheme-json').inputValue()).length).toBeGreaterThan(100);
    await page.getByRole('tab', { name: '表单编辑' }).click();
    const parts = page.getByTestId('scheme-parts');
    await parts.getByText('考核分组(4)').click();
    const names = page.getByTestId('scheme-groups').getByLabel('分组名称', { exact: true });
    await names.nth(3).fill('');
    // The form stays (the emptied field with it); the live check says which group and field.
    await expect(page.getByTestId('scheme-live-problems').textContent()).resolves.toContain('方案 groups[C].name:名称不能为空');
    expect(await page.getByTestId('scheme-form-unavailable').count()).toBe(0);
    await expect(names.nth(3).inputValue()).resolves.toBe('');
    await names.nth(3).fill('乡镇(街道)');
    await page.getByTestId('scheme-live-ok').waitFor();
    // 添加分组 asks for the code and the name first; a taken code is refused.
    const add = page.getByTestId('scheme-group-add');
    await expect(add.isDisabled()).resolves.toBe(true);
    await page.getByTestId('scheme-group-new-code').fill('C');
    await page.getByTestId('scheme-group-new-name').fill('开发区');
    await page.getByText('分组编码 C 已存在').waitFor();
    await expect(add.isDisabled()).resolves.toBe(true);
    await page.getByTestId('scheme-group-new-code').fill('D');
    await add.click();
    await parts.getByText('考核分组(5)').waitFor();
    await expect(names.nth(4).inputValue()).resolves.toBe('开发区');
    await page.getByTestId('scheme-live-ok').waitFor();
    await screenshot(page, 'scheme-02-group-added');
  });
});
