// The quarterly meeting: a leader runs the presentation with the keyboard only, and the bulletin
// page shows the structure, lets the office save its wording and downloads the .docx and .xlsx.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addWorkingDays, createWorkCalendar } from '@kaoping/domain/calendar/work-calendar';
import { chinaToday } from '@kaoping/domain/period/period';
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

/** The entries of a zip (.docx, .xlsx) through its central directory. */
function readZip(zip: Buffer): Map<string, string> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = new Map<string, string>();
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extra;
  }
  return entries;
}
/** The text of an XML part: its <w:t> / <t> runs joined. */
const xmlText = (xml: string | undefined) =>
  [...(xml ?? '').matchAll(/<(?:w:)?t(?:\s[^>]*)?>([^<]*)<\/(?:w:)?t>/g)].map((m) => m[1]).join('');

const QUOTA_NOTE = '因优秀名额限制，等次由优秀调整为良好';
const calendar = createWorkCalendar();
/** 2026-12-21 → 2026年12月21日, as the Chinese pages and the .docx print dates. */
const zhDate = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

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
    // Every other slide in English, to look at (names and the office's text stay as typed).
    for (const [key, name] of [
      ['6', 'problems'],
      ['7', 'rectification'],
    ] as const) {
      await page.keyboard.press(key);
      await expect.poll(() => counter(page)).toBe(`${key} / 8`);
      await slideShot(page, `meeting-15-slide-${name}-en`);
    }
    await page.keyboard.press('End');
    await expect(page.getByTestId('slide-title').textContent()).resolves.toBe('Requirements');
    await page.close();
  });

  // Issue #15 §8, §9, §11 on the slides, at a laptop's and a projector's size, in both languages.
  it('says quota demotions in words, breaks a cut ranking with the count left out, and dates requirements after the bulletin', async () => {
    for (const language of ['zh', 'en'] as const)
      for (const size of SIZES) {
        const page = await newPage(env, language);
        await page.setViewportSize(size);
        await signIn(env, page, 'leader');
        await page.goto(`${env.baseUrl}/presentation`);
        const start = page.getByTestId('presentation-start');
        await expect.poll(() => start.isEnabled(), { timeout: 20_000 }).toBe(true);
        expect(await page.getByTestId('presentation-due-problems').count()).toBe(0);
        await start.press('Enter');
        await deck(page).waitFor();
        const tag = `${language}-${size.width}`;

        // Group A: two units graded 良好 by the 优秀 quota, said under the chart.
        await page.keyboard.press('2');
        await page.getByTestId('ranking-chart-A').locator('canvas').waitFor();
        const note = (await page.getByTestId('ranking-quota-note').first().textContent()) ?? '';
        expect(note).toContain(
          language === 'zh' ? `* ${QUOTA_NOTE}` : '* Graded Good instead of Excellent because the Excellent quota was full',
        );
        await page.waitForTimeout(400);
        await slideShot(page, `meeting-20-slide-ranking-A-${tag}`);

        // Group C (100 units): the first and last ten, with the 80 between said in the break row.
        await page.keyboard.press('5');
        await page.getByTestId('ranking-chart-C').locator('canvas').waitFor();
        await expect(page.getByTestId('ranking-chart-C').getAttribute('aria-label')).resolves.toContain(
          language === 'zh' ? '… 第11–90名(80个单位)未显示' : '… ranks 11–90 (80 units) not shown',
        );
        await page.waitForTimeout(400);
        await slideShot(page, `meeting-21-slide-ranking-C-${tag}`);

        // Requirements: ten working days after the bulletin's date (today in China), never before it.
        await page.keyboard.press('End');
        const due = addWorkingDays(calendar, chinaToday(), 10);
        await expect(page.getByTestId('requirement-due').first().textContent()).resolves.toBe(
          language === 'zh' ? `完成时限:${zhDate(due)}前` : `due by ${due}`,
        );
        expect(await page.getByTestId('requirement-due-invalid').count()).toBe(0);
        await slideShot(page, `meeting-22-slide-requirements-${tag}`);
        await page.close();
      }
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

  // Issue #15 §8: a bulletin dated 2026-12-07 asked for rectification 「2026年11月6日前」.
  it('moves working-day deadlines with the 成文日期, flags a date before it and refuses the .docx until it is fixed', async () => {
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    await page.goto(`${env.baseUrl}/bulletin`);
    await page.getByTestId('bulletin-paper').waitFor({ timeout: 20_000 });
    const dueInput = page.getByLabel('完成时限 1', { exact: true });
    const today = chinaToday();
    await expect.poll(() => dueInput.inputValue()).toBe(addWorkingDays(calendar, today, 10));

    // A later 成文日期: the first requirement's date follows, ten working days after it.
    const issueDate = addWorkingDays(calendar, today, 3);
    const issueInput = page.getByLabel('成文日期', { exact: true });
    await issueInput.click();
    await issueInput.fill(issueDate);
    await issueInput.press('Enter');
    await expect.poll(() => dueInput.inputValue()).toBe(addWorkingDays(calendar, issueDate, 10));
    expect(await page.getByTestId('due-date-problems').count()).toBe(0);

    // A date typed by hand on the 成文日期 itself: flagged beside the field and above the document.
    await dueInput.click();
    await dueInput.fill(issueDate);
    await dueInput.press('Enter');
    await expect(page.getByTestId('requirement-due-problem-0').textContent()).resolves.toBe(
      `完成时限(${zhDate(issueDate)})应晚于成文日期(${zhDate(issueDate)})`,
    );
    await expect(page.getByTestId('due-date-problems').textContent()).resolves.toContain('第1条「抓好问题整改」');
    await page.getByLabel('工作日 1', { exact: true }).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(screenshotDir, 'meeting-23-bulletin-due-flagged.png') });
    await page.getByTestId('bulletin-save').click();
    await page.getByTestId('bulletin-status').getByText(/第2版/).waitFor();

    // Saved that way, the .docx is refused with the reason in Chinese; nothing is downloaded.
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    await page.getByTestId('bulletin-download-docx').click();
    await page
      .getByText(
        `工作要求的完成时限有误,请在通报中修改后再导出:第1条「抓好问题整改」的完成时限${zhDate(issueDate)}不晚于成文日期${zhDate(issueDate)}。`,
      )
      .waitFor();
    expect(downloads).toBe(0);
    await page.screenshot({ path: join(screenshotDir, 'meeting-24-bulletin-docx-refused.png') });

    // Back to "ten working days": the date is computed again, the warning goes, the .docx prints it.
    await page.getByLabel('工作日 1', { exact: true }).fill('10');
    const fixed = addWorkingDays(calendar, issueDate, 10);
    await expect.poll(() => dueInput.inputValue()).toBe(fixed);
    expect(await page.getByTestId('due-date-problems').count()).toBe(0);
    await page.getByTestId('bulletin-save').click();
    await page.getByTestId('bulletin-status').getByText(/第3版/).waitFor();
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bulletin-download-docx').click()]);
    const text = xmlText(readZip(readFileSync(await docx.path())).get('word/document.xml'));
    expect(text).toContain(`完成时限：${zhDate(fixed)}前`);
    // Issue #15 §9: the quota demotion in words in the .docx ranking table, and in the .xlsx 备注.
    expect(text).toContain(QUOTA_NOTE);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bulletin-download-xlsx').click()]);
    expect(xmlText(readZip(readFileSync(await xlsx.path())).get('xl/sharedStrings.xml'))).toContain(QUOTA_NOTE);
    await page.close();
  });

  // The page at a laptop's and a wide screen's size, in both languages: the quota note in words,
  // the requirements editor, and no Chinese in the English page's own text.
  it('says the quota demotion in the ranking table, in Chinese and in English', async () => {
    for (const language of ['zh', 'en'] as const)
      for (const size of SIZES) {
        const page = await newPage(env, language);
        await page.setViewportSize(size);
        await signIn(env, page, 'admin');
        await page.goto(`${env.baseUrl}/bulletin`);
        await page.getByTestId('bulletin-paper').waitFor({ timeout: 20_000 });
        const tag = `${language}-${size.width}`;
        await page.screenshot({ path: join(screenshotDir, `meeting-25-bulletin-top-${tag}.png`) });
        const notes = page.getByTestId('bulletin-ranking-A').getByTestId('bulletin-quota-note');
        expect(await notes.count()).toBeGreaterThan(0);
        await expect(notes.first().textContent()).resolves.toBe(
          // Grade names in the page's language (the shared grade label), issue #15 §21.
          language === 'zh' ? QUOTA_NOTE : 'graded Good instead of Excellent: the Excellent quota was full',
        );
        await viewShot(page, 'bulletin-ranking-A', `meeting-26-bulletin-ranking-A-${tag}`);
        await viewShot(page, 'bulletin-requirements-editor', `meeting-27-bulletin-requirements-${tag}`);
        if (size.width === 1366) {
          await viewShot(page, 'bulletin-summary', `meeting-28-bulletin-overall-${tag}`);
          await viewShot(page, 'bulletin-mentions', `meeting-29-bulletin-mentions-${tag}`);
          await viewShot(page, 'bulletin-rectification', `meeting-30-bulletin-rectification-${tag}`);
          await viewShot(page, 'bulletin-annexes', `meeting-31-bulletin-annexes-${tag}`);
        }
        if (language === 'en') {
          // The page's own words (buttons, labels, column heads, notes) are English; only data may be Chinese.
          const han = /\p{Script=Han}/u;
          // Text boxes hold the office's own text (not innerText): labels, buttons and notes around them must be English.
          for (const testId of ['bulletin-header-fields', 'bulletin-requirements-editor'])
            expect(await page.getByTestId(testId).innerText()).not.toMatch(han);
          const heads = await page.getByTestId('bulletin-ranking-A').locator('thead').innerText();
          expect(heads).not.toMatch(han);
          // The document's text is Chinese as published, marked so and said once above the paper.
          await expect(page.getByTestId('bulletin-title').getAttribute('lang')).resolves.toBe('zh-CN');
          await expect(page.getByTestId('bulletin-language-note').innerText()).resolves.toContain('in Chinese, as published');
          await expect(page.getByTestId('bulletin-summary').locator('thead').innerText()).resolves.not.toMatch(han);
          await expect(page.locator('.ant-card').first().innerText()).resolves.not.toMatch(han);
        }
        await page.close();
      }
  });
});
