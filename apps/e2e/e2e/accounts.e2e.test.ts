// Accounts from an empty database: the sign-in page says there is no admin; the first admin is
// created as `kaoping users create --role admin` does; the admin creates a user and bulk-creates 150
// liaison accounts (downloaded .xlsx); a liaison signs in with the sheet's one-time password and is
// held on the change-password page (the server refuses everything else) until the password is changed.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginRateLimiter } from '@kaoping/api/auth/login-rate-limiter';
import { readAccountsWorkbook } from '@kaoping/api/testing/read-accounts-workbook';
import { createUserAccount } from '@kaoping/api/users/user.service';
import { officeHandle, openSqlite, type DatabaseHandle } from '@kaoping/db/connect';
import { insertUnit } from '@kaoping/db/units/unit.repository';
import { prepareDatabase } from '@kaoping/server/bootstrap';
import { createServer } from '@kaoping/server/create-server';
import { screenshot } from './harness';

const repoRoot = resolve(new URL('.', import.meta.url).pathname, '../../..');
const ADMIN_PASSWORD = 'Jiangling 公开办 首位-qx 2026';
const LIAISON_PASSWORD = 'Lin-jiang 晴 7429 river';

let dir: string;
let database: DatabaseHandle;
let browser: Browser;
let baseUrl: string;
let close: () => Promise<void>;

// Like the shared harness, but over an EMPTY database (KAOPING_SEED_DEMO=0), at 1366 wide.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kaoping-accounts-e2e-'));
  database = officeHandle(openSqlite(join(dir, 'e2e.db')), 1);
  await prepareDatabase(database, { seedDemo: false, now: new Date() });
  const dist = join(repoRoot, 'apps/dashboard/dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('the dashboard is not built: run pnpm --filter @kaoping/dashboard build');
  cpSync(dist, join(dir, 'dist'), { recursive: true });
  const server = createServer({ database, dashboardDir: join(dir, 'dist'), secureCookies: false });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  mkdirSync(join(repoRoot, 'test-output', 'screenshots'), { recursive: true });
  close = async () => {
    await browser.close();
    await new Promise((ok) => server.close(ok));
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  };
}, 120_000);
afterAll(() => close());

async function page1366(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
  await context.addInitScript(() => localStorage.setItem('kaoping.language', 'zh'));
  return context.newPage();
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
}

async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

