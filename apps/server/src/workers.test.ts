// `main.ts --workers 2`: a cluster primary with two server processes sharing the port, on a SQLite
// file and on PostgreSQL. A session made through one process is recognised by the other, the
// sign-in throttle counts across both, the hourly reminder job runs in only one of them, a killed
// process is replaced, and SIGTERM stops everything cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@kaoping/api/auth/password';
import { seedMinimalOrg } from '@kaoping/api/testing/test-context';
import { officeHandle, openSqlite, type DatabaseHandle } from '@kaoping/db/connect';
import { findLease } from '@kaoping/db/jobs/job-lease.repository';
import { migrateToLatest } from '@kaoping/db/migrate';
import { postgresUrlForTests, testDatabases } from '@kaoping/db/testing/test-databases';
import { setUserPassword } from '@kaoping/db/users/user.repository';
import { REMINDERS_JOB } from './periodic-jobs';

const repoRoot = new URL('../../../', import.meta.url).pathname;
const PASSWORD = 'Workers#Test-2026';

// A fresh schema on the PostgreSQL server (the repository tests' factory); the factory falls back to
// in-process PGlite when no server answers, which another process cannot reach: then skip.
const pgFactory = testDatabases.find((f) => f.dialect === 'postgres');
const pgHandle = pgFactory ? await pgFactory.create() : undefined;
const pgSchema = pgHandle?.schema;
if (pgHandle && pgSchema === undefined) await pgHandle.destroy();
const PG_SKIP_REASON = `PostgreSQL at ${postgresUrlForTests} is unreachable (PGlite lives in this process only)`;

