// Leases in the database, so that several server processes on one database agree on who runs a
// periodic job. Each call is one conditional statement, atomic on both dialects: on PostgreSQL a
// concurrent update waits for the row lock and re-checks its condition on the row the winner wrote;
// SQLite runs one writer at a time. Instants come from the caller's clock (ISO UTC text compares in
// time order), so the servers' clocks must agree to well within a lease's length (NTP).
import { sql } from 'kysely';
import type { Db } from '../connect';

export interface JobLease {
  name: string;
  holder: string;
  acquiredAt: string;
  expiresAt: string;
}

export interface LeaseRequest {
  name: string;
  holder: string;
  now: Date;
  /** How long the lease lasts from `now` unless renewed. */
  ttlMs: number;
}

const until = (request: LeaseRequest) => new Date(request.now.getTime() + request.ttlMs).toISOString();

/** Inserts the lease when it does not exist yet; true when this call created it. */
async function insertIfAbsent(db: Db, request: LeaseRequest): Promise<boolean> {
  const inserted = await db
    .insertInto('job_leases')
    .values({ name: request.name, holder: request.holder, acquired_at: request.now.toISOString(), expires_at: until(request) })
    .onConflict((oc) => oc.column('name').doNothing())
    .returning('name')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * Takes the lease when it is free or expired, or renews it when `holder` already has it (a leader
 * keeps renewing well before expiry). True when `holder` holds the lease afterwards.
 */
export async function acquireLease(db: Db, request: LeaseRequest): Promise<boolean> {
  if (await insertIfAbsent(db, request)) return true;
  const at = request.now.toISOString();
  const updated = await db
    .updateTable('job_leases')
    .set({
      // A renewal keeps the time the holder first took it.
      acquired_at: sql<string>`case when holder = ${request.holder} then acquired_at else ${at} end`,
      holder: request.holder,
      expires_at: until(request),
    })
    .where('name', '=', request.name)
    .where((eb) => eb.or([eb('holder', '=', request.holder), eb('expires_at', '<=', at)]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/**
 * Takes a turn of a job that runs once per interval across all processes: true only when the
 * lease is absent or expired, whoever held it last (the previous runner included). The winner runs
 * the job; the lease's expiry is when the next turn may be taken.
 */
export async function takeTurn(db: Db, request: LeaseRequest): Promise<boolean> {
  if (await insertIfAbsent(db, request)) return true;
  const at = request.now.toISOString();
  const updated = await db
    .updateTable('job_leases')
    .set({ holder: request.holder, acquired_at: at, expires_at: until(request) })
    .where('name', '=', request.name)
    .where('expires_at', '<=', at)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Gives the lease up at once (a clean shutdown), if `holder` still has it. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<boolean> {
  const deleted = await db.deleteFrom('job_leases').where('name', '=', name).where('holder', '=', holder).executeTakeFirst();
  return Number(deleted.numDeletedRows) === 1;
}

export async function findLease(db: Db, name: string): Promise<JobLease | null> {
  const row = await db.selectFrom('job_leases').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? { name: row.name, holder: row.holder, acquiredAt: row.acquired_at, expiresAt: row.expires_at } : null;
}
