// `pnpm bench load`: the server under concurrent load, as a whole office would use it. For each
// configuration (city × database × server processes) it prepares a database (once per city and
// database), starts the real server as a child process (`apps/server/src/main.ts`, with
// `--workers N` for several processes, so its memory is its own), signs in as the office admin and
// drives the dashboard's heaviest reads and the assessors' score entry with autocannon at 10 and 50
// connections. Prints, per configuration, req/s, p50/p95/p99 latency, errors/timeouts and the
// server's peak RSS (summed over the primary and its workers, sampled from /proc), beside the
// targets of issue 14, and the machine's load average.
//
//   KAOPING_BENCH_SECONDS   each run's length (default 10)
//   --db sqlite,postgres    --workers 1,2    --city demo,bench3300    --connections 10,50
//   --request overview,ranking,profile,ledger,score   (a subset; names match by substring)
// e.g. `KAOPING_BENCH_SECONDS=3 pnpm bench load -- --db sqlite --workers 1,2`
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { hashPassword } from '@kaoping/api/auth/password';
import { officeHandle, openPostgres, openSqlite, type DatabaseHandle } from '@kaoping/db/connect';
import { seedBenchCity } from '@kaoping/db/dashboard/seed-bench-city';
import { DEMO_PASSWORD } from '@kaoping/db/demo/demo-city';
import { seedDemoCity } from '@kaoping/db/demo/seed-demo-city';
import { migrateToLatest } from '@kaoping/db/migrate';

const SECONDS = Number(process.env['KAOPING_BENCH_SECONDS'] ?? process.env['KAOPING_LOAD_SECONDS'] ?? 10);
const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const repoRoot = new URL('../../../', import.meta.url).pathname;
const BENCH_PASSWORD = 'Bench@2026';

type City = 'demo' | 'bench3300';
type Dialect = 'sqlite' | 'postgres';
const CITY_LABEL: Record<City, string> = { demo: 'demo city (156 units)', bench3300: 'bench city (3,300 units)' };
const DIALECT_LABEL: Record<Dialect, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

/** `--name a,b` (or `--name=a,b`) from the command line, else the fallback. */
function listArg(name: string, fallback: string[]): string[] {
  const argv = process.argv;
  const at = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return fallback;
  const raw = argv[at]?.includes('=') ? argv[at]?.slice(argv[at].indexOf('=') + 1) : argv[at + 1];
  const items = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new Error(`--${name} needs a value, e.g. --${name} ${fallback.join(',')}`);
  return items;
}

function choose<T extends string>(name: string, all: readonly T[]): T[] {
  const picked = listArg(name, [...all]);
  const unknown = picked.filter((p) => !all.includes(p as T));
  if (unknown.length > 0) throw new Error(`--${name}: unknown ${unknown.join(', ')} (one of ${all.join(', ')})`);
  return picked as T[];
}

