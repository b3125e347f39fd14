// `pnpm bench pages`: the dashboard's pages against a generated city of 3,300 units in a temporary
// SQLite database (a 3,000-unit group for the ranking, a 300-unit group for the heat map, a scheme
// with 12 level-1 indicators, two published quarters, a ledger), served by the real server
// (createServer) to Debian's Chromium. Prints the initial JavaScript (gzipped), the time until the
// rankings page shows its chart, the time to render the 3,000-unit ranking and the 300 × 12 heat
// map, the other pages, and the API calls behind them. Budgets from issue 6: initial JS ≤ 450 KB
// gzipped, each page under a second on localhost. KAOPING_BENCH_WATERFALL=1 prints each page's
// requests (JS chunks, API calls) with their start and end and the page's console;
// KAOPING_BENCH_ONLY=<text> runs only the pages whose label contains it; KAOPING_BENCH_SCREENSHOTS=<dir>
// saves a screenshot of each page (first cold visit). Each page is measured twice (issue #14, "full
// reload"): a first visit in a fresh browser context (cold caches) and page.reload() right after in
// the same context (HTTP and V8 code caches warm), with the main-thread time Chromium counted.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '@kaoping/api/auth/password';
import { officeHandle, openSqlite } from '@kaoping/db/connect';
import { seedBenchCity } from '@kaoping/db/dashboard/seed-bench-city';
import { migrateToLatest } from '@kaoping/db/migrate';
import { createServer } from '@kaoping/server/create-server';
import { dashboardDir, eagerScripts, gzippedSize, isEChartsCode, launchChromium } from '../charts-preview/preview-harness';

const RANKING_UNITS = 3000;
const HEAT_MAP_UNITS = 300;
const INDICATORS = 12;
const LEDGER_ITEMS = 2000;
const RUNS = 3;
const INITIAL_JS_BUDGET_KB = 450;
const PAGE_BUDGET_MS = 1000;
const PASSWORD = 'Bench@2026';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');

/**
 * Builds the dashboard with its own Vite config into a temporary folder: the same code and
 * chunking as `pnpm --filter @kaoping/dashboard build`, but not disturbed by (or disturbing) a
 * build of apps/dashboard/dist running at the same time.
 */
async function buildDashboard(outDir: string): Promise<void> {
  const { build } = await import('vite');
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      configFile: join(dashboardDir, 'vite.config.ts'),
      root: dashboardDir,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
}

interface Visit {
  /** Navigation start → the page's content shown (charts: drawn by ECharts, first frame). */
  shownMs: number;
  /** Navigation start → every chart finished (animations included); null without charts. */
  finishedMs: number | null;
  /** Option handed to the chart host → drawn (first chart of the page). */
  renderMs: number | null;
  /** Navigation start → the page's first dashboard.* request sent: the app frame's share (scripts, session, layout, route chunk). */
  requestedMs: number;
  /** Sum of the long tasks (main-thread tasks over 50 ms) that started before the page was shown. */
  longTasksMs: number;
  /** Main-thread time (Chromium's Performance.getMetrics) from navigation until measured (charts: their animations finished): all tasks, of which JS, style, layout. */
  taskMs: number;
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
}

interface PageRun {
  /** A fresh browser context: empty HTTP cache, no V8 code cache (a first visit). */
  cold: Visit;
  /** page.reload() in the same context right after: HTTP and code caches warm (a user pressing F5 on a page they use). */
  reload: Visit;
  /** JavaScript the cold visit loaded, gzipped as served from dist. */
  jsBytes: number;
}

interface Scenario {
  label: string;
  path: string;
  /** Chart boxes (DashboardChart ids) to wait for; the first gives the render time. */
  charts: string[];
  /** Otherwise a test id that shows the page's content. */
  content?: string;
}

