import type { ObjectionStatus } from '@kaoping/contracts/assessment/assessment';
import type { Db } from '../connect';

export interface Objection {
  id: number;
  roundId: number;
  periodCode: string;
  findingId: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  leaf: string;
  findingDescription: string;
  findingStatus: string;
  text: string;
  status: ObjectionStatus;
  filedBy: number | null;
  filedByName: string;
  filedAt: string;
  decidedBy: number | null;
  decidedByName: string | null;
  decidedAt: string | null;
  reason: string | null;
  publicationId: number | null;
  version: number;
}

function baseQuery(db: Db) {
  return db
    .selectFrom('objections as o')
    .innerJoin('findings as f', 'f.id', 'o.finding_id')
    .innerJoin('units as u', 'u.id', 'o.unit_id')
    .innerJoin('assessment_rounds as r', 'r.id', 'o.round_id')
    .selectAll('o')
    .select([
      'u.code as unit_code',
      'u.name as unit_name',
      'f.leaf_code',
      'f.description as finding_description',
      'f.status as finding_status',
      'r.period_code',
    ]);
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toObjection(r: JoinedRow): Objection {
  return {
    id: Number(r.id),
    roundId: r.round_id,
    periodCode: r.period_code,
    findingId: r.finding_id,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    leaf: r.leaf_code,
    findingDescription: r.finding_description,
    findingStatus: r.finding_status,
    text: r.text,
    status: r.status as ObjectionStatus,
    filedBy: r.filed_by,
    filedByName: r.filed_by_name,
    filedAt: r.filed_at,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    reason: r.reason,
    publicationId: r.publication_id,
    version: r.version,
  };
}

export async function insertObjection(
  db: Db,
  o: { roundId: number; findingId: number; unitId: number; text: string; filedBy: number | null; filedByName: string },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('objections')
    .values({
      round_id: o.roundId,
      finding_id: o.findingId,
      unit_id: o.unitId,
      text: o.text,
      status: 'pending',
      filed_by: o.filedBy,
      filed_by_name: o.filedByName,
      filed_at: now,
      decided_by: null,
      decided_by_name: null,
      decided_at: null,
      reason: null,
      publication_id: null,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function findObjectionById(db: Db, id: number): Promise<Objection | null> {
  const row = await baseQuery(db).where('o.id', '=', id).executeTakeFirst();
  return row ? toObjection(row) : null;
}

export async function listObjections(
  db: Db,
  filter: { roundId: number | null; unitId: number | null; status: ObjectionStatus | null; findingId?: number },
): Promise<Objection[]> {
  let query = baseQuery(db);
  if (filter.roundId !== null) query = query.where('o.round_id', '=', filter.roundId);
  if (filter.unitId !== null) query = query.where('o.unit_id', '=', filter.unitId);
  if (filter.status !== null) query = query.where('o.status', '=', filter.status);
  if (filter.findingId !== undefined) query = query.where('o.finding_id', '=', filter.findingId);
  const rows = await query.orderBy('o.id', 'desc').execute();
  return rows.map(toObjection);
}

/** Decides a pending objection; null when it was decided meanwhile. */
export async function decideObjection(
  db: Db,
  id: number,
  decision: {
    status: 'upheld' | 'withdrawn';
    reason: string;
    decidedBy: number | null;
    decidedByName: string;
    publicationId: number | null;
  },
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('objections')
    .set((eb) => ({
      status: decision.status,
      reason: decision.reason,
      decided_by: decision.decidedBy,
      decided_by_name: decision.decidedByName,
      decided_at: now,
      publication_id: decision.publicationId,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Pending objections per round (for the round list). */
export async function countPendingObjections(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('objections')
    .select(['round_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'pending')
    .groupBy('round_id')
    .execute();
  return new Map(rows.map((r) => [r.round_id, Number(r.n)]));
}