function numbers(name: string, fallback: number[]): number[] {
  const values = listArg(name, fallback.map(String)).map(Number);
  if (values.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--${name}: positive integers, e.g. ${fallback.join(',')}`);
  return values;
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A database for one city and dialect, seeded, and what the server needs to open it. */
async function prepare(
  city: City,
  dialect: Dialect,
): Promise<{ env: Record<string, string>; password: string; cleanup: () => Promise<void> }> {
  let handle: DatabaseHandle;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'kaoping-load-'));
    const file = join(dir, 'load.db');
    handle = officeHandle(openSqlite(file), 1);
    env = { KAOPING_DB_FILE: file, DATABASE_URL: '' };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `kp_load_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = PG_URL.replace(/\/[^/]*$/, `/${name}`);
    handle = officeHandle(openPostgres(url), 1);
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
  if (city === 'demo') {
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
  console.log(`  seeded ${CITY_LABEL[city]} on ${DIALECT_LABEL[dialect]} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await handle.destroy();
  return { env: { ...env, KAOPING_SEED_DEMO: '0' }, password, cleanup };
}

/** The pid and every descendant's (cluster workers, document readers), from /proc. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields start after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* exited meanwhile */
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(root);
  return out;
}

function rssMb(pids: readonly number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      /* exited */
    }
  }
  return kb / 1024;
}

interface RunningServer {
  baseUrl: string;
  child: ChildProcess;
  /** Peak RSS (MB, all processes) since the last call, then starts a new window. */
  takePeakRssMb: () => number;
  stop: () => Promise<void>;
}

async function startServer(env: Record<string, string>, workers: number): Promise<RunningServer> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const args = ['--import', 'tsx', join(repoRoot, 'apps/server/src/main.ts'), ...(workers > 1 ? ['--workers', String(workers)] : [])];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', KAOPING_WORKERS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let started = false;
  child.stdout?.on('data', (d: Buffer) => {
    // Only the start line is of interest; stop keeping the log once it has been seen.
    if (started) return;
    stdout += d.toString();
    started = stdout.includes('考评 Kaoping 已启动');
  });
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 300_000; // a loaded machine compiles slowly (tsx)
  // The start line comes when every worker listens (alone: when the one process does).
  while (!started) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}${stdout}`);
    if (Date.now() > deadline) throw new Error(`server did not start: ${stderr}${stdout}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  let tree = processTree(child.pid ?? 0);
  let peak = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    // The tree changes rarely (a restarted worker, a document reader): rescan every second.
    if (++ticks % 10 === 0) tree = processTree(child.pid ?? 0);
    peak = Math.max(peak, rssMb(tree));
  }, 100);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    takePeakRssMb: () => {
      const p = Math.max(peak, rssMb(tree));
      peak = 0;
      return p;
    },
    stop: async () => {
      clearInterval(timer);
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
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

const NEXT_QUARTER = '2026Q4';

/** A mutation; null when it succeeded, else its error message. */
async function mutate(baseUrl: string, cookie: string, path: string, input: unknown): Promise<string | null> {
  const res = await fetch(`${baseUrl}/trpc/${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify(input),
  });
  if (res.ok) return null;
  const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
  return `${path}: ${body.error?.message ?? res.status}`;
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
  timeouts: number;
  non2xx: number;
  /** Sent but neither answered nor timed out when the run ended (one per connection is normal; autocannon drops them). */
  unfinished: number;
  rssMb: number;
}

const percentile = (sorted: readonly number[], q: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0);

async function drive(label: string, server: RunningServer, connections: number, options: Partial<autocannon.Options>): Promise<LoadResult> {
  server.takePeakRssMb();
  // autocannon's histogram has p97.5 but no p95: keep every response's time and take them here.
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: server.baseUrl, connections, duration: SECONDS, timeout: 10, ...options }, (error, done) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    label,
    connections,
    rps: result.requests.average,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    // `requests.sent` is in autocannon's result but not in its types.
    unfinished: Math.max(0, ((result.requests as { sent?: number }).sent ?? 0) - times.length - result.errors),
    rssMb: server.takePeakRssMb(),
  };
}

function printTable(rows: LoadResult[]): void {
  const pad = (s: string, n: number) => s.padStart(n);
  const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
  console.log(
    `  | ${'request'.padEnd(27)} | conns |  req/s | p50 ms | p95 ms | p99 ms | errors | timeouts | non-2xx | in flight at end | peak RSS MB |`,
  );
  console.log(
    `  |${'-'.repeat(29)}|------:|-------:|-------:|-------:|-------:|-------:|---------:|--------:|-----------------:|------------:|`,
  );
  for (const r of rows) {
    console.log(
      `  | ${r.label.padEnd(27)} | ${pad(String(r.connections), 5)} | ${pad(r.rps.toFixed(0), 6)} | ${pad(ms(r.p50), 6)} | ${pad(ms(r.p95), 6)} | ${pad(ms(r.p99), 6)} | ${pad(String(r.errors), 6)} | ${pad(String(r.timeouts), 8)} | ${pad(String(r.non2xx), 7)} | ${pad(String(r.unfinished), 16)} | ${pad(r.rssMb.toFixed(0), 11)} |`,
    );
  }
}

const REQUESTS = ['overview', 'ranking', 'profile', 'ledger', 'score'] as const;

