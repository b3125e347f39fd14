import type { Db } from '../connect';

/**
 * What a notice speaks of, by its kind (item code and title, dates, working days, a unit's name, a
 * reason, an escalation level's key), so the dashboard words it in the reader's language.
 */
export type NoticeValues = Record<string, string | number | boolean | null>;

export interface NewNotification {
  userId: number;
  kind: string;
  /** The notice in Chinese, as stored text (what older clients and the CLI show). */
  title: string;
  body: string;
  values: NoticeValues;
  itemId: number | null;
  /** Unique per notice: re-running a reminder job never notifies twice. */
  dedupeKey: string;
}

export interface NotificationRecord {
  id: number;
  kind: string;
  title: string;
  body: string;
  /** Null on notices stored before they kept their values: then only the text is known. */
  values: NoticeValues | null;
  itemId: number | null;
  createdAt: string;
  readAt: string | null;
}

/** Inserts the notifications whose dedupe key is new; returns how many were added. */
export async function insertNotifications(db: Db, notes: NewNotification[], now: string): Promise<number> {
  let added = 0;
  for (let i = 0; i < notes.length; i += 200) {
    const chunk = notes.slice(i, i + 200);
    if (chunk.length === 0) continue;
    const existing = new Set(
      (
        await db
          .selectFrom('notifications')
          .select('dedupe_key')
          .where(
            'dedupe_key',
            'in',
            chunk.map((n) => n.dedupeKey),
          )
          .execute()
      ).map((r) => r.dedupe_key),
    );
    const fresh = chunk.filter((n) => !existing.has(n.dedupeKey));
    const unique = [...new Map(fresh.map((n) => [n.dedupeKey, n])).values()];
    if (unique.length === 0) continue;
    const inserted = await db
      .insertInto('notifications')
      .values(
        unique.map((n) => ({
          user_id: n.userId,
          kind: n.kind,
          title: n.title,
          body: n.body,
          notice_values: JSON.stringify(n.values),
          item_id: n.itemId,
          dedupe_key: n.dedupeKey,
          created_at: now,
          read_at: null,
        })),
      )
      // Another server process may insert the same reminder between the read above and this insert:
      // the unique dedupe key settles it, and only the rows really added are counted.
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    added += inserted.length;
  }
  return added;
}

export async function listNotifications(db: Db, userId: number, limit: number): Promise<{ items: NotificationRecord[]; unread: number }> {
  const rows = await db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(limit).execute();
  const unread = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    unread: Number(unread.n),
    items: rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      title: r.title,
      body: r.body,
      values: parseValues(r.notice_values),
      itemId: r.item_id,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
  };
}

function parseValues(json: string | null): NoticeValues | null {
  if (json === null) return null;
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as NoticeValues) : null;
  } catch {
    return null;
  }
}

export async function markNotificationsRead(db: Db, userId: number, ids: number[] | 'all', now: string): Promise<void> {
  let query = db.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return;
    query = query.where('id', 'in', ids);
  }
  await query.execute();
}

/** Active users who should hear about a unit's items: its liaisons. */
export async function listLiaisonIds(db: Db, unitIds: number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>();
  if (unitIds.length === 0) return map;
  const rows = await db
    .selectFrom('users')
    .select(['id', 'unit_id'])
    .where('role', '=', 'liaison')
    .where('is_active', '=', 1)
    .where('unit_id', 'in', unitIds)
    .execute();
  for (const r of rows) if (r.unit_id !== null) map.set(r.unit_id, [...(map.get(r.unit_id) ?? []), Number(r.id)]);
  return map;
}

export async function listOfficeUserIds(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('users').select('id').where('role', '=', 'admin').where('is_active', '=', 1).execute();
  return rows.map((r) => Number(r.id));
}
