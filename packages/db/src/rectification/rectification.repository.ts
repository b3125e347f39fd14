import type { DueRule, RectificationItem, RectificationSubmission } from '@kaoping/contracts/rectification/rectification-item';
import type { RectificationEvent } from '@kaoping/contracts/rectification/rectification-action';
import {
  finalRectificationStatuses,
  type EscalationLevel,
  type RectificationStatus,
} from '@kaoping/contracts/rectification/rectification-status';
import { sql } from 'kysely';
import type { Db } from '../connect';
import type { RectificationItemTable } from './rectification.tables';

/** Ledger fields the office records beside the domain item. */
export interface RectificationMeta {
  severity: 'normal' | 'serious' | 'major';
  responsiblePerson: string;
  responsibleLeader: string;
  source: 'finding' | 'report_rule' | 'manual';
  /** The unit must attach 佐证材料 to its fix or explanation (the office's choice when issuing). */
  evidenceRequired: boolean;
}

export interface LedgerItem extends RectificationItem, RectificationMeta {
  unitCode: string;
  unitName: string;
}

type ItemRow = Omit<RectificationItemTable, 'id' | 'evidence_required'> & { id: number; evidence_required: number };

function toItem(row: ItemRow, findingIds: number[]): RectificationItem & RectificationMeta {
  return {
    id: Number(row.id),
    code: row.code,
    unitId: row.unit_id,
    period: row.period,
    findingIds,
    title: row.title,
    requirement: row.requirement,
    status: row.status as RectificationStatus,
    version: row.version,
    issuedAt: row.issued_at,
    issuedOn: row.issued_on,
    dueDate: row.due_date,
    dueRule: JSON.parse(row.due_rule) as DueRule,
    updatedAt: row.updated_at,
    acknowledgedOn: row.acknowledged_on,
    firstSubmittedOn: row.first_submitted_on,
    lastSubmittedOn: row.last_submitted_on,
    submission: row.submission === null ? null : (JSON.parse(row.submission) as RectificationSubmission),
    returnReason: row.return_reason,
    recheckFailCount: row.recheck_fail_count,
    explanationRejectCount: row.explanation_reject_count,
    closedOn: row.closed_on,
    cancelledOn: row.cancelled_on,
    cancelReason: row.cancel_reason,
    escalationLevel: row.escalation_level as EscalationLevel | null,
    carriedOver: row.carried_into !== null,
    carriedInto: row.carried_into,
    severity: row.severity as RectificationMeta['severity'],
    responsiblePerson: row.responsible_person,
    responsibleLeader: row.responsible_leader,
    source: row.source as RectificationMeta['source'],
    evidenceRequired: Number(row.evidence_required) === 1,
  };
}

function toRow(item: RectificationItem) {
  return {
    status: item.status,
    version: item.version,
    updated_at: item.updatedAt,
    acknowledged_on: item.acknowledgedOn,
    first_submitted_on: item.firstSubmittedOn,
    last_submitted_on: item.lastSubmittedOn,
    submission: item.submission === null ? null : JSON.stringify(item.submission),
    return_reason: item.returnReason,
    recheck_fail_count: item.recheckFailCount,
    explanation_reject_count: item.explanationRejectCount,
    closed_on: item.closedOn,
    cancelled_on: item.cancelledOn,
    cancel_reason: item.cancelReason,
    escalation_level: item.escalationLevel,
    carried_into: item.carriedInto,
  };
}

/** The next ledger number for a year: ZG-2026-001, ZG-2026-002… */
export async function nextItemCode(db: Db, year: number): Promise<string> {
  const prefix = `ZG-${year}-`;
  // Longest first, then highest: as text, ZG-2026-1000 would sort below ZG-2026-999.
  const rows = await db
    .selectFrom('rectification_items')
    .select('code')
    .where('code', 'like', `${prefix}%`)
    .orderBy(sql`length(code)`, 'desc')
    .orderBy('code', 'desc')
    .limit(20)
    .execute();
  const last = rows.map((r) => r.code.slice(prefix.length)).find((n) => /^\d+$/.test(n));
  return `${prefix}${String(Number(last ?? 0) + 1).padStart(3, '0')}`;
}