// Installed before any page script: sums the long tasks of the document (performance.now() resets with each navigation).
const LONG_TASK_OBSERVER = `(() => {
  window.__kpLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__kpLongTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

type Metrics = Record<'TaskDuration' | 'ScriptDuration' | 'RecalcStyleDuration' | 'LayoutDuration', number>;

async function measure(page: Page, scenario: Scenario, metrics: () => Promise<Metrics>): Promise<Visit> {
  const shownAt: number[] = [];
  const finishedAt: number[] = [];
  let renderMs: number | null = null;
  for (const [i, id] of scenario.charts.entries()) {
    const box = page.locator(`[data-testid="${id}-box"][data-finished="true"]`);
    await box.waitFor({ timeout: 60_000 });
    const rendered = Number(await box.getAttribute('data-rendered-at'));
    shownAt.push(rendered);
    finishedAt.push(Number(await box.getAttribute('data-finished-at')));
    if (i === 0) renderMs = rendered - Number(await box.getAttribute('data-built-at'));
  }
  if (scenario.content) {
    await page.getByTestId(scenario.content).first().waitFor({ timeout: 60_000 });
    shownAt.push(await page.evaluate(() => performance.now()));
  }
  const after = await metrics();
  const shownMs = Math.max(...shownAt);
  const { requestedMs, longTasksMs } = await page.evaluate((shown) => {
    const tasks = (window as unknown as { __kpLongTasks?: [number, number][] }).__kpLongTasks ?? [];
    return {
      requestedMs: Math.min(
        ...performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/trpc/dashboard.'))
          .map((e) => e.startTime),
      ),
      longTasksMs: tasks.filter(([start]) => start < shown).reduce((sum, [, duration]) => sum + duration, 0),
    };
  }, shownMs);
  // Chromium counts these per document: a navigation (and a reload) starts them from zero.
  const delta = (key: keyof Metrics) => after[key] * 1000;
  return {
    shownMs,
    finishedMs: finishedAt.length ? Math.max(...finishedAt) : null,
    renderMs,
    requestedMs,
    longTasksMs,
    taskMs: delta('TaskDuration'),
    scriptMs: delta('ScriptDuration'),
    styleMs: delta('RecalcStyleDuration'),
    layoutMs: delta('LayoutDuration'),
  };
}

async function printWaterfall(page: Page, label: string): Promise<void> {
  const entries = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => {
      const r = e as PerformanceResourceTiming;
      return { name: new URL(r.name).pathname.replace(/^\/assets\//, ''), start: r.startTime, end: r.responseEnd };
    }),
  );
  console.log(`    waterfall of ${label} (ms since navigation):`);
  for (const e of entries.sort((a, b) => a.start - b.start))
    console.log(`      ${e.start.toFixed(0).padStart(6)} → ${e.end.toFixed(0).padStart(6)}  ${e.name.slice(0, 70)}`);
}

async function openPage(
  browser: Browser,
  baseUrl: string,
  cookie: string,
  scenario: Scenario,
  gzipOf: (name: string) => number,
  screenshot: string | null,
): Promise<PageRun> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await context.addCookies([{ name: 'kp_session', value: cookie, url: baseUrl }]);
  await context.addInitScript(LONG_TASK_OBSERVER);
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async (): Promise<Metrics> => {
    const { metrics: list } = await cdp.send('Performance.getMetrics');
    const value = (name: string) => list.find((m) => m.name === name)?.value ?? 0;
    return {
      TaskDuration: value('TaskDuration'),
      ScriptDuration: value('ScriptDuration'),
      RecalcStyleDuration: value('RecalcStyleDuration'),
      LayoutDuration: value('LayoutDuration'),
    };
  };
  const waterfall = process.env['KAOPING_BENCH_WATERFALL'] === '1';
  let jsBytes = 0;
  let counting = true;
  if (waterfall) page.on('console', (m) => console.log(`      console: ${m.text()}`));
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (counting && url.pathname.endsWith('.js')) jsBytes += gzipOf(basename(url.pathname));
  });
  await page.goto(`${baseUrl}${scenario.path}`);
  const cold = await measure(page, scenario, metrics);
  if (waterfall) await printWaterfall(page, scenario.path);
  if (screenshot) await page.screenshot({ path: screenshot });
  counting = false;
  await page.reload();
  const reload = await measure(page, scenario, metrics);
  if (waterfall) await printWaterfall(page, `${scenario.path} (reload)`);
  await context.close();
  return { cold, reload, jsBytes };
}

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kaoping-bench-pages-'));
  const dist = join(dir, 'dist');
  await buildDashboard(dist);
  const eager = eagerScripts(dist).map((file) => ({ file, gz: gzippedSize(file), isECharts: isEChartsCode(file) }));
  const initialJs = eager.reduce((sum, f) => sum + f.gz, 0);
  const assets = join(dist, 'assets');
  const gzipByName = new Map(
    readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => [f, gzippedSize(join(assets, f))]),
  );
  const gzipOf = (name: string) => gzipByName.get(name) ?? 0;

  const database = officeHandle(openSqlite(join(dir, 'bench.db')), 1);
  let browser: Browser | null = null;
  const server = createServer({ database, dashboardDir: dist, secureCookies: false });
  try {
    await migrateToLatest(database.db);
    const generatedAt = performance.now();
    const city = await seedBenchCity(database.db, {
      rankingUnits: RANKING_UNITS,
      heatMapUnits: HEAT_MAP_UNITS,
      indicators: INDICATORS,
      rectificationItems: LEDGER_ITEMS,
      passwordHash: await hashPassword(PASSWORD),
      now: new Date(),
    });
    const generationMs = performance.now() - generatedAt;
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const login = await fetch(`${baseUrl}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    const cookie = /kp_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    if (!login.ok || !cookie) throw new Error(`sign-in failed: ${login.status}`);

    // The API behind the pages: the first call reads and parses the publications, later ones hit memory.
    const api = async (path: string, input: unknown) => {
      const started = performance.now();
      const response = await fetch(`${baseUrl}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
        headers: { cookie: `kp_session=${cookie}` },
      });
      const body = await response.text();
      if (!response.ok) throw new Error(`${path}: ${response.status} ${body.slice(0, 200)}`);
      return { ms: performance.now() - started, bytes: body.length };
    };
    const firstUnit = Number(
      (await database.db.selectFrom('units').select('id').where('code', '=', 'T00001').executeTakeFirstOrThrow()).id,
    );
    const calls: [string, string, unknown][] = [
      ['dashboard.ranking (3,000 units)', 'dashboard.ranking', { period: null, group: 'C' }],
      ['dashboard.heatMap (300 × 12)', 'dashboard.heatMap', { period: null, group: 'B' }],
      ['dashboard.overview', 'dashboard.overview', { period: null }],
      ['dashboard.overviewList (missing reports)', 'dashboard.overviewList', { period: null, kind: 'missingReports' }],
      ['dashboard.crossGroup (3,300 units)', 'dashboard.crossGroup', { period: null }],
      ['dashboard.unitProfile (in the 3,000)', 'dashboard.unitProfile', { unitId: firstUnit, period: null }],
      ['dashboard.groupTrends', 'dashboard.groupTrends', {}],
      ['dashboard.rectificationBoard (2,000 items)', 'dashboard.rectificationBoard', { groupId: null }],
    ];
    const apiLines: string[] = [];
    for (const [label, path, input] of calls) {
      const first = await api(path, input);
      const again = [await api(path, input), await api(path, input)];
      apiLines.push(
        `  ${label.padEnd(44)} first ${ms(first.ms).padStart(7)}   then ${ms(median(again.map((a) => a.ms))).padStart(7)}   ${kb(first.bytes).padStart(10)} JSON`,
      );
    }

    const loadAtStart = loadavg();
    browser = await launchChromium();
    const scenarios: Scenario[] = [
      { label: 'rankings, 3,000-unit group', path: '/rankings?group=C', charts: ['ranking-chart'] },
      { label: 'heat map, 300 units × 12 indicators', path: '/rankings/heat-map?group=B', charts: ['heat-map'] },
      { label: 'overview', path: '/', charts: [], content: 'overview-groups' },
      { label: 'cross-group view (3,300 units)', path: '/rankings/compare', charts: [], content: 'compare-table' },
      { label: 'trends (2 groups)', path: '/rankings/trends', charts: ['group-trend-B', 'group-trend-C'] },
      { label: 'unit profile', path: `/units/${firstUnit}/profile`, charts: ['profile-radar', 'profile-waterfall', 'profile-history'] },
      { label: 'rectification board (2,000 items)', path: '/rectification/board', charts: ['board-burndown', 'board-by-unit'] },
    ];
    const results: { scenario: Scenario; runs: PageRun[] }[] = [];
    const only = process.env['KAOPING_BENCH_ONLY'];
    const screenshots = process.env['KAOPING_BENCH_SCREENSHOTS'] ?? null;
    if (screenshots) mkdirSync(screenshots, { recursive: true });
    for (const scenario of scenarios.filter((sc) => !only || sc.label.includes(only))) {
      const runs: PageRun[] = [];
      for (let i = 0; i < RUNS; i++) {
        const shot = screenshots && i === 0 ? join(screenshots, `${scenario.label.replace(/[^a-z0-9]+/gi, '-')}.png`) : null;
        runs.push(await openPage(browser, baseUrl, cookie, scenario, gzipOf, shot));
      }
      results.push({ scenario, runs });
    }

    console.log(
      `generated city: ${city.units} units (groups of ${RANKING_UNITS} and ${HEAT_MAP_UNITS}), ${INDICATORS} level-1 indicators, ${city.scores} scores, ${city.publications} published quarters, ${city.items} ledger items in ${ms(generationMs)}`,
    );
    console.log('initial JS (index.html module scripts + modulepreload, gzip -9):');
    for (const f of eager) console.log(`  ${basename(f.file).padEnd(40)} ${kb(f.gz).padStart(10)}${f.isECharts ? '  ← ECharts!' : ''}`);
    console.log(
      `  ${'total'.padEnd(40)} ${kb(initialJs).padStart(10)}   budget ${INITIAL_JS_BUDGET_KB} KB: ${verdict(initialJs / 1024 <= INITIAL_JS_BUDGET_KB)}`,
    );
    console.log(`API over HTTP on localhost (first call, then median of 2):`);
    for (const line of apiLines) console.log(line);
    // The pages are CPU-bound in the browser: on a shared machine the figures move with its load.
    const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' ');
    console.log(
      `pages in Chromium, median of ${RUNS} (min–max): a fresh browser context each (cold), then page.reload() in it (warm); load average ${load(loadAtStart)} at start, ${load(loadavg())} at end:`,
    );
    const range = (values: number[]) => `${ms(median(values)).padStart(7)} (${ms(Math.min(...values))}–${ms(Math.max(...values))})`;
    const visitLines = (name: string, visits: Visit[]) => {
      const shown = visits.map((v) => v.shownMs);
      console.log(
        `    ${`${name} → data asked`.padEnd(28)} ${range(visits.map((v) => v.requestedMs))}   (app frame: scripts, session, layout, route chunk)`,
      );
      console.log(
        `    ${`${name} → shown`.padEnd(28)} ${range(shown)}   budget ${PAGE_BUDGET_MS} ms: ${verdict(median(shown) < PAGE_BUDGET_MS)}`,
      );
      const mid = (pick: (v: Visit) => number) => ms(median(visits.map(pick)));
      console.log(
        `    ${'  main thread until measured'.padEnd(28)} ${mid((v) => v.taskMs).padStart(7)}: JS ${mid((v) => v.scriptMs)}, style ${mid((v) => v.styleMs)}, layout ${mid((v) => v.layoutMs)}; long tasks ${mid((v) => v.longTasksMs)}`,
      );
    };
    for (const { scenario, runs } of results) {
      const cold = runs.map((r) => r.cold);
      const render = cold.flatMap((r) => (r.renderMs === null ? [] : [r.renderMs]));
      const finished = cold.flatMap((r) => (r.finishedMs === null ? [] : [r.finishedMs]));
      console.log(`  ${scenario.label}`);
      visitLines('navigation (cold)', cold);
      visitLines(
        'reload (warm caches)',
        runs.map((r) => r.reload),
      );
      if (render.length) console.log(`    chart option → drawn (cold)  ${range(render)}`);
      if (finished.length) console.log(`    navigation → finished (cold) ${range(finished)}   (chart animations done)`);
      console.log(`    JS loaded (gzip, cold)       ${kb(median(runs.map((r) => r.jsBytes))).padStart(10)}`);
    }
  } finally {
    await browser?.close();
    await new Promise((ok) => server.close(ok));
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
