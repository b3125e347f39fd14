import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, type DatabaseHandle } from '../connect';
import { migrateToLatest } from '../migrate';
import { createMigratedTestDatabase, testDatabases } from '../testing/test-databases';
import { acquireLease, findLease, releaseLease, takeTurn } from './job-lease.repository';
import { claimNextQueuedRun } from './site-check-claim';

const T0 = new Date('2026-12-07T08:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const TTL = 30_000;

describe.each(testDatabases)('job leases on $name', (factory) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
  });
  afterEach(async () => {
    await handle.destroy();
  });

  it('a leader takes a free lease, renews it, and nobody else gets it until it expires', async () => {
    const a = { name: 'site-check-worker', holder: 'a', ttlMs: TTL };
    const b = { name: 'site-check-worker', holder: 'b', ttlMs: TTL };
    expect(await acquireLease(handle.db, { ...a, now: T0 })).toBe(true);
    expect(await acquireLease(handle.db, { ...b, now: later(1_000) })).toBe(false);
    expect(await acquireLease(handle.db, { ...a, now: later(10_000) })).toBe(true); // renewed until 40 s
    expect(await acquireLease(handle.db, { ...b, now: later(35_000) })).toBe(false);
    expect(await findLease(handle.db, 'site-check-worker')).toEqual({
      name: 'site-check-worker',
      holder: 'a',
      acquiredAt: T0.toISOString(),
      expiresAt: later(40_000).toISOString(),
    });
    // a stopped renewing: b takes over at expiry, and a's late renewal fails.
    expect(await acquireLease(handle.db, { ...b, now: later(40_000) })).toBe(true);
    expect(await acquireLease(handle.db, { ...a, now: later(41_000) })).toBe(false);
    expect(await findLease(handle.db, 'site-check-worker')).toMatchObject({ holder: 'b', acquiredAt: later(40_000).toISOString() });
  });

  it('release frees the lease at once, but only for its holder', async () => {
    await acquireLease(handle.db, { name: 'x', holder: 'a', ttlMs: TTL, now: T0 });
    expect(await releaseLease(handle.db, 'x', 'b')).toBe(false);
    expect(await acquireLease(handle.db, { name: 'x', holder: 'b', ttlMs: TTL, now: later(1) })).toBe(false);
    expect(await releaseLease(handle.db, 'x', 'a')).toBe(true);
    expect(await acquireLease(handle.db, { name: 'x', holder: 'b', ttlMs: TTL, now: later(2) })).toBe(true);
  });

  it('a once-per-interval job gets one turn per interval, even for the process that ran it last', async () => {
    const hour = 3_600_000;
    const turn = (holder: string, ms: number) =>
      takeTurn(handle.db, { name: 'rectification-reminders', holder, ttlMs: hour, now: later(ms) });
    expect(await turn('a', 0)).toBe(true);
    expect(await turn('a', 60_000)).toBe(false);
    expect(await turn('b', 59 * 60_000)).toBe(false);
    expect(await turn('b', hour)).toBe(true);
    expect(await turn('a', hour + 1)).toBe(false);
    expect(await turn('a', 2 * hour)).toBe(true);
  });

  it('race: of eight holders asking at once only one wins, until the lease expires', async () => {
    const ask = (holder: string, now: Date) => acquireLease(handle.db, { name: 'race', holder, ttlMs: TTL, now });
    const holders = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8'];
    const first = await Promise.all(holders.map((h) => ask(h, T0)));
    expect(first.filter(Boolean)).toHaveLength(1);
    const winner = holders[first.indexOf(true)];
    const meanwhile = await Promise.all(holders.filter((h) => h !== winner).map((h) => ask(h, later(TTL - 1))));
    expect(meanwhile.some(Boolean)).toBe(false);
    const afterExpiry = await Promise.all(holders.filter((h) => h !== winner).map((h) => ask(h, later(TTL))));
    expect(afterExpiry.filter(Boolean)).toHaveLength(1);
    const turns = await Promise.all(holders.map((h) => takeTurn(handle.db, { name: 'turns', holder: h, ttlMs: TTL, now: T0 })));
    expect(turns.filter(Boolean)).toHaveLength(1);
  });

  it('two workers claiming queued site-check runs at once never get the same run', async () => {
    const at = T0.toISOString();
    for (let i = 0; i < 3; i++) {
      await handle.db
        .insertInto('site_check_runs')
        .values({
          scope: 'all',
          trigger: 'manual',
          status: 'queued',
          judged_on: '2026-12-07',
          created_by: null,
          created_by_name: '系统',
          created_at: at,
          started_at: null,
          finished_at: null,
          error: null,
        })
        .execute();
    }
    const claims = await Promise.all([1, 2, 3, 4, 5, 6].map(() => claimNextQueuedRun(handle.db, at)));
    const won = claims.filter((c): c is number => c !== null);
    expect(new Set(won).size).toBe(won.length);
    // Whatever lost a race leaves the rest queued for the next poll; all three end up claimed once.
    for (let id = await claimNextQueuedRun(handle.db, at); id !== null; id = await claimNextQueuedRun(handle.db, at)) won.push(id);
    expect(new Set(won).size).toBe(3);
    const rows = await handle.db.selectFrom('site_check_runs').select(['status', 'started_at']).execute();
    expect(rows.every((r) => r.status === 'running' && r.started_at === at)).toBe(true);
  });
});

describe('job leases across two connections to one SQLite file (two processes)', () => {
  let dir: string;
  let one: DatabaseHandle;
  let two: DatabaseHandle;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kaoping-lease-'));
    one = openSqlite(join(dir, 'lease.db'));
    await migrateToLatest(one.db);
    two = openSqlite(join(dir, 'lease.db'));
  });
  afterEach(async () => {
    await one.destroy();
    await two.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('only one connection wins the race, and the other takes over at expiry', async () => {
    const [a, b] = await Promise.all([
      acquireLease(one.db, { name: 'hourly', holder: 'one', ttlMs: TTL, now: T0 }),
      acquireLease(two.db, { name: 'hourly', holder: 'two', ttlMs: TTL, now: T0 }),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const loser = a ? { db: two.db, holder: 'two' } : { db: one.db, holder: 'one' };
    expect(await acquireLease(loser.db, { name: 'hourly', holder: loser.holder, ttlMs: TTL, now: later(TTL - 1) })).toBe(false);
    expect(await acquireLease(loser.db, { name: 'hourly', holder: loser.holder, ttlMs: TTL, now: later(TTL) })).toBe(true);
  });
});
