// `pnpm bench load`: the server under concurrent load, as a whole office would use it. For each
// scenario (city × database) it prepares a database, starts the real server as a child process
// (`apps/server/src/main.ts`, so its memory is its own), signs in as the office admin and drives
// the dashboard's heaviest reads and the assessors' score entry with autocannon at 10 and 50
// connections. Prints req/s, p50/p95/p99 latency, errors/timeouts and the server's peak RSS,
// beside the targets of issue 14. KAOPING_LOAD_SECONDS (default 10) sets each run's length;
// KAOPING_LOAD_ONLY=<text> runs only the scenarios whose label contains it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { hashPassword } from '@kaoping/api/auth/password';
import { openPostgres, openSqlite, type DatabaseHandle } from '@kaoping/db/connect';
import { seedBenchCity } from '@kaoping/db/dashboard/seed-bench-city';
import { DEMO_PASSWORD } from '@kaoping/db/demo/demo-city';
import { seedDemoCity } from '@kaoping/db/demo/seed-demo-city';
import { migrateToLatest } from '@kaoping/db/migrate';

const SECONDS = Number(process.env['KAOPING_LOAD_SECONDS'] ?? 10);
const ONLY = process.env['KAOPING_LOAD_ONLY'];
const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const repoRoot = new URL('../../../', import.meta.url).pathname;
const BENCH_PASSWORD = 'Bench@2026';

type City = 'demo' | 'bench3300';
type Dialect = 'sqlite' | 'postgres';
interface Scenario {
  label: string;
  city: City;
  dialect: Dialect;
}

const scenarios: Scenario[] = [
  { label: 'demo city (156 units), SQLite', city: 'demo', dialect: 'sqlite' },
  { label: 'demo city (156 units), PostgreSQL', city: 'demo', dialect: 'postgres' },
  { label: 'bench city (3,300 units), SQLite', city: 'bench3300', dialect: 'sqlite' },
  { label: 'bench city (3,300 units), PostgreSQL', city: 'bench3300', dialect: 'postgres' },
];

/** A database for one scenario, seeded, and what the server needs to open it. */
async function prepare(scenario: Scenario): Promise<{ env: Record<string, string>; password: string; cleanup: () => Promise<void> }> {
  let handle: DatabaseHandle;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (scenario.dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'kaoping-load-'));
    const file = join(dir, 'load.db');
    handle = openSqlite(file);
    env = { KAOPING_DB_FILE: file };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `kp_load_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = PG_URL.replace(/\/[^/]*$/, `/${name}`);
    handle = openPostgres(url);
    env = { DATABASE_URL: url };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  await migrateToLatest(handle.db);
  const started = performance.now();
  let password: string;
  if (scenario.city === 'demo') {
    await seedDemoCity(handle.db, { passwordHash: await hashPassword(DEMO_PASSWORD), now: new Date() });
    password = DEMO_PASSWORD;
  } else {
    await seedBenchCity(handle.db, {
      rankingUnits: 3000,
      heatMapUnits: 300,
      indicators: 12,
      rectificationItems: 2000,
      passwordHash: await hashPassword(BENCH_PASSWORD),
      now: new Date(),
    });
    password = BENCH_PASSWORD;
  }
  console.log(`  seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await handle.destroy();
  return { env: { ...env, KAOPING_SEED_DEMO: '0' }, password, cleanup };
}

interface RunningServer {
  baseUrl: string;
  child: ChildProcess;
  peakRssMb: () => number;
  stop: () => Promise<void>;
}

