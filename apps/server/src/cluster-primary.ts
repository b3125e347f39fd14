// `pnpm start --workers N` (or KAOPING_WORKERS=N): this process becomes a node:cluster primary. It
// migrates (and seeds) once, starts the demo websites, forks N server processes that share the port
// (the primary hands out connections round-robin), restarts one that dies, and on SIGINT/SIGTERM
// stops them all gracefully. Everything the processes share lives in the database: sessions, the
// sign-in throttle, notifications, job leases (docs/scale.md).
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { openDatabase } from '@kaoping/db/connect';
import { holdDatabaseFile } from '@kaoping/db/server-lock';
import { prepareDatabase } from './bootstrap';
import type { ServerEnv } from './env';
import { startDemoSites } from './site-checks';

/** How long the primary waits for its workers to finish their requests before killing them. */
const STOP_GRACE_MS = 15_000;

export async function runPrimary(env: ServerEnv, workers: number, log: Logger): Promise<void> {
  const database = openDatabase({ databaseUrl: env.databaseUrl, sqliteFile: env.sqliteFile });
  const releaseDatabaseFile = database.dialect === 'sqlite' ? holdDatabaseFile(env.sqliteFile) : () => undefined;
  const seeded = await prepareDatabase(database, { seedDemo: env.seedDemo, now: new Date() });
  if (seeded) log.info(seeded, '已载入演示数据:江临市');
  const demo = env.seedDemo
    ? await startDemoSites(database, {
        onError: (err, what) => log.error({ err }, what),
        onDemo: (n) => log.info(`演示网站已启动: ${n} 个单位`),
      })
    : null;
  await database.destroy();

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
      log.info(
        { db: database.dialect === 'sqlite' ? env.sqliteFile : 'postgres', workers },
        `考评 Kaoping 已启动: http://${env.host}:${env.port}`,
      );
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