async function runConfiguration(
  label: string,
  db: { env: Record<string, string>; password: string },
  workers: number,
  connectionCounts: number[],
  requests: readonly string[],
): Promise<void> {
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`\n### ${label}, ${workers} process${workers > 1 ? 'es' : ''} (${SECONDS} s per run; load average before ${load()})`);
  const server = await startServer(db.env, workers);
  try {
    const idleRss = server.takePeakRssMb();
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
    const reads: Array<[string, string, ReturnType<typeof get>]> = [
      ['overview', 'dashboard.overview', get('dashboard.overview', { period })],
      ['ranking', 'dashboard.ranking', get('dashboard.ranking', { period, group: null })],
      ['profile', 'dashboard.unitProfile', get('dashboard.unitProfile', { unitId, period })],
      ['ledger', 'rectification.ledger', get('rectification.ledger', {})],
    ];
    const rows: LoadResult[] = [];
    const firsts: string[] = [];
    for (const [key, name, request] of reads) {
      if (!requests.includes(key)) continue;
      // One request alone first: it may build what later ones reuse (read models, caches); its time is reported apart.
      const started = performance.now();
      const first = await fetch(`${server.baseUrl}${request.path}`, { headers: request.headers });
      await first.arrayBuffer();
      firsts.push(`${name} ${(performance.now() - started).toFixed(0)} ms${first.ok ? '' : ` (HTTP ${first.status})`}`);
      for (const connections of connectionCounts) rows.push(await drive(name, server, connections, { requests: [request] }));
    }
    if (requests.includes('score')) rows.push(...(await driveScoreEntry(server, cookie, connectionCounts)));
    if (firsts.length > 0) console.log(`  first request alone: ${firsts.join('; ')}`);
    printTable(rows);
    const peak = Math.max(idleRss, ...rows.map((r) => r.rssMb));
    console.log(`  server RSS: ${idleRss.toFixed(0)} MB idle, peak ${peak.toFixed(0)} MB (target < 500 MB); load average after ${load()}`);
  } finally {
    await server.stop();
  }
}

/** Score entry on the newest draft round: each connection owns one cell (binary, or manual points) and toggles it between 0 and 1. */
async function driveScoreEntry(server: RunningServer, cookie: string, connectionCounts: number[]): Promise<LoadResult[]> {
  const baseUrl = server.baseUrl;
  let rounds = await trpc<Array<{ id: number; status: string }>>(baseUrl, cookie, 'assessment.rounds.list', {});
  if (!rounds.some((r) => r.status === 'draft')) {
    // The bench city has only published quarters: open the next one as the assessors would.
    const refused =
      (await mutate(baseUrl, cookie, 'periods.create', { code: NEXT_QUARTER })) ??
      (await mutate(baseUrl, cookie, 'assessment.rounds.open', { period: NEXT_QUARTER }));
    console.log(
      `  score entry: ${refused === null ? `opened a draft round for ${NEXT_QUARTER}` : `could not open a draft round (${refused})`}`,
    );
    rounds = await trpc<Array<{ id: number; status: string }>>(baseUrl, cookie, 'assessment.rounds.list', {});
  }
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
    const writable = new Set(grid.leaves.filter((l) => l.rule?.kind === 'binary' || l.rule?.kind === 'manual').map((l) => l.code));
    for (const unit of grid.units) {
      for (const cell of unit.cells)
        if (cell.applicable && writable.has(cell.leaf)) cells.push({ unitId: unit.id, leaf: cell.leaf, value: cell.value });
    }
  }
  if (cells.length < Math.max(...connectionCounts)) {
    console.log(`  score entry: only ${cells.length} binary or manual cells in the draft round (skipped)`);
    return [];
  }
  const results: LoadResult[] = [];
  let next = 0;
  for (const connections of connectionCounts) {
    results.push(
      await drive('assessment.inputs.setScore', server, connections, {
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
  const cities = choose<City>('city', ['demo', 'bench3300']);
  const dialects = choose<Dialect>('db', ['sqlite', 'postgres']);
  const workerCounts = numbers('workers', [1, 2]);
  const connectionCounts = numbers('connections', [10, 50]);
  const requests = listArg('request', [...REQUESTS]).flatMap((r) => REQUESTS.filter((k) => k.includes(r) || r.includes(k)));
  console.log(
    `cities ${cities.join(',')}; databases ${dialects.join(',')}; processes ${workerCounts.join(',')}; connections ${connectionCounts.join(',')}; ${SECONDS} s per run; ${requests.join(', ')}`,
  );
  console.log(
    'targets: reads at 50 connections ≥ 500 req/s, p99 < 100 ms, 0 errors; score entry at 50 ≥ 300 writes/s, p99 < 200 ms; RSS < 500 MB',
  );
  const pgUp = dialects.includes('postgres') && (await postgresReachable());
  for (const city of cities) {
    for (const dialect of dialects) {
      const label = `${CITY_LABEL[city]}, ${DIALECT_LABEL[dialect]}`;
      if (dialect === 'postgres' && !pgUp) {
        console.log(`\n### ${label}: skipped — PostgreSQL at ${PG_URL} is unreachable (set TEST_DATABASE_URL)`);
        continue;
      }
      const db = await prepare(city, dialect);
      try {
        for (const workers of workerCounts) await runConfiguration(label, db, workers, connectionCounts, requests);
      } finally {
        await db.cleanup();
      }
    }
  }
}
