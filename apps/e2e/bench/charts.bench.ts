// `pnpm bench charts`: the dashboard's initial JavaScript (gzipped) and, in headless Chromium,
// the time to render a 3,000-unit ranking and a 300 × 12 heat map through the real chart host
// (charts-preview/, built with the dashboard's Vite config). Budgets from issue 6: initial JS
// ≤ 450 KB gzipped, under a second per chart on localhost.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  dashboardDir,
  eagerScripts,
  gzippedSize,
  isEChartsCode,
  launchChromium,
  startChartsPreview,
} from '../charts-preview/preview-harness';

const RUNS = 5;
const INITIAL_JS_BUDGET_KB = 450;
const RENDER_BUDGET_MS = 1000;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

function measureInitialJs(): void {
  const dist = join(dashboardDir, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.log('apps/dashboard/dist is missing: building the dashboard…');
    execFileSync('pnpm', ['--filter', '@kaoping/dashboard', 'build'], { cwd: resolve(dashboardDir, '../..'), stdio: 'inherit' });
  }
  const files = eagerScripts(dist).map((file) => ({ file, gz: gzippedSize(file), isECharts: isEChartsCode(file) }));
  const total = files.reduce((sum, f) => sum + f.gz, 0);
  console.log('initial JS (index.html scripts + modulepreload, gzip -9):');
  for (const f of files) console.log(`  ${basename(f.file).padEnd(40)} ${kb(f.gz).padStart(10)}${f.isECharts ? '  ← ECharts!' : ''}`);
  console.log(
    `  ${'total'.padEnd(40)} ${kb(total).padStart(10)}   budget ${INITIAL_JS_BUDGET_KB} KB: ${total / 1024 <= INITIAL_JS_BUDGET_KB ? 'ok' : 'OVER'}`,
  );
  console.log(`  ECharts in the initial scripts: ${files.some((f) => f.isECharts) ? 'YES (should be lazy)' : 'no'}`);
}

interface Scenario {
  id: string;
  label: string;
  query: string;
}

const scenarios: Scenario[] = [
  { id: 'ranking', label: 'ranking, 3,000 units', query: 'view=ranking&units=3000' },
  { id: 'heatmap', label: 'heat map, 300 units × 12 indicators', query: 'view=heatmap&units=300&indicators=12' },
];

export default async function bench(): Promise<void> {
  measureInitialJs();
  const preview = await startChartsPreview();
  const browser = await launchChromium();
  try {
    const assets = join(preview.outDir, 'assets');
    const lazy = readdirSync(assets).filter((f) => f.endsWith('.js') && isEChartsCode(join(assets, f)));
    console.log(
      `ECharts chunk, loaded on first chart: ${kb(lazy.reduce((sum, f) => sum + gzippedSize(join(assets, f)), 0))} gzipped (${lazy.join(', ')})`,
    );
    console.log(`chart render in Chromium, median of ${RUNS} fresh pages (min–max):`);
    for (const scenario of scenarios) {
      const runs: { buildMs: number; renderMs: number; pageMs: number }[] = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
        const page = await context.newPage();
        await page.goto(`${preview.baseUrl}/?${scenario.query}`);
        await page.waitForFunction((id) => window.__charts?.timings[id]?.finishedAt !== undefined, scenario.id, { timeout: 60_000 });
        const t = await page.evaluate((id) => window.__charts.timings[id], scenario.id);
        await context.close();
        if (!t || t.readyAt === undefined || t.finishedAt === undefined) throw new Error(`no timings for ${scenario.id}`);
        runs.push({ buildMs: t.buildMs, renderMs: t.finishedAt - t.readyAt, pageMs: t.finishedAt });
      }
      const line = (key: keyof (typeof runs)[number]) => {
        const values = runs.map((r) => r[key]);
        return `${median(values).toFixed(1)} ms (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})`;
      };
      const render = median(runs.map((r) => r.renderMs));
      console.log(`  ${scenario.label}`);
      console.log(`    build option              ${line('buildMs')}`);
      console.log(
        `    setOption → finished      ${line('renderMs')}   budget ${RENDER_BUDGET_MS} ms: ${render <= RENDER_BUDGET_MS ? 'ok' : 'OVER'}`,
      );
      console.log(`    navigation → finished     ${line('pageMs')}   (page load, ECharts chunk, init, render)`);
    }
  } finally {
    await browser.close();
    await preview.close();
  }
}
