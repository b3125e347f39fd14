// Node side of the chart preview, shared by e2e/charts.e2e.test.ts and bench/charts.bench.ts:
// build charts-preview/index.html with the dashboard's own vite.config.ts into a temporary folder,
// serve it over loopback, read which scripts an index.html loads eagerly and their gzipped size.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The dashboard app (apps/dashboard): its vite.config.ts builds the preview, its dist/ is served. */
export const dashboardDir = resolve(new URL('.', import.meta.url).pathname, '../../dashboard');
const previewDir = resolve(new URL('.', import.meta.url).pathname);

export interface ChartsPreview {
  baseUrl: string;
  outDir: string;
  close(): Promise<void>;
}

/** Builds the preview page (a few seconds) and serves it on a free loopback port. */
export async function startChartsPreview(): Promise<ChartsPreview> {
  const outDir = mkdtempSync(join(tmpdir(), 'kaoping-charts-preview-'));
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test, which would make Vite build React and ECharts in development mode.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      configFile: join(dashboardDir, 'vite.config.ts'),
      root: previewDir,
      base: '/',
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
  const server = serveDirectory(outDir);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    outDir,
    close: async () => {
      await new Promise((ok) => server.close(ok));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

function serveDirectory(dir: string) {
  return createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
    const file = join(dir, path || 'index.html');
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
}

export { launchChromium } from '../e2e/chromium';

/** The JS files an index.html loads before anything is lazily imported: module scripts and modulepreloads. */
export function eagerScripts(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isScript = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = tag.startsWith('<link') && /rel="modulepreload"/.test(tag);
    const url = /(?:src|href)="([^"]+\.js)"/.exec(tag)?.[1];
    if ((isScript || isPreload) && url) files.add(join(distDir, url.replace(/^\.?\//, '')));
  }
  return [...files];
}

export function gzippedSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** Whether a built file is (or holds) ECharts: the chunk the dashboard's config names `echarts`, or its code. */
export function isEChartsCode(file: string): boolean {
  if (/[/\\]echarts-[\w-]+\.js$/.test(file)) return true;
  const code = readFileSync(file, 'utf8');
  return code.includes('registerPreprocessor') && code.includes('zrender');
}
