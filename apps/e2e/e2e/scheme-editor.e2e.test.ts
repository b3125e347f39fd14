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
});
