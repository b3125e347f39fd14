import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { officeHandle, openSqlite, type DatabaseHandle } from '@kaoping/db/connect';
import { createServer } from '@kaoping/server/create-server';
import { prepareDatabase } from '@kaoping/server/bootstrap';
import { launchChromium } from './chromium';

// Each e2e file gets its own server on a free port over a fresh SQLite file holding the demo city,
// and drives Debian's Chromium (never a downloaded browser) through playwright-core.

const repoRoot = resolve(new URL('.', import.meta.url).pathname, '../../..');
export const screenshotDir = join(repoRoot, 'test-output', 'screenshots');
export const DEMO_PASSWORD = 'Kaoping@2026';

export interface E2eEnv {
  baseUrl: string;
  browser: Browser;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** `seedDemo: false` starts on an empty database, as `KAOPING_SEED_DEMO=0` does. */
export async function startE2e(options: { seedDemo?: boolean } = {}): Promise<E2eEnv> {
  const dir = mkdtempSync(join(tmpdir(), 'kaoping-e2e-'));
  const database = officeHandle(openSqlite(join(dir, 'e2e.db')), 1);
  await prepareDatabase(database, { seedDemo: options.seedDemo ?? true, now: new Date() });
  // Serve a snapshot of the build: a rebuild of dist/ while the file runs cannot pull pages away.
  const dist = join(repoRoot, 'apps/dashboard/dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('the dashboard is not built: run pnpm --filter @kaoping/dashboard build');
  const dashboardDir = join(dir, 'dist');
  cpSync(dist, dashboardDir, { recursive: true });
  const server = createServer({ database, dashboardDir, secureCookies: false });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const browser = await launchChromium();
  mkdirSync(screenshotDir, { recursive: true });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    database,
    close: async () => {
      await browser.close();
      await new Promise((ok) => server.close(ok));
      await database.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function newPage(env: E2eEnv, language: 'zh' | 'en' = 'zh'): Promise<Page> {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  // Only the first load: a later switch in the page must survive navigation.
  await context.addInitScript((lang) => {
    if (!localStorage.getItem('kaoping.language')) localStorage.setItem('kaoping.language', lang);
  }, language);
  return context.newPage();
}

export async function signIn(env: E2eEnv, page: Page, username: string): Promise<void> {
  await page.goto(env.baseUrl);
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^(登\s?录|Sign in)$/ }).click();
  await page.getByTestId('current-user').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
