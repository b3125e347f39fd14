import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, signIn, startE2e, type E2eEnv } from './harness';

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(() => env.close());

const menuOf = async (page: Page) =>
  (await page.getByTestId('main-nav').locator('li[role="menuitem"]').allInnerTexts()).map((s) => s.trim());

describe('signing in by role', () => {
  it('shows the office admin every page, in Chinese by default', async () => {
    const page = await newPage(env);
    await page.goto(env.baseUrl);
    await page.getByRole('button', { name: /登\s?录/ }).waitFor();
    await screenshot(page, '01-login-zh');
    await signIn(env, page, 'admin');
    expect(await menuOf(page)).toEqual(['概览', '排名', '分析', '年度报告', '考评', '整改', '网站检查', '单位', '设置']);
    await page.getByTestId('overview-title').waitFor();
    await screenshot(page, '02-admin-overview');
  });

  it('rejects a wrong password with a Chinese message', async () => {
    const page = await newPage(env);
    await page.goto(env.baseUrl);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('用户名或密码错误');
  });

  it('gives the assessor no settings and the leader a read-only frame', async () => {
    const assessor = await newPage(env);
    await signIn(env, assessor, 'assessor');
    expect(await menuOf(assessor)).toEqual(['概览', '排名', '分析', '年度报告', '考评', '整改', '网站检查', '单位']);
    const leader = await newPage(env);
    await signIn(env, leader, 'leader');
    expect(await menuOf(leader)).toEqual(['概览', '排名', '分析', '年度报告', '整改', '单位']);
    await leader.goto(`${env.baseUrl}/units`);
    await leader.getByTestId('units-table').waitFor();
    expect(await leader.getByRole('button', { name: '新建单位' }).count()).toBe(0);
    await leader.goto(`${env.baseUrl}/settings`);
    await expect(leader.getByText('无权访问').textContent()).resolves.toBeTruthy();
    await screenshot(leader, '03-leader-settings-forbidden');
  });

  it('keeps a liaison to their own unit: another unit is refused by the server', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'liaison');
    expect(await menuOf(page)).toEqual(['概览', '年度报告', '考评', '整改', '单位']);
    await page.getByTestId('main-nav').getByText('单位').click();
    await expect(page.getByTestId('unit-name').textContent()).resolves.toBe('江临市临江区人民政府');
    await screenshot(page, '04-liaison-own-unit');
    const other = await env.database.db.selectFrom('units').select('id').where('code', '=', 'A02').executeTakeFirstOrThrow();
    await page.goto(`${env.baseUrl}/units/${other.id}`);
    await expect(page.getByTestId('unit-error').textContent()).resolves.toContain('无权查看其他单位的数据');
    await screenshot(page, '05-liaison-other-unit-refused');
  });
});

describe('the unit registry', () => {
  it('lists, searches and filters the demo city', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    await page.goto(`${env.baseUrl}/units`);
    await page.getByTestId('units-table').getByText('江临市临江区人民政府').waitFor();
    await screenshot(page, '06-units-list');
    await page.getByTestId('unit-search').locator('input').fill('教育局');
    await page.getByTestId('unit-search').locator('input').press('Enter');
    await page.getByText('共 1 条').waitFor();
    await expect(page.getByTestId('units-table').locator('tbody tr').first().textContent()).resolves.toContain('江临市教育局');
  });

  it('imports a units file: a bad file is refused with row and column, a good one lands', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    await page.goto(`${env.baseUrl}/units`);
    await page.getByTestId('open-import').click();
    const dir = mkdtempSync(join(tmpdir(), 'kaoping-units-'));
    const bad = join(dir, 'units-bad.csv');
    writeFileSync(bad, 'code,name,group,kind,parent,tags\nX01,新区管委会,A,county_gov,,\nX02,新区某街道,Z9,street,X01,\n');
    await page.locator('input[type="file"]').setInputFiles(bad);
    await page.getByTestId('import-run').click();
    await expect(page.getByTestId('import-result').textContent()).resolves.toContain('文件未导入');
    await page.getByText('分组 Z9 在2026年度不存在', { exact: false }).waitFor();
    await screenshot(page, '07-units-import-rejected');
    expect(await env.database.db.selectFrom('units').select('id').where('code', '=', 'X01').executeTakeFirst()).toBeUndefined();

    const good = join(dir, 'units-good.csv');
    writeFileSync(
      good,
      'code,name,group,kind,parent,tags\nX01,江临新区管理委员会,A,county_gov,,新区\nX02,江临新区滨江街道办事处,C,street,X01,\n',
    );
    await page.locator('input[type="file"]').setInputFiles(good);
    await page.getByTestId('import-run').click();
    await expect(page.getByTestId('import-result').textContent()).resolves.toContain('新增 2');
    await screenshot(page, '08-units-import-ok');
    const x02 = await env.database.db.selectFrom('units').select(['parent_id']).where('code', '=', 'X02').executeTakeFirstOrThrow();
    expect(x02.parent_id).not.toBeNull();
  });

  it('checks the new-unit form with the procedure’s own schema, in Chinese, before anything is sent', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    await page.goto(`${env.baseUrl}/units`);
    await page.getByRole('button', { name: '新建单位' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('编码').fill('X 99');
    await dialog.getByLabel('名称').fill('新');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await dialog.getByText('单位编码只能包含字母、数字、下划线和连字符').waitFor();
    await dialog.getByText('单位名称至少2个字').waitFor();
    await screenshot(page, '09a-unit-form-refused');
    expect(await env.database.db.selectFrom('units').select('id').where('name', '=', '新').executeTakeFirst()).toBeUndefined();

    await dialog.getByLabel('编码').fill('X99');
    await dialog.getByLabel('名称').fill('江临市新设局');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const created = await env.database.db
      .selectFrom('units')
      .select(['name', 'valid_from'])
      .where('code', '=', 'X99')
      .executeTakeFirstOrThrow();
    expect(created.name).toBe('江临市新设局');
    expect(created.valid_from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows a unit page with its townships and its change history', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    const a01 = await env.database.db.selectFrom('units').select('id').where('code', '=', 'A01').executeTakeFirstOrThrow();
    await page.goto(`${env.baseUrl}/units/${a01.id}`);
    await page.getByText('下级单位(10)').waitFor();
    await screenshot(page, '09-unit-detail');
  });
});

describe('language', () => {
  it('switches the whole frame to English and back', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    await page.getByTestId('language-switch').click();
    expect(await menuOf(page)).toEqual([
      'Overview',
      'Rankings',
      'Analysis',
      'Annual reports',
      'Assessment',
      'Rectification',
      'Website checks',
      'Units',
      'Settings',
    ]);
    await page.goto(`${env.baseUrl}/units`);
    await page.getByText('Jiangling', { exact: false }).count();
    await screenshot(page, '10-units-english');
    await page.getByTestId('language-switch').click();
    expect((await menuOf(page))[0]).toBe('概览');
  });
});
