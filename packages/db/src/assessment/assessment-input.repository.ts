// The assessors' inputs of a round: scores (one value per unit and leaf), findings on
// `deduct` leaves, and events (vetoes, bonus items, major deductions).
import type { FindingStatus, RoundStatus } from '@kaoping/contracts/assessment/assessment';
import type { ExpressionBuilder } from 'kysely';
import { milliToNumber } from '@kaoping/domain/scoring/decimal';
import type { Db } from '../connect';
import type { Database } from '../schema';
import type { FindingTable } from './assessment.tables';
import { roundIsInStatus } from './round.repository';

export type InputSource = 'import' | 'manual' | 'self';

export interface ScoreCell {
  id: number;
  roundId: number;
  unitId: number;
  leaf: string;
  value: string;
  naReason: string;
  evidence: string;
  source: InputSource;
  enteredBy: number | null;
  enteredAt: string;
}

export async function listRoundScores(db: Db, roundId: number, unitId: number | null = null): Promise<ScoreCell[]> {
  let query = db.selectFrom('assessment_scores').selectAll().where('round_id', '=', roundId);
  if (unitId !== null) query = query.where('unit_id', '=', unitId);
  const rows = await query.orderBy('unit_id').orderBy('leaf_code').execute();
  return rows.map((r) => ({
    id: Number(r.id),
    roundId: r.round_id,
    unitId: r.unit_id,
    leaf: r.leaf_code,
    value: r.value,
    naReason: r.na_reason,
    evidence: r.evidence,
    source: r.source as InputSource,
    enteredBy: r.entered_by,
    enteredAt: r.entered_at,
  }));
}

/** One cell of a round as stored, or null when it is empty. */
export async function findRoundScore(
  db: Db,
  roundId: number,
  unitId: number,
  leaf: string,
): Promise<{ value: string; naReason: string } | null> {
  const row = await db
    .selectFrom('assessment_scores')
    .select(['value', 'na_reason'])
    .where('round_id', '=', roundId)
    .where('unit_id', '=', unitId)
    .where('leaf_code', '=', leaf)
    .executeTakeFirst();
  return row ? { value: row.value, naReason: row.na_reason } : null;
}

/**
 * Sets one cell only if it still holds `current` (what the caller read, null: empty): one
 * statement that inserts, updates or deletes. False when someone else changed the cell meanwhile;
 * then nothing was written. On PostgreSQL a concurrent writer of the same cell waits for this
 * one's transaction and then finds the cell changed. With `roundStatus`, also only while the round
 * is in that status (a condition of the same statement; a first write of the cell reads the status
 * first): false too when it is not, and the caller tells which (`roundIsInStatus`).
 */
