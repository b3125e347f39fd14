// A second process writing to a SQLite file, as the server or a CLI import would, for the backup
// and concurrency tests. Run: node --import tsx writer-process.ts FILE stream|hold
//   stream: one row per transaction, continuously (a busy server);
//   hold:   transactions of 200 rows that keep the write lock ~300 ms each (a long CLI import).
// Rows go to security_events with detail = a running sequence number. Stops on SIGTERM.
import { officeHandle, openSqlite } from '@kaoping/db/connect';

const [file, mode] = process.argv.slice(2);
if (!file || (mode !== 'stream' && mode !== 'hold')) throw new Error('usage: writer-process.ts FILE stream|hold');
const handle = officeHandle(openSqlite(file, { busy: { maxWaitMs: 60_000 } }), 1);
let running = true;
process.on('SIGTERM', () => {
  running = false;
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const row = (seq: number) => ({
  at: new Date().toISOString(),
  kind: 'login_failed',
  username: 'writer',
  client_ip: '127.0.0.1',
  detail: String(seq),
});

let seq = 0;
process.send?.('started');
while (running) {
  if (mode === 'stream') {
    await handle.db.transaction().execute((trx) => trx.insertInto('security_events').values(row(++seq)).execute());
    await sleep(2);
  } else {
    await handle.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 200; i++) await trx.insertInto('security_events').values(row(++seq)).execute();
      await sleep(300);
    });
    await sleep(20);
  }
}
await handle.destroy();
process.exit(0);