interface Answer {
  status: number;
  worker: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request on a fresh connection, so the primary hands each to the next worker in turn. */
function call(base: string, path: string, init: { method?: string; cookie?: string; body?: unknown } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
    const req = request(
      `${base}${path}`,
      {
        method: init.method ?? 'GET',
        agent: false,
        headers: {
          ...(init.cookie ? { cookie: init.cookie } : {}),
          ...(payload ? { 'content-type': 'application/json', origin: base } : {}),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            worker: res.headers['x-kaoping-worker'] as string | undefined,
            headers: res.headers,
            body,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

interface Cluster {
  base: string;
  child: ChildProcess;
  logs: () => Array<Record<string, unknown>>;
}

async function startCluster(env: Record<string, string>): Promise<Cluster> {
  const port = 21000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'apps/server/src/main.ts'), '--workers', '2'], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', KAOPING_SEED_DEMO: '0', KAOPING_WORKERS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const logs = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const deadline = Date.now() + 90_000;
  while (!logs().some((l) => String(l['msg']).startsWith('考评 Kaoping 已启动'))) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${err}${out}`);
    if (Date.now() > deadline) throw new Error(`server did not start: ${err}${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base: `http://127.0.0.1:${port}`, child, logs };
}

const workerPids = (c: Cluster) =>
  new Set(
    c
      .logs()
      .filter((l) => l['msg'] === '服务进程已就绪')
      .map((l) => String(l['pid'])),
  );

async function stopCluster(c: Cluster): Promise<number | null> {
  if (c.child.exitCode !== null) return c.child.exitCode;
  const exited = new Promise<number | null>((r) => c.child.once('exit', (code) => r(code)));
  c.child.kill('SIGTERM');
  return exited;
}

const variants = [
  { name: 'a SQLite file', skip: false },
  { name: pgSchema ? 'PostgreSQL' : `PostgreSQL — skipped: ${PG_SKIP_REASON}`, skip: pgSchema === undefined },
];

describe.each(variants)('two server processes on $name', ({ name, skip }) => {
  let database: DatabaseHandle;
  let cluster: Cluster;
  let cleanup: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    if (skip) return;
    let env: Record<string, string>;
    if (pgHandle && pgSchema !== undefined && name === 'PostgreSQL') {
      database = officeHandle(pgHandle, 1);
      const url = new URL(postgresUrlForTests);
      url.searchParams.set('options', `-c search_path=${pgSchema}`);
      env = { DATABASE_URL: url.toString() };
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'kp-workers-'));
      database = officeHandle(openSqlite(join(dir, 'kaoping.db')), 1);
      env = { KAOPING_DB_FILE: join(dir, 'kaoping.db'), DATABASE_URL: '' };
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    await migrateToLatest(database.db, database.schema);
    const org = await seedMinimalOrg(database);
    const hash = await hashPassword(PASSWORD);
    for (const user of Object.values(org.users)) await setUserPassword(database.db, user.id, hash, false, new Date().toISOString());
    cluster = await startCluster(env);
  }, 120_000);

  afterAll(async () => {
    if (skip) return;
    if (cluster) await stopCluster(cluster);
    await database?.destroy();
    await cleanup();
  }, 60_000);

  it.skipIf(skip)(
    'serves from two processes; a session made on one is recognised by the other',
    async () => {
      const pids = workerPids(cluster);
      expect(pids.size).toBe(2);
      const login = await call(cluster.base, '/trpc/auth.login', { method: 'POST', body: { username: 'admin', password: PASSWORD } });
      expect(login.status).toBe(200);
      const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
      expect(cookie).toMatch(/^kp_session=/);
      const recognisedBy = new Set<string>();
      for (let i = 0; i < 6; i++) {
        const me = await call(cluster.base, '/trpc/auth.me', { cookie });
        expect(me.status).toBe(200);
        expect(JSON.parse(me.body)).toMatchObject({ result: { data: { username: 'admin', role: 'admin' } } });
        recognisedBy.add(String(me.worker));
      }
      expect(recognisedBy).toEqual(pids);
      expect(recognisedBy.has(String(login.worker))).toBe(true);

      // Signing out through one process ends the session for both.
      const out = await call(cluster.base, '/trpc/auth.logout', { method: 'POST', cookie, body: {} });
      expect(out.status).toBe(200);
      for (let i = 0; i < 2; i++) {
        const me = await call(cluster.base, '/trpc/auth.me', { cookie });
        expect(JSON.parse(me.body)).toMatchObject({ result: { data: null } });
      }
    },
    60_000,
  );

  it.skipIf(skip)(
    'the sign-in throttle counts guesses made through either process',
    async () => {
      const answers: Answer[] = [];
      for (let i = 0; i < 4; i++)
        answers.push(
          await call(cluster.base, '/trpc/auth.login', { method: 'POST', body: { username: 'leader', password: 'wrong-guess' } }),
        );
      // Three free attempts on this account from this address, spread over both processes; the fourth waits.
      expect(new Set(answers.map((a) => a.worker)).size).toBe(2);
      expect(answers.slice(0, 3).map((a) => a.status)).toEqual([401, 401, 401]);
      expect(answers[3]?.status).toBe(429);
    },
    60_000,
  );

  it.skipIf(skip)('the hourly reminder job ran in exactly one process, which holds its lease', async () => {
    const runs = cluster.logs().filter((l) => l['job'] === 'rectification-reminders');
    expect(runs).toHaveLength(1);
    const lease = await findLease(database.db, REMINDERS_JOB);
    expect(lease?.holder.endsWith(`:${String(runs[0]?.['pid'])}`)).toBe(true);
    expect(Date.parse(lease?.expiresAt ?? '') - Date.parse(lease?.acquiredAt ?? '')).toBe(3_600_000);
  });

  it.skipIf(skip)(
    'replaces a process that dies, and stops every process on SIGTERM',
    async () => {
      const [victim] = [...workerPids(cluster)];
      process.kill(Number(victim), 'SIGKILL');
      const deadline = Date.now() + 60_000;
      while (workerPids(cluster).size < 3) {
        if (Date.now() > deadline) throw new Error('no replacement process started');
        await new Promise((r) => setTimeout(r, 200));
      }
      const served = new Set<string>();
      for (let i = 0; i < 4; i++) served.add(String((await call(cluster.base, '/healthz')).worker));
      expect(served.size).toBe(2);
      expect(served.has(String(victim))).toBe(false);
      // The replacement found the hour's turn taken: still one run.
      expect(cluster.logs().filter((l) => l['job'] === 'rectification-reminders')).toHaveLength(1);

      expect(await stopCluster(cluster)).toBe(0);
      for (const pid of workerPids(cluster)) expect(() => process.kill(Number(pid), 0)).toThrow();
    },
    90_000,
  );
});
