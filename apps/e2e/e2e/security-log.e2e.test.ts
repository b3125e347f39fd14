// 设置 › 安全日志: a failed sign-in in the browser shows up for the office's administrator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, signIn, startE2e, type E2eEnv } from './harness';

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(() => env.close());

describe('security log', () => {
  it('lists a failed sign-in with its username, address and reason', async () => {
    const guesser = await newPage(env);
    await guesser.goto(env.baseUrl);
    await guesser.getByLabel('用户名').fill('leader');
    await guesser.getByLabel('密码').fill('guess-123');
    await guesser.getByRole('button', { name: /登\s?录/ }).click();
    await expect(guesser.getByTestId('login-error').textContent()).resolves.toContain('用户名或密码错误');

    const admin = await newPage(env);
    await signIn(env, admin, 'admin');
    await admin.goto(`${env.baseUrl}/settings`);
    await admin.getByRole('tab', { name: '安全日志' }).click();
    const table = admin.getByTestId('security-log');
    await table.getByText('leader', { exact: true }).waitFor();
    const row = (await table.locator('tbody tr').first().allInnerTexts()).join(' ');
    expect(row).toMatch(/leader\s+127\.0\.0\.1\s+密码错误/);
    await screenshot(admin, 'security-log-01-failed-sign-in');
  });
});