describe('accounts from an empty database', () => {
  let liaison: { username: string; password: string; unitName: string };

  it('says on the sign-in page that there is no admin yet, and how to create one', async () => {
    const page = await page1366();
    await page.goto(baseUrl);
    const notice = page.getByTestId('no-admin');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('pnpm kaoping users create --role admin --name admin');
    await screenshot(page, 'accounts-01-login-no-admin');

    // What `kaoping users create --role admin --name admin` does, with the typed password.
    const cli = {
      db: database.db,
      dialect: database.dialect,
      user: null,
      sessionToken: null,
      clientIp: 'cli',
      cookies: { set: () => undefined, clear: () => undefined },
      loginLimiter: new LoginRateLimiter(),
      now: () => new Date(),
    };
    await createUserAccount(
      cli,
      { username: 'admin', displayName: '王主任(市政务公开办)', role: 'admin', unitId: null, phone: null },
      { password: ADMIN_PASSWORD },
    );
    const at = new Date().toISOString();
    for (let i = 1; i <= 150; i++) {
      await insertUnit(
        database.db,
        {
          code: `U${String(i).padStart(3, '0')}`,
          name: `江临市第${i}单位`,
          kind: i <= 10 ? 'county_gov' : 'city_dept',
          parentId: null,
          tags: [],
          validFrom: '2020-01-01',
          note: '',
        },
        at,
      );
    }
    await page.reload();
    await page.getByLabel('用户名').waitFor();
    expect(await page.getByTestId('no-admin').count()).toBe(0);
  });

  it('the admin creates a user and bulk-creates 150 liaison accounts delivered as .xlsx', { timeout: 180_000 }, async () => {
    const page = await page1366();
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${baseUrl}/settings`);
    await page.getByRole('tab', { name: '用户' }).click();
    await page.getByTestId('users-panel').waitFor();
    await screenshot(page, 'accounts-02-users-one-admin');

    await page.getByTestId('users-create').click();
    await page.getByLabel('用户名', { exact: true }).fill('zhao-kp');
    await page.getByLabel('姓名', { exact: true }).fill('赵考评');
    await pick(page, '角色', '考评员');
    await page.getByLabel('电话', { exact: true }).fill('0731-8888 0001');
    await page.getByTestId('user-form-submit').click();
    const password = page.getByTestId('one-time-password');
    await password.waitFor();
    expect((await password.innerText()).trim()).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    await screenshot(page, 'accounts-03-one-time-password');
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /^关\s?闭$/ })
      .click();

    await page.getByTestId('users-bulk').click();
    const download = page.waitForEvent('download', { timeout: 150_000 });
    const started = Date.now();
    await page.getByTestId('bulk-run').click();
    const file = await download;
    await page.getByTestId('bulk-result').waitFor();
    const seconds = (Date.now() - started) / 1000;
    expect(await page.getByTestId('bulk-result').innerText()).toContain('已创建 150 个联络员账号');
    await screenshot(page, 'accounts-04-bulk-created');
    expect(file.suggestedFilename()).toMatch(/^联络员账号-\d{8}\.xlsx$/);
    const accounts = await readAccountsWorkbook(readFileSync((await file.path()) ?? ''));
    expect(accounts).toHaveLength(150);
    expect(accounts[0]).toMatchObject({ unitCode: 'U001', username: 'lly-u001', displayName: '江临市第1单位联络员' });
    console.log(`bulk liaison accounts in the browser: 150 in ${seconds.toFixed(1)} s`);
    const first = accounts[0];
    liaison = { username: first?.username ?? '', password: first?.password ?? '', unitName: first?.unitName ?? '' };

    await page.keyboard.press('Escape');
    await page.getByText('共 152 条').waitFor();

    // An import with bad rows: every problem by row and column, nothing written.
    await page.getByTestId('users-import').click();
    const csv = ['用户名,姓名,角色,单位编码,手机', 'lly-u001,重名,单位联络员,U001,', 'qian,钱,校长,,', 'sun,孙,单位联络员,ZZ9,'].join('\n');
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'users.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('users-import-run').click();
    await page.getByTestId('users-import-problems').waitFor();
    const problems = await page.getByTestId('users-import-problems').locator('tbody tr').allInnerTexts();
    expect(problems.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      '2 用户名 用户名 lly-u001 已存在',
      '3 角色 角色“校长”无效,应为:管理员、考评员、单位联络员、领导',
      '4 单位编码 单位编码 ZZ9 不存在',
    ]);
    await screenshot(page, 'accounts-05b-import-row-errors');
    await page.keyboard.press('Escape');
    // Nothing was written: still 152 accounts.
    await page.getByText('共 152 条').waitFor();
    await screenshot(page, 'accounts-05-users-list');
  });

  it(
    'the liaison signs in with the one-time password and must change it first; the server refuses the rest',
    { timeout: 120_000 },
    async () => {
      const page = await page1366();
      await signIn(page, liaison.username, liaison.password);
      await page.getByTestId('forced-change-password').waitFor();
      await screenshot(page, 'accounts-06-forced-change');

      // Not only the page: the API itself refuses this session anything but the change.
      const refused = await page.evaluate(async () => {
        const response = await fetch('/trpc/units.list?input=' + encodeURIComponent(JSON.stringify({ year: 2026 })), {
          credentials: 'same-origin',
        });
        return { status: response.status, body: await response.text() };
      });
      expect(refused.status).toBe(403);
      expect(refused.body).toContain('请先修改初始密码');

      await page.getByTestId('current-password').fill(liaison.password);
      await page.getByTestId('new-password').fill('password1234');
      await page.getByTestId('confirm-password').fill('password1234');
      await page.getByTestId('change-password-submit').click();
      await page.getByTestId('change-password-error').waitFor();
      expect(await page.getByTestId('change-password-error').innerText()).toMatch(/太容易被猜到/);
      await screenshot(page, 'accounts-07-weak-password-refused');

      await page.getByTestId('new-password').fill(LIAISON_PASSWORD);
      await page.getByTestId('confirm-password').fill(LIAISON_PASSWORD);
      await page.getByTestId('change-password-submit').click();
      await page.getByTestId('current-user').waitFor();
      expect(await page.getByTestId('current-user').innerText()).toBe('江临市第1单位联络员');
      // The liaison's own overview, once it has loaded.
      await page.waitForLoadState('networkidle');
      await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
      await screenshot(page, 'accounts-08-liaison-in');

      await page.getByTestId('my-account').click();
      await page.getByTestId('my-sessions').waitFor();
      await page.getByText('当前会话').waitFor();
      await screenshot(page, 'accounts-09-my-account');
    },
  );

  it('the admin disables the liaison: their open page is signed out at once', { timeout: 60_000 }, async () => {
    const liaisonPage = await page1366();
    await signIn(liaisonPage, liaison.username, LIAISON_PASSWORD);
    await liaisonPage.getByTestId('current-user').waitFor();

    const admin = await page1366();
    await signIn(admin, 'admin', ADMIN_PASSWORD);
    await admin.getByTestId('current-user').waitFor();
    await admin.goto(`${baseUrl}/settings`);
    await admin.getByRole('tab', { name: '用户' }).click();
    await admin.getByTestId('users-search').locator('input').fill(liaison.username);
    await admin.getByTestId('users-search').locator('input').press('Enter');
    await admin.getByTestId(`disable-${liaison.username}`).click();
    await admin.getByRole('button', { name: /^确\s?定$|^OK$/ }).click();
    await admin.getByText('已停用', { exact: true }).first().waitFor();
    await screenshot(admin, 'accounts-10-liaison-disabled');

    await liaisonPage.reload();
    await liaisonPage.getByLabel('用户名').waitFor();
    await signIn(liaisonPage, liaison.username, LIAISON_PASSWORD);
    expect(await liaisonPage.getByTestId('login-error').innerText()).toContain('用户名或密码错误');
  });
});