export async function writeScoreIfUnchanged(
  db: Db,
  roundId: number,
  cell: ScoreWrite,
  current: { value: string; naReason: string } | null,
  by: number | null,
  now: string,
  options: { roundStatus?: RoundStatus } = {},
): Promise<boolean> {
  const { roundStatus } = options;
  const roundInStatus = (eb: ExpressionBuilder<Database, 'assessment_scores'>) =>
    eb.exists(
      eb
        .selectFrom('assessment_rounds')
        .select('id')
        .where('id', '=', roundId)
        .where('status', '=', roundStatus ?? 'draft'),
    );
  let changed: bigint;
  if (current === null) {
    if (cell.value === null) return true;
    if (roundStatus !== undefined && !(await roundIsInStatus(db, roundId, roundStatus))) return false;
    const result = await db
      .insertInto('assessment_scores')
      .values({
        round_id: roundId,
        unit_id: cell.unitId,
        leaf_code: cell.leaf,
        value: cell.value,
        na_reason: cell.naReason,
        evidence: cell.evidence,
        source: cell.source,
        entered_by: by,
        entered_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    changed = result.numInsertedOrUpdatedRows ?? 0n;
  } else if (cell.value === null) {
    const removed = await db
      .deleteFrom('assessment_scores')
      .where('round_id', '=', roundId)
      .where('unit_id', '=', cell.unitId)
      .where('leaf_code', '=', cell.leaf)
      .where('value', '=', current.value)
      .where('na_reason', '=', current.naReason)
      .$if(roundStatus !== undefined, (qb) => qb.where(roundInStatus))
      .returning('revision')
      .execute();
    await keepRemovedRevisions(db, roundId, removed);
    changed = BigInt(removed.length);
  } else {
    const result = await db
      .updateTable('assessment_scores')
      .set({
        value: cell.value,
        na_reason: cell.naReason,
        evidence: cell.evidence,
        source: cell.source,
        entered_by: by,
        entered_at: now,
        revision: (eb) => eb('revision', '+', 1),
      })
      .where('round_id', '=', roundId)
      .where('unit_id', '=', cell.unitId)
      .where('leaf_code', '=', cell.leaf)
      .where('value', '=', current.value)
      .where('na_reason', '=', current.naReason)
      .$if(roundStatus !== undefined, (qb) => qb.where(roundInStatus))
      .executeTakeFirst();
    changed = result.numUpdatedRows;
  }
  return Number(changed) === 1;
}

/**
 * A removed cell's revisions move into its round's version (plus one for the removal), so a draft
 * round's version (row version + the sum of its cells' revisions, `inputsVersionsOf`) never goes back.
 */
async function keepRemovedRevisions(db: Db, roundId: number, removed: readonly { revision: number }[]): Promise<void> {
  if (removed.length === 0) return;
  const by = removed.reduce((n, r) => n + Number(r.revision) + 1, 0);
  await db
    .updateTable('assessment_rounds')
    .set((eb) => ({ version: eb('version', '+', by) }))
    .where('id', '=', roundId)
    .execute();
}

export interface ScoreWrite {
  unitId: number;
  leaf: string;
  /** null removes the cell; '' is kept (a checklist with no item met). */
  value: string | null;
  naReason: string;
  evidence: string;
  source: InputSource;
}

/** Sets cells of a round (insert or replace); a null value removes the cell. */
export async function upsertScores(db: Db, roundId: number, cells: readonly ScoreWrite[], by: number | null, now: string): Promise<void> {
  const toDelete = cells.filter((c) => c.value === null);
  const toWrite = cells.flatMap((c) => (c.value === null ? [] : [{ ...c, value: c.value }]));
  for (const c of toDelete) {
    const removed = await db
      .deleteFrom('assessment_scores')
      .where('round_id', '=', roundId)
      .where('unit_id', '=', c.unitId)
      .where('leaf_code', '=', c.leaf)
      .returning('revision')
      .execute();
    await keepRemovedRevisions(db, roundId, removed);
  }
  // Chunked: SQLite limits bound parameters per statement.
  for (let i = 0; i < toWrite.length; i += 300) {
    const chunk = toWrite.slice(i, i + 300);
    await db
      .insertInto('assessment_scores')
      .values(
        chunk.map((c) => ({
          round_id: roundId,
          unit_id: c.unitId,
          leaf_code: c.leaf,
          value: c.value,
          na_reason: c.naReason,
          evidence: c.evidence,
          source: c.source,
          entered_by: by,
          entered_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['round_id', 'unit_id', 'leaf_code']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          na_reason: eb.ref('excluded.na_reason'),
          evidence: eb.ref('excluded.evidence'),
          source: eb.ref('excluded.source'),
          entered_by: eb.ref('excluded.entered_by'),
          entered_at: eb.ref('excluded.entered_at'),
          revision: eb('assessment_scores.revision', '+', 1),
        })),
      )
      .execute();
  }
}

// ── findings ───────────────────────────────────────────────────────────────
export interface Finding {
  id: number;
  roundId: number;
  unitId: number;
  leaf: string;
  count: number;
  /** Own deduction (decimal), null = count × perFinding. */
  deduction: number | null;
  description: string;
  url: string;
  seenAt: string | null;
  screenshotPath: string | null;
  status: FindingStatus;
  withdrawnReason: string | null;
  withdrawnAt: string | null;
  source: InputSource;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

type FindingRow = Omit<FindingTable, 'id'> & { id: number };

function toFinding(r: FindingRow): Finding {
  return {
    id: Number(r.id),
    roundId: r.round_id,
    unitId: r.unit_id,
    leaf: r.leaf_code,
    count: r.count,
    deduction: r.deduction_milli === null ? null : milliToNumber(r.deduction_milli),
    description: r.description,
    url: r.url,
    seenAt: r.seen_at,
    screenshotPath: r.screenshot_path,
    status: r.status as FindingStatus,
    withdrawnReason: r.withdrawn_reason,
    withdrawnAt: r.withdrawn_at,
    source: r.source as InputSource,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface NewFinding {
  unitId: number;
  leaf: string;
  count: number;
  /** Decimal with at most 3 places, or null. */
  deduction: number | null;
  description: string;
  url: string;
  seenAt: string | null;
  screenshotPath: string | null;
  source: InputSource;
}

function findingValues(roundId: number, f: NewFinding, by: number | null, now: string) {
  return {
    round_id: roundId,
    unit_id: f.unitId,
    leaf_code: f.leaf,
    count: f.count,
    deduction_milli: f.deduction === null ? null : Math.round(f.deduction * 1000),
    description: f.description,
    url: f.url,
    seen_at: f.seenAt,
    screenshot_path: f.screenshotPath,
    status: 'active',
    withdrawn_reason: null,
    withdrawn_at: null,
    source: f.source,
    created_by: by,
    created_at: now,
    updated_at: now,
  };
}

export async function insertFinding(db: Db, roundId: number, finding: NewFinding, by: number | null, now: string): Promise<Finding> {
  const row = await db
    .insertInto('findings')
    .values(findingValues(roundId, finding, by, now))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toFinding(row);
}

export async function insertFindings(
  db: Db,
  roundId: number,
  findings: readonly NewFinding[],
  by: number | null,
  now: string,
): Promise<void> {
  for (let i = 0; i < findings.length; i += 150) {
    const chunk = findings.slice(i, i + 150);
    if (chunk.length > 0)
      await db
        .insertInto('findings')
        .values(chunk.map((f) => findingValues(roundId, f, by, now)))
        .execute();
  }
}

export async function findFindingById(db: Db, id: number): Promise<Finding | null> {
  const row = await db.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toFinding(row) : null;
}

export async function listRoundFindings(
  db: Db,
  roundId: number,
  filter: { unitId?: number; status?: FindingStatus } = {},
): Promise<Finding[]> {
  let query = db.selectFrom('findings').selectAll().where('round_id', '=', roundId);
  if (filter.unitId !== undefined) query = query.where('unit_id', '=', filter.unitId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  const rows = await query.orderBy('id').execute();
  return rows.map(toFinding);
}

/** Withdraws an active finding; null when it was not active. */
export async function withdrawFinding(db: Db, id: number, reason: string, now: string): Promise<Finding | null> {
  const row = await db
    .updateTable('findings')
    .set({ status: 'withdrawn', withdrawn_reason: reason, withdrawn_at: now, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .returningAll()
    .executeTakeFirst();
  return row ? toFinding(row) : null;
}

/** Deletes the findings an earlier import put into a draft round (a new import replaces them). */
export async function deleteImportedFindings(db: Db, roundId: number): Promise<number> {
  const result = await db.deleteFrom('findings').where('round_id', '=', roundId).where('source', '=', 'import').executeTakeFirst();
  return Number(result.numDeletedRows);
}

// ── events ─────────────────────────────────────────────────────────────────
export interface AssessmentEvent {
  id: number;
  roundId: number;
  unitId: number;
  code: string;
  note: string;
  source: InputSource;
  createdBy: number | null;
  createdAt: string;
}

export interface NewEvent {
  unitId: number;
  code: string;
  note: string;
  source: InputSource;
}

export async function insertEvents(
  db: Db,
  roundId: number,
  events: readonly NewEvent[],
  by: number | null,
  now: string,
): Promise<AssessmentEvent[]> {
  const out: AssessmentEvent[] = [];
  for (let i = 0; i < events.length; i += 200) {
    const chunk = events.slice(i, i + 200);
    if (chunk.length === 0) continue;
    const rows = await db
      .insertInto('assessment_events')
      .values(
        chunk.map((e) => ({
          round_id: roundId,
          unit_id: e.unitId,
          code: e.code,
          note: e.note,
          source: e.source,
          created_by: by,
          created_at: now,
        })),
      )
      .returningAll()
      .execute();
    for (const r of rows) out.push(toEvent(r));
  }
  return out;
}

function toEvent(r: {
  id: number;
  round_id: number;
  unit_id: number;
  code: string;
  note: string;
  source: string;
  created_by: number | null;
  created_at: string;
}): AssessmentEvent {
  return {
    id: Number(r.id),
    roundId: r.round_id,
    unitId: r.unit_id,
    code: r.code,
    note: r.note,
    source: r.source as InputSource,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export async function listRoundEvents(db: Db, roundId: number, unitId: number | null = null): Promise<AssessmentEvent[]> {
  let query = db.selectFrom('assessment_events').selectAll().where('round_id', '=', roundId);
  if (unitId !== null) query = query.where('unit_id', '=', unitId);
  const rows = await query.orderBy('id').execute();
  return rows.map(toEvent);
}

export async function findEventById(db: Db, id: number): Promise<AssessmentEvent | null> {
  const row = await db.selectFrom('assessment_events').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toEvent(row) : null;
}

export async function deleteEvent(db: Db, id: number): Promise<void> {
  await db.deleteFrom('assessment_events').where('id', '=', id).execute();
}

export async function deleteImportedEvents(db: Db, roundId: number): Promise<number> {
  const result = await db.deleteFrom('assessment_events').where('round_id', '=', roundId).where('source', '=', 'import').executeTakeFirst();
  return Number(result.numDeletedRows);
}

// ── files (screenshots) ────────────────────────────────────────────────────
/** Stores a file under its content path (idempotent: the same bytes have the same path). */
export async function saveAssessmentFile(db: Db, file: { path: string; mime: string; bytes: Uint8Array }, now: string): Promise<void> {
  const existing = await db.selectFrom('assessment_files').select('path').where('path', '=', file.path).executeTakeFirst();
  if (existing) return;
  await db
    .insertInto('assessment_files')
    .values({
      path: file.path,
      mime: file.mime,
      size: file.bytes.byteLength,
      content_base64: Buffer.from(file.bytes).toString('base64'),
      created_at: now,
    })
    .execute();
}

export async function findAssessmentFile(
  db: Db,
  path: string,
): Promise<{ path: string; mime: string; size: number; contentBase64: string } | null> {
  const row = await db.selectFrom('assessment_files').selectAll().where('path', '=', path).executeTakeFirst();
  return row ? { path: row.path, mime: row.mime, size: row.size, contentBase64: row.content_base64 } : null;
}

// ── links from other areas ─────────────────────────────────────────────────
/** The rectification item (整改情况) ordered for each finding, if any: read from the ledger. */
export async function findRectificationOfFindings(
  db: Db,
  findingIds: readonly number[],
): Promise<Map<number, { itemId: number; code: string; status: string; dueDate: string; closedOn: string | null }>> {
  const out = new Map<number, { itemId: number; code: string; status: string; dueDate: string; closedOn: string | null }>();
  for (let i = 0; i < findingIds.length; i += 500) {
    const chunk = findingIds.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db
      .selectFrom('rectification_item_findings as l')
      .innerJoin('rectification_items as r', 'r.id', 'l.item_id')
      .select(['l.finding_id', 'r.id', 'r.code', 'r.status', 'r.due_date', 'r.closed_on'])
      .where('l.finding_id', 'in', chunk)
      .orderBy('r.id')
      .execute();
    for (const r of rows)
      out.set(r.finding_id, { itemId: Number(r.id), code: r.code, status: r.status, dueDate: r.due_date, closedOn: r.closed_on });
  }
  return out;
}

/** How many of a round's imported findings another area refers to (they cannot be replaced). */
export async function countReferencedImportedFindings(db: Db, roundId: number): Promise<number> {
  const row = await db
    .selectFrom('findings as f')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('f.round_id', '=', roundId)
    .where('f.source', '=', 'import')
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('rectification_item_findings as l').select('l.finding_id').whereRef('l.finding_id', '=', 'f.id')),
        eb.exists(eb.selectFrom('objections as o').select('o.id').whereRef('o.finding_id', '=', 'f.id')),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
