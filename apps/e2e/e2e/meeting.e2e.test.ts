// The quarterly meeting: a leader runs the presentation with the keyboard only, and the bulletin
// page shows the structure, lets the office save its wording and downloads the .docx and .xlsx.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, screenshot, screenshotDir, signIn, startE2e, type E2eEnv } from './harness';

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(() => env.close());

const deck = (page: Page) => page.getByTestId('presentation-deck');
const counter = async (page: Page) => (await page.getByTestId('slide-counter').textContent())?.trim() ?? '';
const kind = async (page: Page) => deck(page).getAttribute('data-slide-kind');
/** A slide as the projector shows it: the window, not the page under the deck. */
async function slideShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}
/** The window's view with `testId` at the top (the bulletin page is too long to read as one image). */
async function viewShot(page: Page, testId: string, name: string): Promise<void> {
  await page.getByTestId(testId).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

describe('presentation mode', () => {
  it('lets a leader page through every slide with the keyboard only', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'leader');
    // The header link, reached with the keyboard: focus it and press Enter.
    await page.getByTestId('header-presentation').focus();
    await page.keyboard.press('Enter');
    const start = page.getByTestId('presentation-start');
    await expect.poll(() => start.isEnabled(), { timeout: 20_000 }).toBe(true);
    await screenshot(page, 'meeting-01-presentation-picker');
    // The start button has the focus: Enter starts.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('presentation-start');
    await page.keyboard.press('Enter');
    await deck(page).waitFor();
    const box = await deck(page).boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 1440, height: 900 });

    const total = Number((await counter(page)).split('/')[1]);
    expect(total).toBe(8); // overview, groups A, B1, B2, C, problems, rectification, requirements
    expect(await counter(page)).toBe(`1 / ${total}`);
    expect(await kind(page)).toBe('overview');
    await expect(page.getByTestId('overview-groups').textContent()).resolves.toContain('乡镇');
    await slideShot(page, 'meeting-02-slide-overview');

    const kinds: string[] = [(await kind(page)) ?? ''];
    const keys = ['ArrowRight', 'PageDown', ' ', 'ArrowRight', 'ArrowRight', 'PageDown', 'ArrowRight'];
    for (const [i, key] of keys.entries()) {
      await page.keyboard.press(key);
      await expect.poll(() => counter(page)).toBe(`${i + 2} / ${total}`);
      kinds.push((await kind(page)) ?? '');
      if (i === 0) {
        await page.getByTestId('ranking-chart-A').locator('canvas').waitFor();
        await page.waitForTimeout(400);
        await slideShot(page, 'meeting-03-slide-ranking-A');
      }
      if (i === 3) {
        await page.getByTestId('ranking-chart-C').locator('canvas').waitFor();
        await page.waitForTimeout(400);
        await slideShot(page, 'meeting-04-slide-ranking-C');
      }
      if (kinds.at(-1) === 'problems') await slideShot(page, 'meeting-05-slide-problems');
      if (kinds.at(-1) === 'rectification') {
        await expect(page.getByTestId('not-reported').textContent()).resolves.toMatch(/未按期反馈|均按期反馈/);
        await slideShot(page, 'meeting-06-slide-rectification');
      }
    }
    expect(kinds).toEqual(['overview', 'ranking', 'ranking', 'ranking', 'ranking', 'problems', 'rectification', 'requirements']);
    await expect(page.getByTestId('requirements').textContent()).resolves.toContain('完成时限');
    await slideShot(page, 'meeting-07-slide-requirements');

    // At the end → stays; ← / PageUp go back; Home / End; a number key jumps.
    await page.keyboard.press('ArrowRight');
    expect(await counter(page)).toBe(`${total} / ${total}`);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => counter(page)).toBe(`${total - 1} / ${total}`);
    await page.keyboard.press('PageUp');
    await expect.poll(() => counter(page)).toBe(`${total - 2} / ${total}`);
    await page.keyboard.press('Home');
    await expect.poll(() => counter(page)).toBe(`1 / ${total}`);
    await page.keyboard.press('End');
    await expect.poll(() => counter(page)).toBe(`${total} / ${total}`);
    await page.keyboard.press('3');
    await expect.poll(() => counter(page)).toBe(`3 / ${total}`);
    expect(await kind(page)).toBe('ranking');

    // A 1024 × 768 projector: the same slide fits, in smaller type.
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.keyboard.press('2');
    await expect.poll(() => counter(page)).toBe(`2 / ${total}`);
    await page.getByTestId('ranking-chart-A').locator('canvas').waitFor();
    await page.waitForTimeout(400);
    await slideShot(page, 'meeting-16-slide-ranking-1024x768');

    // Esc leaves the presentation and gives the focus back to the start button.
    await page.keyboard.press('Escape');
    await deck(page).waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('presentation-start');
    await page.close();
  });

  it('speaks English on switch', async () => {
    const page = await newPage(env, 'en');
    await signIn(env, page, 'leader');
    await page.goto(`${env.baseUrl}/presentation`);
    const start = page.getByTestId('presentation-start');
    await expect.poll(() => start.isEnabled(), { timeout: 20_000 }).toBe(true);
    await start.press('Enter');
    await deck(page).waitFor();
    await expect(page.getByTestId('slide-title').textContent()).resolves.toMatch(/^Transparency assessment, Q[1-4] \d{4}$/);
    await slideShot(page, 'meeting-15-slide-overview-en');
    await page.keyboard.press('End');
    await expect(page.getByTestId('slide-title').textContent()).resolves.toBe('Requirements');
    await page.close();
  });

  it('is not offered to a liaison, and the server refuses the data', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'liaison');
    expect(await page.getByTestId('header-presentation').count()).toBe(0);
    await page.goto(`${env.baseUrl}/presentation`);
    await page.getByText('无权访问').waitFor();
    await page.close();
  });
});

