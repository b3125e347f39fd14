// Two site-check workers on one database (two server processes): only the lease holder works; a
// second worker starting does not requeue the leader's running run; when the leader stops, the other
// takes over, requeues what was left running and finishes it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { findLease } from '@kaoping/db/jobs/job-lease.repository';
import { getRun, insertRun } from '@kaoping/db/site-check/site-check.repository';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { SITE_CHECK_LEASE, startSiteCheckWorker, type SiteCheckWorker } from './site-check-worker';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

describe.each(testDatabases)('site-check workers sharing a database on $name', (factory) => {
  let handle: DatabaseHandle;
  const workers: SiteCheckWorker[] = [];
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
  });
  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
    await handle.destroy();
  });

  const start = () => {
    const w = startSiteCheckWorker(handle.db, { pollMs: 50, probeEveryMs: 0, leaseMs: 600 });
    workers.push(w);
    return w;
  };
  const emptyRun = () =>
    insertRun(
      handle.db,
      { scope: 'all', trigger: 'manual', judgedOn: '2026-12-07', createdBy: null, createdByName: '系统', targets: [] },
      new Date().toISOString(),
    );

  it('one leader works; the other waits, then takes over and requeues the run the leader left running', async () => {
    const first = start();
    await until(async () => (await findLease(handle.db, SITE_CHECK_LEASE)) !== null, 'the first worker to lead');
    const leader = (await findLease(handle.db, SITE_CHECK_LEASE))?.holder;

    // The leader's run in progress (as if it were checking sites right now).
    // Inserted as running in one statement, so the leader's poll cannot claim it first.
    const at = new Date().toISOString();
    const inProgress = await handle.db
      .insertInto('site_check_runs')
      .values({
        scope: 'all',
        trigger: 'manual',
        status: 'running',
        judged_on: '2026-12-07',
        created_by: null,
        created_by_name: '系统',
        created_at: at,
        started_at: at,
        finished_at: null,
        error: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    start();
    await sleep(400);
    expect((await findLease(handle.db, SITE_CHECK_LEASE))?.holder).toBe(leader);
    expect((await getRun(handle.db, inProgress.id))?.status).toBe('running');

    // Queued work is done by the leader alone, exactly once.
    const queued = await emptyRun();
    await until(async () => (await getRun(handle.db, queued.id))?.status === 'done', 'the queued run');

    await first.stop();
    await until(async () => (await getRun(handle.db, inProgress.id))?.status === 'done', 'the new leader to finish the left-over run');
    const now = await findLease(handle.db, SITE_CHECK_LEASE);
    expect(now?.holder).not.toBe(leader);
  }, 30_000);
});
