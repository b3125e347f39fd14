import pino from 'pino';
import { openDatabase } from '@kaoping/db/connect';
import { holdDatabaseFile } from '@kaoping/db/server-lock';
import { configureUploadReading } from '@kaoping/importers/guard/read-uploaded-report';
import { prepareDatabase } from './bootstrap';
import { createServer } from './create-server';
import { readServerEnv, ServerEnvError, type ServerEnv } from './env';
import { runDueReminders } from '@kaoping/api/rectification/rectification-notices';
import { startSiteChecks } from './site-checks';

const log = pino({ name: 'kaoping' });
// Uploaded documents are read in a child process with heap and time limits (zip bombs, hostile PDFs).
configureUploadReading();
let env: ServerEnv;
try {
  env = readServerEnv();
} catch (error) {
  if (!(error instanceof ServerEnvError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(78); // EX_CONFIG
}
const database = openDatabase({ databaseUrl: env.databaseUrl, sqliteFile: env.sqliteFile });
// `kaoping db restore` refuses while this file says a live server holds the database.
const releaseDatabaseFile = database.dialect === 'sqlite' ? holdDatabaseFile(env.sqliteFile) : () => undefined;
const seeded = await prepareDatabase(database, { seedDemo: env.seedDemo, now: new Date() });
if (seeded) log.info(seeded, '已载入演示数据:江临市');

const server = createServer({
  database,
  dashboardDir: env.dashboardDir,
  secureCookies: env.secureCookies,
  trustedProxies: env.trustedProxies,
  allowedOrigins: env.allowedOrigins,
  onError: (error, path) => log.error({ err: error, path }, 'request failed'),
});
server.listen(env.port, env.host, () => {
  log.info({ db: database.dialect === 'sqlite' ? env.sqliteFile : 'postgres' }, `考评 Kaoping 已启动: http://${env.host}:${env.port}`);
});

// Reminders and overdue notices: hourly (idempotent; the notification list also catches up on demand).
const reminders = setInterval(
  () => {
    void runDueReminders(database.db, new Date()).catch((err: unknown) => log.error({ err }, 'reminder run failed'));
  },
  60 * 60 * 1000,
);
void runDueReminders(database.db, new Date()).then((n) => n > 0 && log.info(`已生成整改提醒 ${n} 条`));
startSiteChecks(database, {
  demoWebsites: env.seedDemo,
  onError: (err, what) => log.error({ err }, what),
  onDemo: (n) => log.info(`演示网站已启动: ${n} 个单位`),
});

const shutdown = () => {
  clearInterval(reminders);
  releaseDatabaseFile();
  server.close();
  void database.destroy().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