describe('the bulletin page', () => {
  it('shows the structure, saves the office wording, downloads the .docx and .xlsx', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    await page.getByTestId('header-bulletin').click();
    await page.getByTestId('bulletin-paper').waitFor({ timeout: 20_000 });
    const paper = (await page.getByTestId('bulletin-paper').textContent()) ?? '';
    for (const heading of [
      '考评依据和范围',
      '一、总体情况',
      '二、各类别考评得分及排名',
      '三、通报表扬和未达到合格线的单位',
      '四、存在的主要问题',
      '五、上期问题整改情况',
      '六、工作要求',
      '附件',
    ])
      expect(paper).toContain(heading);
    await expect(page.getByTestId('bulletin-title').textContent()).resolves.toMatch(/^关于\d{4}年第.季度全市政务公开工作考评情况的通报$/);
    await page.screenshot({ path: join(screenshotDir, 'meeting-08-bulletin-admin-top.png') });
    await viewShot(page, 'bulletin-ranking-A', 'meeting-09-bulletin-rankings');
    await viewShot(page, 'bulletin-mentions', 'meeting-10-bulletin-mentions-problems');
    await viewShot(page, 'bulletin-rectification', 'meeting-11-bulletin-rectification-requirements');
    await viewShot(page, 'bulletin-annexes', 'meeting-12-bulletin-annexes');

    // The office edits a paragraph and the document number, and saves.
    await page.getByTestId('bulletin-field-documentNumber').fill('江政公办〔2026〕12号');
    await page.getByTestId('bulletin-edit-overallComment').fill('全市政务公开工作总体平稳,部分单位整改不及时。');
    await page.getByTestId('bulletin-save').click();
    await page.getByTestId('bulletin-status').getByText(/第1版/).waitFor();

    // .docx arrives and is a zip.
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bulletin-download-docx').click()]);
    expect(docx.suggestedFilename()).toMatch(/通报\.docx$/);
    const docxPath = await docx.path();
    const docxBytes = readFileSync(docxPath);
    expect(docxBytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(docxBytes.length).toBeGreaterThan(10_000);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bulletin-download-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    await page.close();
  });

  it('is read-only for a leader and prints as a document', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'leader');
    await page.goto(`${env.baseUrl}/bulletin`);
    await page.getByTestId('bulletin-paper').waitFor({ timeout: 20_000 });
    await page.getByTestId('bulletin-readonly').waitFor();
    expect(await page.getByTestId('bulletin-save').count()).toBe(0);
    expect(await page.getByTestId('bulletin-edit-basis').count()).toBe(0);
    // The wording the office saved in the previous test is what the leader reads.
    await expect(page.getByTestId('bulletin-paragraph-overallComment').textContent()).resolves.toContain('部分单位整改不及时');
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(screenshotDir, 'meeting-13-bulletin-print-top.png') });
    await viewShot(page, 'bulletin-requirements', 'meeting-14-bulletin-print-requirements');
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    await page.close();
  });
});
