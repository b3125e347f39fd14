import type { Db } from '../connect';

export type SecurityEventKind = 'login_failed';

export interface SecurityEvent {
  id: number;
  at: string;
  kind: SecurityEventKind;
  username: string;
  clientIp: string;
  detail: string;
}

export async function insertSecurityEvent(db: Db, event: Omit<SecurityEvent, 'id'>): Promise<void> {
  await db
    .insertInto('security_events')
    .values({ at: event.at, kind: event.kind, username: event.username, client_ip: event.clientIp, detail: event.detail })
    .execute();
}

/** Newest first. */
export async function listSecurityEvents(db: Db, options: { limit: number; since?: string }): Promise<SecurityEvent[]> {
  let query = db.selectFrom('security_events').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(options.limit);
  if (options.since) query = query.where('at', '>=', options.since);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    kind: r.kind as SecurityEventKind,
    username: r.username,
    clientIp: r.client_ip,
    detail: r.detail,
  }));
}

/** Keeps the log bounded: events older than `before` go. */
export async function pruneSecurityEvents(db: Db, before: string): Promise<void> {
  await db.deleteFrom('security_events').where('at', '<', before).execute();
}