/** Inserts a newly issued item (its `id` is ignored) and its finding links; returns the new id. */
/** `evidenceRequired` defaults to true: what a fix was always asked for before orders chose. */
export async function insertItem(
  db: Db,
  item: RectificationItem,
  meta: Omit<RectificationMeta, 'evidenceRequired'> & { evidenceRequired?: boolean },
): Promise<number> {
  const row = await db
    .insertInto('rectification_items')
    .values({
      code: item.code,
      unit_id: item.unitId,
      period: item.period,
      title: item.title,
      requirement: item.requirement,
      severity: meta.severity,
      responsible_person: meta.responsiblePerson,
      responsible_leader: meta.responsibleLeader,
      source: meta.source,
      evidence_required: meta.evidenceRequired === false ? 0 : 1,
      issued_at: item.issuedAt,
      issued_on: item.issuedOn,
      due_date: item.dueDate,
      due_rule: JSON.stringify(item.dueRule),
      ...toRow(item),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  if (item.findingIds.length > 0) {
    await db
      .insertInto('rectification_item_findings')
      .values(item.findingIds.map((finding_id) => ({ item_id: id, finding_id })))
      .execute();
  }
  return id;
}

/** Writes the state after a transition when the stored version is still `expectedVersion`. */
export async function updateItemState(db: Db, item: RectificationItem, expectedVersion: number): Promise<boolean> {
  const result = await db
    .updateTable('rectification_items')
    .set(toRow(item))
    .where('id', '=', item.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertEvent(db: Db, event: RectificationEvent, actorName: string): Promise<void> {
  await db
    .insertInto('rectification_events')
    .values({
      item_id: event.itemId,
      version: event.version,
      action: event.action,
      from_status: event.fromStatus,
      to_status: event.toStatus,
      actor_id: event.actor.userId,
      actor_role: event.actor.role,
      actor_name: actorName,
      at: event.at,
      on_date: event.on,
      detail: JSON.stringify(event.detail),
    })
    .execute();
}

export interface EventRecord {
  version: number;
  action: string;
  fromStatus: RectificationStatus | null;
  toStatus: RectificationStatus;
  actorName: string;
  actorRole: string;
  at: string;
  on: string;
  detail: Record<string, unknown>;
}

export async function listEvents(db: Db, itemId: number): Promise<EventRecord[]> {
  const rows = await db.selectFrom('rectification_events').selectAll().where('item_id', '=', itemId).orderBy('version').execute();
  return rows.map((r) => ({
    version: r.version,
    action: r.action,
    fromStatus: r.from_status as RectificationStatus | null,
    toStatus: r.to_status as RectificationStatus,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    at: r.at,
    on: r.on_date,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}

async function findingIdsOf(db: Db, itemIds: number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>();
  for (let i = 0; i < itemIds.length; i += 500) {
    const chunk = itemIds.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db
      .selectFrom('rectification_item_findings')
      .select(['item_id', 'finding_id'])
      .where('item_id', 'in', chunk)
      .orderBy('finding_id')
      .execute();
    for (const r of rows) map.set(r.item_id, [...(map.get(r.item_id) ?? []), r.finding_id]);
  }
  return map;
}

export interface LedgerFilter {
  period: string | null;
  unitId: number | null;
  /** Restrict to units of this group (membership of the period's year). */
  groupId: number | null;
  statuses: RectificationStatus[] | null;
  severity: string | null;
  /** Units of a liaison: only their own. */
  onlyUnitId: number | null;
}

/** Ledger rows in ledger order (period, then code). Overdue is derived by the caller. */
export async function listLedger(db: Db, f: LedgerFilter): Promise<LedgerItem[]> {
  let query = db
    .selectFrom('rectification_items as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .selectAll('r')
    .select(['u.code as unit_code', 'u.name as unit_name']);
  if (f.period)
    query = query.where((eb) => eb.or([eb('r.period', '=', f.period as string), eb('r.carried_into', '=', f.period as string)]));
  if (f.unitId !== null) query = query.where('r.unit_id', '=', f.unitId);
  if (f.onlyUnitId !== null) query = query.where('r.unit_id', '=', f.onlyUnitId);
  if (f.groupId !== null)
    query = query.where('r.unit_id', 'in', (eb) =>
      eb
        .selectFrom('unit_groups')
        .select('unit_id')
        .where('group_id', '=', f.groupId as number),
    );
  if (f.statuses && f.statuses.length > 0) query = query.where('r.status', 'in', f.statuses);
  if (f.severity) query = query.where('r.severity', '=', f.severity);
  const rows = await query.orderBy('r.period', 'desc').orderBy('r.code').execute();
  const links = await findingIdsOf(
    db,
    rows.map((r) => Number(r.id)),
  );
  return rows.map((r) => ({ ...toItem(r, links.get(Number(r.id)) ?? []), unitCode: r.unit_code, unitName: r.unit_name }));
}

export interface LedgerPageFilter extends LedgerFilter {
  /** Only these units (what a typed unit search matched); an empty list matches nothing. Null: any unit. */
  unitIds: readonly number[] | null;
  /** Only items open (not closed, explained or cancelled) and due before this China date. */
  overdueBefore: string | null;
  /** 1-based page of `pageSize` rows; a null size: every row. */
  page: number;
  pageSize: number | null;
}

/**
 * One page of the ledger in ledger order (period, then code) and the number of items matching the
 * filter, which is applied in SQL: a page costs the same whatever the size of the ledger.
 */
export async function listLedgerPage(db: Db, f: LedgerPageFilter): Promise<{ total: number; rows: LedgerItem[] }> {
  if (f.unitIds !== null && f.unitIds.length === 0) return { total: 0, rows: [] };
  let query = db.selectFrom('rectification_items as r');
  if (f.period)
    query = query.where((eb) => eb.or([eb('r.period', '=', f.period as string), eb('r.carried_into', '=', f.period as string)]));
  if (f.unitId !== null) query = query.where('r.unit_id', '=', f.unitId);
  if (f.onlyUnitId !== null) query = query.where('r.unit_id', '=', f.onlyUnitId);
  if (f.unitIds !== null) query = query.where('r.unit_id', 'in', [...f.unitIds]);
  if (f.groupId !== null)
    query = query.where('r.unit_id', 'in', (eb) =>
      eb
        .selectFrom('unit_groups')
        .select('unit_id')
        .where('group_id', '=', f.groupId as number),
    );
  if (f.statuses && f.statuses.length > 0) query = query.where('r.status', 'in', f.statuses);
  if (f.severity) query = query.where('r.severity', '=', f.severity);
  if (f.overdueBefore !== null)
    query = query.where('r.status', 'not in', [...finalRectificationStatuses]).where('r.due_date', '<', f.overdueBefore);
  // The page is chosen on narrow rows (id, period, code) and only its rows are read whole; the count
  // rides along (one round trip), and a page past the end asks for it apart.
  let ids = query
    .select(['r.id', sql<number | string>`count(*) over ()`.as('total_count')])
    .orderBy('r.period', 'desc')
    .orderBy('r.code');
  if (f.pageSize !== null) ids = ids.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  const rows = await db
    .selectFrom('rectification_items as r')
    .innerJoin(ids.as('p'), 'p.id', 'r.id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .selectAll('r')
    .select(['u.code as unit_code', 'u.name as unit_name', 'p.total_count'])
    .orderBy('r.period', 'desc')
    .orderBy('r.code')
    .execute();
  const total =
    rows.length > 0
      ? Number(rows[0]?.total_count)
      : Number((await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const links = await findingIdsOf(
    db,
    rows.map((r) => Number(r.id)),
  );
  return {
    total,
    rows: rows.map((r) => ({ ...toItem(r, links.get(Number(r.id)) ?? []), unitCode: r.unit_code, unitName: r.unit_name })),
  };
}

/** The office's units by id, code and name (for matching a typed unit search). */
export async function listUnitNames(db: Db): Promise<{ id: number; code: string; name: string }[]> {
  const rows = await db.selectFrom('units').select(['id', 'code', 'name']).execute();
  return rows.map((r) => ({ id: Number(r.id), code: r.code, name: r.name }));
}

export async function findLedgerItem(db: Db, id: number): Promise<LedgerItem | null> {
  const row = await db
    .selectFrom('rectification_items as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .selectAll('r')
    .select(['u.code as unit_code', 'u.name as unit_name'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const links = await findingIdsOf(db, [id]);
  return { ...toItem(row, links.get(id) ?? []), unitCode: row.unit_code, unitName: row.unit_name };
}

/** Items already issued for these findings (so a finding is not ordered twice). */
export async function findItemsOfFindings(db: Db, findingIds: number[]): Promise<Map<number, string>> {
  const result = new Map<number, string>();
  for (let i = 0; i < findingIds.length; i += 500) {
    const chunk = findingIds.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db
      .selectFrom('rectification_item_findings as l')
      .innerJoin('rectification_items as r', 'r.id', 'l.item_id')
      .select(['l.finding_id', 'r.code'])
      .where('l.finding_id', 'in', chunk)
      .where('r.status', '!=', 'cancelled')
      .execute();
    for (const row of rows) result.set(row.finding_id, row.code);
  }
  return result;
}

export interface FindingForIssue {
  id: number;
  unitId: number;
  leafCode: string;
  description: string;
  url: string;
  period: string;
  roundStatus: string;
  status: string;
}

/** Findings with their round's period and status, for issuing items from them. */
export async function listFindingsForIssue(db: Db, ids: number[]): Promise<FindingForIssue[]> {
  const result: FindingForIssue[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db
      .selectFrom('findings as f')
      .innerJoin('assessment_rounds as r', 'r.id', 'f.round_id')
      .select(['f.id', 'f.unit_id', 'f.leaf_code', 'f.description', 'f.url', 'f.status', 'r.period_code', 'r.status as round_status'])
      .where('f.id', 'in', chunk)
      .execute();
    for (const r of rows)
      result.push({
        id: Number(r.id),
        unitId: r.unit_id,
        leafCode: r.leaf_code,
        description: r.description,
        url: r.url,
        period: r.period_code,
        roundStatus: r.round_status,
        status: r.status,
      });
  }
  return result.sort((a, b) => a.id - b.id);
}

/**
 * The ledger as the scoring engine's rectification rows (spec scoring.md §4) for the items due
 * in a period: closed = the 销号 date (an accepted explanation counts as closed), rejected = failed
 * re-checks. Cancelled items count for nothing.
 */
export async function listRectificationScoreRows(db: Db, range: { start: string; end: string }, periodCode: string) {
  const rows = await db
    .selectFrom('rectification_items as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.unit_id', 'u.code as unit_code', 'r.code', 'r.due_date', 'r.closed_on', 'r.recheck_fail_count'])
    .where('r.status', '!=', 'cancelled')
    .where('r.due_date', '>=', range.start)
    .where('r.due_date', '<=', range.end)
    .orderBy('r.code')
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    unit: r.unit_code,
    period: periodCode,
    item: r.code,
    due: r.due_date,
    closed: r.closed_on,
    rejected: r.recheck_fail_count,
  }));
}

/** Active findings of a round that no open or closed item orders yet. */
export async function listUnorderedFindingIds(db: Db, roundId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('findings as f')
    .select('f.id')
    .where('f.round_id', '=', roundId)
    .where('f.status', '=', 'active')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('rectification_item_findings as l')
            .innerJoin('rectification_items as r', 'r.id', 'l.item_id')
            .select('l.item_id')
            .whereRef('l.finding_id', '=', 'f.id')
            .where('r.status', '!=', 'cancelled'),
        ),
      ),
    )
    .orderBy('f.id')
    .execute();
  return rows.map((r) => Number(r.id));
}