async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'apps/server/src/main.ts')], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  let peak = 0;
  const sample = () => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      /* exited */
    }
  };
  const timer = setInterval(sample, 100);
  return {
    baseUrl,
    child,
    peakRssMb: () => peak,
    stop: async () => {
      clearInterval(timer);
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

async function trpc<T>(baseUrl: string, cookie: string, path: string, input?: unknown): Promise<T> {
  const url = `${baseUrl}/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;
  const res = await fetch(url, { headers: { cookie } });
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  if (!body.result) throw new Error(`${path}: ${body.error?.message ?? res.status}`);
  return body.result.data;
}

async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ username, password }),
  });
  const cookie = res.headers.get('set-cookie');
  if (!res.ok || !cookie) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0] ?? '';
}

interface LoadResult {
  label: string;
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

async function drive(label: string, baseUrl: string, connections: number, options: Partial<autocannon.Options>): Promise<LoadResult> {
  const result = await autocannon({ url: baseUrl, connections, duration: SECONDS, timeout: 10, ...options });
  const latency = result.latency as autocannon.Histogram & { p95?: number };
  return {
    label,
    connections,
    rps: result.requests.average,
    p50: latency.p50,
    p95: latency.p97_5 ?? latency.p90,
    p99: latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

function printTable(rows: LoadResult[]): void {
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(
    `  ${pad('request', 28)} ${pad('conns', 6)} ${pad('req/s', 8)} ${pad('p50 ms', 8)} ${pad('p97.5 ms', 9)} ${pad('p99 ms', 8)} errors`,
  );
  for (const r of rows) {
    console.log(
      `  ${pad(r.label, 28)} ${pad(String(r.connections), 6)} ${pad(r.rps.toFixed(0), 8)} ${pad(String(r.p50), 8)} ${pad(String(r.p95), 9)} ${pad(String(r.p99), 8)} ${r.errors}`,
    );
  }
}

async function runScenario(scenario: Scenario): Promise<void> {
  console.log(`\n${scenario.label}`);
  const db = await prepare(scenario);
  const server = await startServer(db.env);
  try {
    const cookie = await signIn(server.baseUrl, 'admin', db.password);
    const periods = await trpc<Array<{ period: string }>>(server.baseUrl, cookie, 'dashboard.periods');
    const period = periods[0]?.period ?? null;
    const ranking = await trpc<{ group: { code: string } | null; rows: Array<{ unitId: number }> }>(
      server.baseUrl,
      cookie,
      'dashboard.ranking',
      { period, group: null },
    );
    const unitId = ranking.rows[0]?.unitId;
    const get = (path: string, input: unknown) => ({
      method: 'GET' as const,
      path: `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
      headers: { cookie },
    });
    const reads: Array<[string, ReturnType<typeof get>]> = [
      ['dashboard.overview', get('dashboard.overview', { period })],
      ['dashboard.ranking', get('dashboard.ranking', { period, group: null })],
      ['dashboard.unitProfile', get('dashboard.unitProfile', { unitId, period })],
      ['rectification.ledger', get('rectification.ledger', {})],
    ];
    const rows: LoadResult[] = [];
    for (const [label, request] of reads) {
      for (const connections of [10, 50]) rows.push(await drive(label, server.baseUrl, connections, { requests: [request] }));
    }
    rows.push(...(await driveScoreEntry(server.baseUrl, cookie)));
    printTable(rows);
    console.log(`  server peak RSS ${server.peakRssMb().toFixed(0)} MB (target < 500 MB)`);
    console.log('  targets: reads at 50 connections ≥ 500 req/s, p99 < 100 ms, 0 errors; score entry at 50 ≥ 300 writes/s, p99 < 200 ms');
  } finally {
    await server.stop();
    await db.cleanup();
  }
}

/** Score entry on the newest draft round: each connection owns one binary cell and toggles it. */
async function driveScoreEntry(baseUrl: string, cookie: string): Promise<LoadResult[]> {
  const rounds = await trpc<Array<{ id: number; status: string }>>(baseUrl, cookie, 'assessment.rounds.list', {});
  const draft = rounds.find((r) => r.status === 'draft');
  if (!draft) {
    console.log('  score entry: no draft round in this city (skipped)');
    return [];
  }
  const round = await trpc<{ groups: Array<{ code: string }> }>(baseUrl, cookie, 'assessment.rounds.get', { roundId: draft.id });
  type Grid = {
    leaves: Array<{ code: string; rule: { kind: string } | null }>;
    units: Array<{ id: number; cells: Array<{ leaf: string; applicable: boolean; value: string | null }> }>;
  };
  const cells: Array<{ unitId: number; leaf: string; value: string | null }> = [];
  for (const group of round.groups) {
    const grid = await trpc<Grid>(baseUrl, cookie, 'assessment.inputs.grid', { roundId: draft.id, group: group.code });
    const binary = new Set(grid.leaves.filter((l) => l.rule?.kind === 'binary').map((l) => l.code));
    for (const unit of grid.units) {
      for (const cell of unit.cells)
        if (cell.applicable && binary.has(cell.leaf)) cells.push({ unitId: unit.id, leaf: cell.leaf, value: cell.value });
    }
  }
  if (cells.length < 50) {
    console.log(`  score entry: only ${cells.length} binary cells in the draft round (skipped)`);
    return [];
  }
  const results: LoadResult[] = [];
  let next = 0;
  for (const connections of [10, 50]) {
    results.push(
      await drive('assessment.inputs.setScore', baseUrl, connections, {
        requests: [
          {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json', origin: baseUrl },
            setupRequest: (req, ctx: object) => {
              const context = ctx as Record<string, unknown>;
              // One cell per connection, so writes never conflict with each other.
              const cell = (context['cell'] as (typeof cells)[number] | undefined) ?? cells[next++ % cells.length];
              if (!cell) return req;
              context['cell'] = cell;
              const value = cell.value === '1' ? '0' : '1';
              context['sent'] = value;
              const body = { roundId: draft.id, unitId: cell.unitId, leaf: cell.leaf, value, expected: cell.value, reason: '' };
              return { ...req, path: '/trpc/assessment.inputs.setScore', body: JSON.stringify(body) };
            },
            onResponse: (status, _body, ctx: object) => {
              const context = ctx as Record<string, unknown>;
              const cell = context['cell'] as (typeof cells)[number] | undefined;
              if (cell && status === 200) cell.value = context['sent'] as string;
            },
          },
        ],
      }),
    );
  }
  return results;
}

export default async function bench(): Promise<void> {
  for (const scenario of scenarios) {
    if (ONLY && !scenario.label.includes(ONLY)) continue;
    await runScenario(scenario);
  }
}
