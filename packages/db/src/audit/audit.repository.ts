import type { AuditEntry } from '@kaoping/contracts/audit/audit';
import type { Db } from '../connect';

export interface AuditRecord {
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | number;
  unitId: number | null;
  before: unknown;
  after: unknown;
}

/** Appends one audit entry; call inside the same transaction as the change it records. */
export async function insertAuditEntry(db: Db, record: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: record.at,
      actor_id: record.actorId,
      actor_name: record.actorName,
      action: record.action,
      entity: record.entity,
      entity_id: String(record.entityId),
      unit_id: record.unitId,
      before_json: record.before === undefined || record.before === null ? null : JSON.stringify(record.before),
      after_json: record.after === undefined || record.after === null ? null : JSON.stringify(record.after),
    })
    .execute();
}

export async function listAuditEntries(
  db: Db,
  filter: { unitId?: number; entity?: string; entityId?: string; limit: number },
): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.unitId !== undefined) query = query.where('unit_id', '=', filter.unitId);
  if (filter.entity !== undefined) query = query.where('entity', '=', filter.entity);
  if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    unitId: r.unit_id,
    before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
    after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
  }));
}
