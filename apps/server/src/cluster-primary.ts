// `pnpm start --workers N` (or KAOPING_WORKERS=N): this process becomes a node:cluster primary. It
// has the database migrated (and seeded) once, by a short-lived process of its own (so the primary
// never loads the application and stays small), starts the demo websites (demo city only), then
// forks N server processes that share the port
// (the primary hands out connections round-robin), restarts one that dies, and on SIGINT/SIGTERM
// stops them all gracefully. Everything the processes share lives in the database: sessions, the
// sign-in throttle, notifications, job leases (docs/scale.md).
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { holdDatabaseFile } from '@kaoping/db/server-lock';
import type { ServerEnv } from './env';

/** The argument that makes a cluster process migrate and seed, then exit (main.ts). */
export const PREPARE_ONLY = '--prepare-only';

/** How long the primary waits for its workers to finish their requests before killing them. */
const STOP_GRACE_MS = 15_000;

export async function runPrimary(env: ServerEnv, workers: number, log: Logger): Promise<void> {
  const dialect = env.databaseUrl ? 'postgres' : 'sqlite';
  const releaseDatabaseFile = dialect === 'sqlite' ? holdDatabaseFile(env.sqliteFile) : () => undefined;
  const args = process.argv.slice(2);
  cluster.setupPrimary({ args: [...args, PREPARE_ONLY] });
  const prepared = await new Promise<number | null>((resolve) => cluster.fork().once('exit', (code) => resolve(code)));
  if (prepared !== 0) {
    log.error({ code: prepared }, '数据库准备失败(迁移或演示数据),服务未启动');
    releaseDatabaseFile();
    process.exit(1);
  }
  log.info('数据库已就绪,正在启动服务进程');
  cluster.setupPrimary({ args });
  const demo = env.seedDemo ? await startDemo(env, log) : null;

  const live = new Set<Worker>();
  let stopping = false;
  let listening = 0;
  const recentExits: number[] = [];
  const fork = () => {
    if (stopping) return;
    const worker = cluster.fork();
    live.add(worker);
    worker.once('listening', () => {
      if (++listening !== workers) return;
      log.info({ db: dialect === 'sqlite' ? env.sqliteFile : 'postgres', workers }, `考评 Kaoping 已启动: http://${env.host}:${env.port}`);
    });
  };

  let finished: () => void = () => undefined;
  const allStopped = new Promise<void>((resolve) => (finished = resolve));
  cluster.on('exit', (worker, code, signal) => {
    live.delete(worker);
    if (stopping) {
      if (live.size === 0) finished();
      return;
    }
    // A crash loop (bad configuration, database down) backs off instead of forking flat out.
    const at = Date.now();
    recentExits.push(at);
    while ((recentExits[0] ?? at) < at - 60_000) recentExits.shift();
    const delay = Math.min(30_000, 250 * 2 ** (recentExits.length - 1));
    log.error({ pid: worker.process.pid, code, signal, restartInMs: delay }, '服务进程意外退出,即将重启');
    setTimeout(fork, delay).unref();
  });
  for (let i = 0; i < workers; i++) fork();

  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    for (const worker of live) worker.process.kill('SIGTERM');
    const force = setTimeout(() => {
      for (const worker of live) worker.process.kill('SIGKILL');
    }, STOP_GRACE_MS);
    force.unref();
    void (async () => {
      if (live.size > 0) await allStopped;
      await demo?.close();
      releaseDatabaseFile();
      process.exit(0);
    })();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/** The demo units' websites, served by the primary (which outlives any worker); loaded only for the demo. */
async function startDemo(env: ServerEnv, log: Logger): Promise<{ close(): Promise<void> } | null> {
  const [{ openDatabase }, { startDemoSites }] = await Promise.all([import('@kaoping/db/connect'), import('./site-checks')]);
  const database = openDatabase({ databaseUrl: env.databaseUrl, sqliteFile: env.sqliteFile });
  try {
    return await startDemoSites(database, {
      onError: (err, what) => log.error({ err }, what),
      onDemo: (n) => log.info(`演示网站已启动: ${n} 个单位`),
    });
  } finally {
    await database.destroy();
  }
}
