// What load.bench.ts and province.bench.ts share: command-line lists, a fresh database per dialect
// (a SQLite file, or a PostgreSQL database created and dropped), the real server as a child process
// (`pnpm start`'s apps/server/start.mjs, `--workers N`: the bundle, dist/main.mjs, rebuilt first when
// a file it was built from changed since, see apps/server/bundle-state.mjs) with its RSS summed over its process tree from /proc,
// tRPC calls over HTTP, autocannon runs with exact p50/p95/p99, the result table with the load
// average, and the generated province seeded through the app's own publication (publishRound).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { publishRound } from '@kaoping/api/assessment/publication.service';
import { LoginRateLimiter } from '@kaoping/api/auth/login-rate-limiter';
import type { Context } from '@kaoping/api/context';
import { findRoundById, inputsVersionsOf } from '@kaoping/db/assessment/round.repository';
import { openPostgres, openSqlite, type DatabaseHandle, type Db, type DialectName } from '@kaoping/db/connect';
import { migrateToLatest } from '@kaoping/db/migrate';
import { officeOf } from '@kaoping/db/offices/office-scope';
import { PROVINCE_CITIES } from '@kaoping/db/province-seed/province-names';
import { seedProvince, type RoundPublisher, type SeededCity, type SeededProvince } from '@kaoping/db/province-seed/seed-province';

export const SECONDS = Number(process.env['KAOPING_BENCH_SECONDS'] ?? process.env['KAOPING_LOAD_SECONDS'] ?? 10);
export const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const repoRoot = new URL('../../../', import.meta.url).pathname;

export type Dialect = DialectName;
export const DIALECT_LABEL: Record<Dialect, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

/** `--name a,b` (or `--name=a,b`) from the command line, else the fallback. */
export function listArg(name: string, fallback: string[]): string[] {
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

export function choose<T extends string>(name: string, all: readonly T[], fallback: readonly T[] = all): T[] {
  const picked = listArg(name, [...fallback]);
  const unknown = picked.filter((p) => !all.includes(p as T));
  if (unknown.length > 0) throw new Error(`--${name}: unknown ${unknown.join(', ')} (one of ${all.join(', ')})`);
  return picked as T[];
}

export function numbers(name: string, fallback: number[]): number[] {
  const values = listArg(name, fallback.map(String)).map(Number);
  if (values.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--${name}: positive integers, e.g. ${fallback.join(',')}`);
  return values;
}

export async function postgresReachable(): Promise<boolean> {
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

export const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

export interface BenchDatabase {
  dialect: Dialect;
  /** The migrated database's guarded root handle (scope it per office). */
  handle: DatabaseHandle;
  /** What the server needs to open it. */
  env: Record<string, string>;
  sizeMb: () => Promise<number>;
  /** Closes the handle (if still open) and deletes the database. */
  cleanup: () => Promise<void>;
}

/** A fresh, migrated database: a SQLite file in a temporary folder, or a new PostgreSQL database. */
export async function createBenchDatabase(dialect: Dialect, prefix: string): Promise<BenchDatabase> {
  let handle: DatabaseHandle;
  let env: Record<string, string>;
  let sizeMb: () => Promise<number>;
  let drop: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    const file = join(dir, 'bench.db');
    handle = openSqlite(file);
    env = { KAOPING_DB_FILE: file, DATABASE_URL: '' };
    sizeMb = async () => [file, `${file}-wal`].reduce((mb, f) => mb + (existsSync(f) ? statSync(f).size / 1048576 : 0), 0);
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `${prefix.replace(/\W/g, '_')}_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = PG_URL.replace(/\/[^/]*$/, `/${name}`);
    handle = openPostgres(url);
    env = { DATABASE_URL: url };
    sizeMb = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const r = await c.query<{ bytes: string }>('select pg_database_size(current_database()) as bytes');
        return Number(r.rows[0]?.bytes ?? 0) / 1048576;
      } finally {
        await c.end();
      }
    };
    drop = async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  await migrateToLatest(handle.db);
  let open = true;
  const destroy = handle.destroy;
  handle = {
    ...handle,
    destroy: async () => {
      if (!open) return;
      open = false;
      await destroy();
    },
  };
  return {
    dialect,
    handle,
    env: { ...env, KAOPING_SEED_DEMO: '0' },
    sizeMb,
    cleanup: async () => {
      await handle.destroy();
      await drop();
    },
  };
}

/** An inner context for the api's services, as a request of `user` at `now` would have. */
export function serviceContext(db: Db, dialect: Dialect, user: SessionUser, now: Date): Context & { user: SessionUser } {
  return {
    db,
    dialect,
    user,
    sessionToken: null,
    clientIp: '127.0.0.1',
    cookies: { set: () => undefined, clear: () => undefined },
    loginLimiter: new LoginRateLimiter(),
    now: () => now,
  };
}

/** The app's publication (api publishRound: snapshot, read models, audit entry), as the city's admin. */
export function appPublisher(dialect: Dialect): RoundPublisher {
  return async (db, round, publishedAt, by) => {
    const current = await findRoundById(db, round.id);
    if (!current) throw new Error(`round ${round.id} not found`);
    const officeId = officeOf(db);
    if (officeId === null) throw new Error('the publisher needs an office-scoped handle');
    const user: SessionUser = { ...by, role: 'admin', unitId: null, unitName: null, officeId };
    await publishRound(serviceContext(db, dialect, user, publishedAt), {
      roundId: round.id,
      // A draft's version counts its cells' revisions (what the publish dialog shows).
      version: (await inputsVersionsOf(db, [current])).get(current.id) ?? current.version,
    });
  };
}

