import type { RoundKind, RoundStatus } from '@kaoping/contracts/assessment/assessment';
import { parsePeriod, type Period } from '@kaoping/domain/period/period';
import type { Db } from '../connect';
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
): Promise<AssessmentRound | null> {
  const row = await db
    .updateTable('assessment_rounds')
    .set({
      status: 'published',
      published_at: at.publishedAt,
      objection_deadline: at.objectionDeadline,
      version: version + 1,
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

/** Bumps a round's version (any change to its inputs), so a stale publish is refused. */
/**
 * Bumps the round's version when it is still in `status`; false when its status changed meanwhile
 * (published or locked by someone else). Run it last in a write transaction: on PostgreSQL the
 * round's row stays locked until the commit, so every other writer of the round waits that long.
 */
export async function touchRoundInStatus(db: Db, id: number, status: RoundStatus, now: string): Promise<boolean> {
  const result = await db
    .updateTable('assessment_rounds')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function touchRound(db: Db, id: number, now: string): Promise<void> {
  await db
    .updateTable('assessment_rounds')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .execute();
}
