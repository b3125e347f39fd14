// The chart layer in Chromium: the real host (charts/echart.tsx) and option builders, built
// with the dashboard's Vite config into a test-only preview page (charts-preview/), since no
// page uses the charts yet. 3,000 ranked units and a 300 × 12 heat map render; unit names
// holding <img onerror> show as text in tooltips and never run; ECharts stays out of the
// scripts loaded up front.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eagerScripts,
  isEChartsCode,
  launchChromium,
  startChartsPreview,
  type ChartsPreview,
  dashboardDir,
} from '../charts-preview/preview-harness';
import { XSS_ALERT_NAME, XSS_FLAG_NAME } from '../charts-preview/preview-data';
import { screenshot, screenshotDir } from './harness';

let preview: ChartsPreview;
let browser: Browser;
beforeAll(async () => {
  preview = await startChartsPreview();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

interface Opened {
  page: Page;
  errors: string[];
  dialogs: string[];
}

async function open(query: string, viewport = { width: 1440, height: 1000 }): Promise<Opened> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${preview.baseUrl}/?${query}`);
  return { page, errors, dialogs };
}

/** Waits for each chart's first `finished` event; a page error fails at once with its message. */
async function finished({ page, errors }: Opened, ids: string[]): Promise<void> {
  const done = page.waitForFunction((list) => list.every((id) => window.__charts?.timings[id]?.finishedAt !== undefined), ids, {
    timeout: 30_000,
  });
  const failed = page.waitForEvent('pageerror', { timeout: 30_000 }).then((e) => {
    throw new Error(`page error while rendering ${ids.join(', ')}: ${e.message}`);
  });
  failed.catch(() => undefined);
  if (errors.length) throw new Error(`page error before rendering: ${errors.join('; ')}`);
  await Promise.race([done, failed]);
}

/** Pixel centre of a category row (y) at a score (x) in a chart, from the ECharts instance. */
async function pointOf(page: Page, id: string, key: string | number, x: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ id, key, x }) => {
      const chart = window.__charts.instances[id];
      const box = document.querySelector(`[data-testid="chart-${id}"]`)?.getBoundingClientRect();
      if (!chart || !box) throw new Error(`no chart ${id}`);
      const [px = 0, py = 0] = chart.convertToPixel({ gridIndex: 0 }, [x, key]) as number[];
      return { x: box.left + px, y: box.top + py };
    },
    { id, key, x },
  );
}

async function tooltipOf(page: Page) {
  const tip = page.locator('.kp-chart-tooltip');
  await tip.waitFor({ state: 'visible' });
  return { text: (await tip.textContent()) ?? '', html: await tip.innerHTML(), images: await tip.locator('img').count() };
}

describe('the chart host in Chromium', () => {
  it('renders every chart of the gallery in Chinese, each an accessible canvas', async () => {
    const opened = await open('view=gallery', { width: 1440, height: 900 });
    const { page, errors } = opened;
    const ids = ['ranking', 'stability', 'groupTrend', 'unitTrend', 'heat', 'radar', 'waterfall', 'burndown', 'overdue', 'whatIf'];
    await finished(opened, ids);
    for (const id of ids) {
      const chart = page.getByTestId(`chart-${id}`);
      expect(await chart.getAttribute('role')).toBe('img');
      expect(await chart.getAttribute('aria-label')).toBeTruthy();
      expect(await chart.locator('canvas').count()).toBeGreaterThan(0);
    }
    expect(await page.getByRole('img', { name: '排名稳定性(5%–95%区间)' }).count()).toBe(1);
    await screenshot(page, 'charts-01-gallery-zh');
    expect(errors).toEqual([]);
  });

  it('switches chart strings to English', async () => {
    const opened = await open('view=gallery&lang=en', { width: 1440, height: 900 });
    const { page, errors } = opened;
    await finished(opened, ['ranking', 'whatIf']);
    await page.getByTestId('chart-ranking').scrollIntoViewIfNeeded();
    await page.getByTestId('chart-ranking').screenshot({ path: join(screenshotDir, 'charts-02-ranking-en.png') });
    expect(errors).toEqual([]);
  });

  it('ranks 3,000 units with a scroll window, shows a markup name as text and never runs it', async () => {
    const opened = await open('view=ranking&units=3000');
    const { page, errors, dialogs } = opened;
    await finished(opened, ['ranking']);
    const timing = await page.evaluate(() => window.__charts.timings['ranking']);
    expect(timing?.finishedAt).toBeDefined();
    await screenshot(page, 'charts-03-ranking-3000');

    // U-keys of the two markup units: rank 1 and 2 (see preview-data.ts).
    for (const [index, name] of [
      [0, XSS_FLAG_NAME],
      [1, XSS_ALERT_NAME],
    ] as const) {
      const point = await pointOf(page, 'ranking', index, 40);
      await page.mouse.move(point.x, point.y);
      const tip = await tooltipOf(page);
      expect(tip.text).toContain(name);
      expect(tip.html).toContain(name.replace('<', '&lt;').replace('>', '&gt;'));
      expect(tip.images).toBe(0);
      if (index === 0) await screenshot(page, 'charts-04-ranking-markup-tooltip');
    }
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);

    // onEvents: a click on a bar reports the unit's key.
    const third = await pointOf(page, 'ranking', 2, 40);
    await page.mouse.click(third.x, third.y);
    expect(await page.evaluate(() => window.__charts.clicks)).toEqual([expect.stringMatching(/^ranking:U\d{4}$/)]);

    // Scrolling moves the 60-bar window down the ranking.
    const before = await page.evaluate(
      () => (window.__charts.instances['ranking']?.getOption() as { dataZoom: { startValue: number }[] }).dataZoom[0]?.startValue,
    );
    await page.mouse.wheel(0, 2000);
    await page.waitForFunction(
      (b) => (window.__charts.instances['ranking']?.getOption() as { dataZoom: { startValue: number }[] }).dataZoom[0]?.startValue !== b,
      before,
    );
    // A new option (a live update) keeps the window the user scrolled to.
    const scrolled = await page.evaluate(
      () => (window.__charts.instances['ranking']?.getOption() as { dataZoom: { startValue: number }[] }).dataZoom[0]?.startValue,
    );
    expect(scrolled).toBeGreaterThan(0);
    await page.evaluate(() => window.__charts.rerender());
    await page.waitForTimeout(300);
    expect(
      await page.evaluate(
        () => (window.__charts.instances['ranking']?.getOption() as { dataZoom: { startValue: number }[] }).dataZoom[0]?.startValue,
      ),
    ).toBe(scrolled);
    expect(errors).toEqual([]);
  });

  it('draws the 300 × 12 heat map, and a markup unit name stays text in its tooltip', async () => {
    const opened = await open('view=heatmap&units=300&indicators=12');
    const { page, errors, dialogs } = opened;
    await finished(opened, ['heatmap']);
    await screenshot(page, 'charts-05-heatmap-300x12');
    // Row 1 is the markup unit (row 0 is the group average), column 政策解读.
    const chart = page.getByTestId('chart-heatmap');
    const point = await page.evaluate(() => {
      const instance = window.__charts.instances['heatmap'];
      const box = document.querySelector('[data-testid="chart-heatmap"]')?.getBoundingClientRect();
      const [x = 0, y = 0] = (instance?.convertToPixel({ seriesIndex: 0 }, [2, 1]) as number[]) ?? [];
      return { x: (box?.left ?? 0) + x, y: (box?.top ?? 0) + y };
    });
    await page.mouse.move(point.x, point.y);
    const tip = await tooltipOf(page);
    expect(tip.text).toContain(XSS_FLAG_NAME);
    expect(tip.text).toContain('政策解读');
    expect(tip.images).toBe(0);
    await screenshot(page, 'charts-06-heatmap-markup-tooltip');
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    expect(await chart.getAttribute('aria-label')).toContain('300 个单位');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('resizes with its box and disposes on unmount', async () => {
    const opened = await open('view=ranking&units=100', { width: 1200, height: 900 });
    const { page } = opened;
    await finished(opened, ['ranking']);
    const width = () => page.evaluate(() => window.__charts.instances['ranking']?.getWidth());
    const wide = await width();
    await page.setViewportSize({ width: 800, height: 900 });
    await page.waitForFunction((w) => window.__charts.instances['ranking']?.getWidth() !== w, wide);
    expect(await width()).toBeLessThan(wide ?? 0);
    await page.evaluate(() => window.__charts.unmount());
    expect(await page.evaluate(() => window.__charts.instances['ranking']?.isDisposed())).toBe(true);
  });
});

describe('ECharts stays out of the initial bundle', () => {
  it('loads ECharts lazily even though the preview entry imports the host statically', async () => {
    const eager = eagerScripts(preview.outDir);
    expect(eager.length).toBeGreaterThan(0);
    expect(eager.filter(isEChartsCode)).toEqual([]);
    const opened = await open('view=ranking&units=10');
    await finished(opened, ['ranking']);
    const { page } = opened;
    expect(
      await page.evaluate(
        () =>
          performance
            .getEntriesByType('resource')
            .map((e) => e.name)
            .filter((n) => /echarts-/.test(n)).length,
      ),
    ).toBeGreaterThan(0);
  });

  it('keeps ECharts out of the scripts the built dashboard loads up front', () => {
    const dist = join(dashboardDir, 'dist');
    if (!existsSync(join(dist, 'index.html'))) return; // scripts/test.sh builds the dashboard before e2e
    expect(eagerScripts(dist).filter(isEChartsCode)).toEqual([]);
  });
});