/** The generated province, each quarter published through the app's publication; prints a line per city. */
export async function seedProvinceForBench(database: BenchDatabase, passwordHash: string, cityCount?: number): Promise<SeededProvince> {
  return seedProvince(database.handle.db, {
    passwordHash,
    ...(cityCount === undefined ? {} : { cities: PROVINCE_CITIES.slice(0, cityCount) }),
    now: new Date(),
    publish: appPublisher(database.dialect),
    onCity: (c: SeededCity) =>
      console.log(
        `    ${c.name} (office ${c.officeId}): ${c.units} units, ${c.scores} scores in ${(c.insertMs / 1000).toFixed(1)} s, 8 quarters published in ${(c.publishMs / 1000).toFixed(1)} s`,
      ),
  });
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

export interface RunningServer {
  baseUrl: string;
  child: ChildProcess;
  /** Peak RSS (MB, all processes) since the last call, then starts a new window. */
  takePeakRssMb: () => number;
  stop: () => Promise<void>;
}

/** Experiments only: node flags for the server's primary process (KAOPING_BENCH_NODE_FLAGS, space-separated). */
const serverNodeFlags = () => (process.env['KAOPING_BENCH_NODE_FLAGS'] ?? '').split(' ').filter(Boolean);

export async function startServer(env: Record<string, string>, workers: number): Promise<RunningServer> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  // What `pnpm start` runs: the bundle (built here first when missing or stale), not the sources through tsx.
  const args = [...serverNodeFlags(), join(repoRoot, 'apps/server/start.mjs'), ...(workers > 1 ? ['--workers', String(workers)] : [])];
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
  const deadline = Date.now() + 300_000; // a loaded machine builds the bundle slowly
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

/** A query over HTTP; throws with the server's message when it is refused. */
export async function trpc<T>(
  baseUrl: string,
  cookie: string,
  path: string,
  input?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const answer = await trpcAnswer<T>(baseUrl, cookie, path, input, headers);
  if (answer.data === undefined) throw new Error(`${path}: ${answer.error ?? answer.status}`);
  return answer.data;
}

/** A query over HTTP: its status, data or error code. */
export async function trpcAnswer<T>(
  baseUrl: string,
  cookie: string,
  path: string,
  input?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; data?: T; error?: string; code?: string }> {
  const url = `${baseUrl}/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;
  const res = await fetch(url, { headers: { cookie, ...headers } });
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string; data?: { code?: string } } };
  if (body.result) return { status: res.status, data: body.result.data };
  return {
    status: res.status,
    error: body.error?.message ?? String(res.status),
    ...(body.error?.data?.code ? { code: body.error.data.code } : {}),
  };
}

/** A mutation; null when it succeeded, else its error message. */
export async function mutate(baseUrl: string, cookie: string, path: string, input: unknown): Promise<string | null> {
  const res = await fetch(`${baseUrl}/trpc/${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify(input),
  });
  if (res.ok) return null;
  const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
  return `${path}: ${body.error?.message ?? res.status}`;
}

export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ username, password }),
  });
  const cookie = res.headers.get('set-cookie');
  if (!res.ok || !cookie) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0] ?? '';
}

/**
 * A GET request for autocannon: the procedure with its input, the session cookie and extra headers. It
 * accepts compressed answers as the dashboard's browser does (Chromium's Accept-Encoding): without it a
 * 2,737-unit ranking goes out as 642 KB of JSON, which no user's browser asks for.
 */
export function getRequest(path: string, input: unknown, cookie: string, headers: Record<string, string> = {}) {
  return {
    method: 'GET' as const,
    path: `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
    headers: { cookie, 'accept-encoding': 'gzip, deflate, br, zstd', ...headers },
  };
}

/** One request alone, timed, with its answer's size (it may build what later ones reuse: read models, caches). */
export async function timeFirst(server: RunningServer, name: string, request: ReturnType<typeof getRequest>): Promise<string> {
  const started = performance.now();
  const first = await fetch(`${server.baseUrl}${request.path}`, { headers: request.headers });
  const bytes = (await first.arrayBuffer()).byteLength;
  return `${name} ${(performance.now() - started).toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KB${first.ok ? '' : ` (HTTP ${first.status})`}`;
}

export interface LoadResult {
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

export async function drive(
  label: string,
  server: RunningServer,
  connections: number,
  options: Partial<autocannon.Options>,
): Promise<LoadResult> {
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

export function printTable(rows: LoadResult[], width = 27): void {
  const pad = (s: string, n: number) => s.padStart(n);
  const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
  console.log(
    `  | ${'request'.padEnd(width)} | conns |  req/s | p50 ms | p95 ms | p99 ms | errors | timeouts | non-2xx | in flight at end | peak RSS MB |`,
  );
  console.log(
    `  |${'-'.repeat(width + 2)}|------:|-------:|-------:|-------:|-------:|-------:|---------:|--------:|-----------------:|------------:|`,
  );
  for (const r of rows) {
    console.log(
      `  | ${r.label.padEnd(width)} | ${pad(String(r.connections), 5)} | ${pad(r.rps.toFixed(0), 6)} | ${pad(ms(r.p50), 6)} | ${pad(ms(r.p95), 6)} | ${pad(ms(r.p99), 6)} | ${pad(String(r.errors), 6)} | ${pad(String(r.timeouts), 8)} | ${pad(String(r.non2xx), 7)} | ${pad(String(r.unfinished), 16)} | ${pad(r.rssMb.toFixed(0), 11)} |`,
    );
  }
}
