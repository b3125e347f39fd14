import type { RoundKind, RoundStatus } from '@kaoping/contracts/assessment/assessment';
import { parsePeriod, type Period } from '@kaoping/domain/period/period';
import { sql } from 'kysely';
import type { Db } from '../connect';
import { isPostgres } from '../migrations/column-helpers';
import type { AssessmentRoundTable } from './assessment.tables';

export interface AssessmentRound {
  id: number;
  periodCode: string;
  /** The period as a value, parsed once here: callers never parse `periodCode` again. */
  period: Period;
  year: number;
  schemeId: number;
  kind: RoundKind;
  status: RoundStatus;
  title: string;
  objectionDays: number;
  publishedAt: string | null;
  objectionDeadline: string | null;
  lockedAt: string | null;
  version: number;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

type Row = Omit<AssessmentRoundTable, 'id'> & { id: number };

function toRound(row: Row): AssessmentRound {
  const period = parsePeriod(row.period_code);
  if (period === null) throw new Error(`invalid period_code ${row.period_code} in assessment_rounds ${row.id}`);
  return {
    id: Number(row.id),
    periodCode: period.code,
    period,
    year: period.year,
    schemeId: Number(row.scheme_id),
    kind: row.kind as RoundKind,
    status: row.status as RoundStatus,
    title: row.title,
    objectionDays: row.objection_days,
    publishedAt: row.published_at,
    objectionDeadline: row.objection_deadline,
    lockedAt: row.locked_at,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewRound {
  periodCode: string;
  schemeId: number;
  kind: RoundKind;
  title: string;
  objectionDays: number;
  createdBy: number | null;
}

export async function insertRound(db: Db, round: NewRound, now: string): Promise<AssessmentRound> {
  const row = await db
    .insertInto('assessment_rounds')
    .values({
      period_code: round.periodCode,
      scheme_id: round.schemeId,
      kind: round.kind,
      status: 'draft',
      title: round.title,
      objection_days: round.objectionDays,
      published_at: null,
      objection_deadline: null,
      locked_at: null,
      version: 1,
      created_by: round.createdBy,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRound(row);
}

export async function findRoundById(db: Db, id: number): Promise<AssessmentRound | null> {
  const row = await db.selectFrom('assessment_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRound(row) : null;
}

/** A round with its scheme's content hash, in one statement (score entry: the compiled scheme is cached by the hash). */
export async function findRoundWithSchemeHash(db: Db, id: number): Promise<{ round: AssessmentRound; schemeHash: string } | null> {
  const row = await db
    .selectFrom('assessment_rounds as r')
    .innerJoin('schemes as s', 's.id', 'r.scheme_id')
    .selectAll('r')
    .select('s.content_hash as scheme_hash')
    .where('r.id', '=', id)
    .executeTakeFirst();
  return row ? { round: toRound(row), schemeHash: row.scheme_hash } : null;
}

export async function findRoundsOfPeriod(db: Db, periodCode: string): Promise<AssessmentRound[]> {
  const rows = await db.selectFrom('assessment_rounds').selectAll().where('period_code', '=', periodCode).orderBy('id').execute();
  return rows.map(toRound);
}

/** The scored round (office or third party) of a quarter: the one whose results rank the units. */
export async function findScoredRoundOfPeriod(db: Db, periodCode: string): Promise<AssessmentRound | null> {
  const row = await db
    .selectFrom('assessment_rounds')
    .selectAll()
    .where('period_code', '=', periodCode)
    .where('kind', '!=', 'self')
    .orderBy('id')
    .executeTakeFirst();
  return row ? toRound(row) : null;
}

export async function findRoundOfPeriodByKind(db: Db, periodCode: string, kind: RoundKind): Promise<AssessmentRound | null> {
  const row = await db
    .selectFrom('assessment_rounds')
    .selectAll()
    .where('period_code', '=', periodCode)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row ? toRound(row) : null;
}

export async function listRounds(
  db: Db,
  filter: { year: number | null; statuses: RoundStatus[] | null; includeSelf: boolean },
): Promise<AssessmentRound[]> {
  let query = db.selectFrom('assessment_rounds').selectAll();
  if (filter.year !== null) query = query.where('period_code', 'like', `${filter.year}Q%`);
  if (filter.statuses !== null) query = query.where('status', 'in', filter.statuses);
  if (!filter.includeSelf) query = query.where('kind', '!=', 'self');
  const rows = await query.orderBy('period_code', 'desc').orderBy('id').execute();
  return rows.map(toRound);
}

/** Publishes a draft round (version check); null when it changed meanwhile or is not a draft. */
export async function markRoundPublished(
  db: Db,
  id: number,
  version: number,
  at: { publishedAt: string; objectionDeadline: string },
  /** The round's inputs version checked (`inputsVersionOf`); the published round's version follows it. */
  inputsVersion: number = version,
): Promise<AssessmentRound | null> {
  const row = await db
    .updateTable('assessment_rounds')
    .set({
      status: 'published',
      published_at: at.publishedAt,
      objection_deadline: at.objectionDeadline,
      version: Math.max(version, inputsVersion) + 1,
      updated_at: at.publishedAt,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirst();
  return row ? toRound(row) : null;
}

/** Locks a published round (version check); null when it changed meanwhile or is not published. */
export async function markRoundLocked(db: Db, id: number, version: number, now: string): Promise<AssessmentRound | null> {
  const row = await db
    .updateTable('assessment_rounds')
    .set({ status: 'locked', locked_at: now, version: version + 1, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'published')
    .returningAll()
    .executeTakeFirst();
  return row ? toRound(row) : null;
}

/**
 * Bumps the round's version (by `by`, 1 unless a removed cell's revision moves into it) when it is
 * still in `status`; false when its status changed meanwhile (published or locked by someone else).
 * Run it last in a write transaction: on PostgreSQL the round's row stays locked until the commit,
 * so every other writer of the round waits that long (a single cell of a draft round uses
 * `holdRoundInStatus` instead, and writes no round row).
 */
export async function touchRoundInStatus(db: Db, id: number, status: RoundStatus, now: string, by = 1): Promise<boolean> {
  const result = await db
    .updateTable('assessment_rounds')
    .set((eb) => ({ version: eb('version', '+', by), updated_at: now }))
    .where('id', '=', id)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Bumps a round's version (any change to its inputs), so a stale publish is refused. */
export async function touchRound(db: Db, id: number, now: string): Promise<void> {
  await db
    .updateTable('assessment_rounds')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .execute();
}

/** The class of PostgreSQL advisory locks on a round's inputs (the object is the round's id). */
const ROUND_INPUTS_LOCK = 0x4b500001;

/**
 * Holds the round's inputs until the transaction ends, so publishing (`lockRoundForChange`) waits
 * for this writer, and this writer for a publication under way. Call it first in a write
 * transaction that changes one of a round's inputs without writing the round's row, then check the
 * round's status (`roundIsInStatus`, or a condition in the write itself): read after this, it is
 * the status the transaction commits under. On PostgreSQL a shared transaction-scoped advisory lock
 * on the round: any number of writers hold it at once and never queue on each other, and it is
 * taken before any row lock, so it never waits while holding one. On SQLite nothing: a write
 * transaction holds the database's write lock already.
 */
export async function holdRoundInputs(db: Db, id: number): Promise<void> {
  if (isPostgres(db)) await sql`select pg_advisory_xact_lock_shared(${ROUND_INPUTS_LOCK}::int4, ${id}::int4)`.execute(db);
}

/** Whether the round is in `status` (as the statement's snapshot sees it). */
export async function roundIsInStatus(db: Db, id: number, status: RoundStatus): Promise<boolean> {
  const row = await db.selectFrom('assessment_rounds').select('id').where('id', '=', id).where('status', '=', status).executeTakeFirst();
  return row !== undefined;
}

/** `holdRoundInputs`, then whether the round is still in `status`: false when it changed meanwhile (published, locked). */
export async function holdRoundInStatus(db: Db, id: number, status: RoundStatus): Promise<boolean> {
  await holdRoundInputs(db, id);
  return roundIsInStatus(db, id, status);
}

/**
 * A round read under exclusive locks (PostgreSQL: the advisory lock of `holdRoundInputs`, then its
 * row; SQLite's write transaction holds the database), before anything that must see every
 * committed input of the round: writers that hold the round have committed, later ones wait and
 * then see its new status. Writers asking meanwhile queue behind it (PostgreSQL's lock queue is
 * fair), so a stream of writers cannot starve it.
 */
export async function lockRoundForChange(db: Db, id: number): Promise<AssessmentRound | null> {
  let query = db.selectFrom('assessment_rounds').selectAll().where('id', '=', id);
  if (isPostgres(db)) {
    await sql`select pg_advisory_xact_lock(${ROUND_INPUTS_LOCK}::int4, ${id}::int4)`.execute(db);
    query = query.forUpdate();
  }
  const row = await query.executeTakeFirst();
  return row ? toRound(row) : null;
}

/**
 * The version a client sees and hands back to publish or lock a round. A draft round's moves with
 * every change of its inputs without a write to the round's row: its row's `version` plus the sum
 * of its cells' revisions (each change of a cell adds one; a removed cell's revision moves into the
 * row's version, so the sum never goes back). Commit order does not matter: the sum is of committed
 * rows. Other rounds: the row's version (their inputs change only by corrections, which bump it).
 */
export async function inputsVersionsOf(db: Db, rounds: readonly AssessmentRound[]): Promise<Map<number, number>> {
  const versions = new Map(rounds.map((r) => [r.id, r.version]));
  const drafts = rounds.filter((r) => r.status === 'draft').map((r) => r.id);
  if (drafts.length === 0) return versions;
  const sums = await db
    .selectFrom('assessment_scores')
    .select(['round_id', (eb) => eb.fn.sum<number | string>('revision').as('revisions')])
    .where('round_id', 'in', drafts)
    .groupBy('round_id')
    .execute();
  for (const s of sums) versions.set(Number(s.round_id), (versions.get(Number(s.round_id)) ?? 0) + Number(s.revisions));
  return versions;
}

/** The rounds with the version a client sees (`inputsVersionsOf`). */
export async function withInputsVersions(db: Db, rounds: readonly AssessmentRound[]): Promise<AssessmentRound[]> {
  const versions = await inputsVersionsOf(db, rounds);
  return rounds.map((r) => ({ ...r, version: versions.get(r.id) ?? r.version }));
}
