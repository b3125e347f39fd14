// One server process: opens the database, serves HTTP, and runs the periodic jobs (each guarded by
// a lease in the database, so several processes can do this side by side). Alone (`pnpm start`) it
// also migrates and seeds, holds the SQLite file against `kaoping db restore` and serves the demo
// websites; as a cluster worker it leaves those to the primary (cluster-primary.ts).
import type { Logger } from 'pino';
import { openDatabase } from '@kaoping/db/connect';
import { holdDatabaseFile } from '@kaoping/db/server-lock';
import { configureUploadReading } from '@kaoping/importers/guard/read-uploaded-report';
import { createServer } from './create-server';
import type { ServerEnv } from './env';
import { startPeriodicJobs } from './periodic-jobs';
import { startSiteChecks } from './site-checks';

/** How long a stopping process waits for requests in flight before it exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

export async function serve(env: ServerEnv, log: Logger, role: { alone: boolean }): Promise<void> {
  // Uploaded documents are read in a child process with heap and time limits (zip bombs, hostile PDFs).
  configureUploadReading();
  const database = openDatabase({ databaseUrl: env.databaseUrl, sqliteFile: env.sqliteFile });
  // `kaoping db restore` refuses while this file says a live server holds the database.
  const releaseDatabaseFile = role.alone && database.dialect === 'sqlite' ? holdDatabaseFile(env.sqliteFile) : () => undefined;
  if (role.alone) {
    // Migrations and the demo city load only here: a cluster worker never needs them.
    const { prepareDatabase } = await import('./bootstrap');
    const seeded = await prepareDatabase(database, { seedDemo: env.seedDemo, now: new Date() });
    if (seeded) log.info(seeded, '已载入演示数据:江临市');
  }

  const server = createServer({
    database,
    dashboardDir: env.dashboardDir,
    secureCookies: env.secureCookies,
    trustedProxies: env.trustedProxies,
    allowedOrigins: env.allowedOrigins,
    onError: (error, path) => log.error({ err: error, path }, 'request failed'),
    ...(role.alone ? {} : { servedBy: String(process.pid) }),
  });
  server.listen(env.port, env.host, () => {
    if (role.alone)
      log.info({ db: database.dialect === 'sqlite' ? env.sqliteFile : 'postgres' }, `考评 Kaoping 已启动: http://${env.host}:${env.port}`);
    else log.info('服务进程已就绪');
  });

  // Reminders and overdue notices: once an hour across all processes (idempotent; the notification list also catches up on demand).
  const jobs = startPeriodicJobs(database.db, {
    onRan: (n) => log.info({ job: 'rectification-reminders', notices: n }, `已检查整改提醒与逾期通知(新增 ${n} 条)`),
    onError: (err) => log.error({ err }, 'reminder run failed'),
  });
  const siteChecks = startSiteChecks(database, {
    demoWebsites: role.alone && env.seedDemo,
    onError: (err, what) => log.error({ err }, what),
    onDemo: (n) => log.info(`演示网站已启动: ${n} 个单位`),
  });

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    // Stop accepting; idle keep-alive connections go now, busy ones after their response.
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    void (async () => {
      await Promise.allSettled([closed, jobs.stop(), siteChecks.stop()]);
      await database.destroy().catch(() => undefined);
      releaseDatabaseFile();
      process.exit(0);
    })();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
