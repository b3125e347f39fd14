import type { CalendarOverride } from '@kaoping/domain/calendar/work-calendar';
import type { Db } from '../connect';

export async function listCalendarOverrides(db: Db): Promise<CalendarOverride[]> {
  const rows = await db.selectFrom('calendar_overrides').selectAll().orderBy('date').execute();
  return rows.map((r) => ({ date: r.date, kind: r.kind as CalendarOverride['kind'], name: r.name }));
}

/** Replaces the override of one date. */
export async function upsertCalendarOverride(db: Db, o: CalendarOverride, now: string): Promise<void> {
  await db.deleteFrom('calendar_overrides').where('date', '=', o.date).execute();
  await db
    .insertInto('calendar_overrides')
    .values({ date: o.date, kind: o.kind, name: o.name ?? '', updated_at: now })
    .execute();
}

export async function deleteCalendarOverride(db: Db, date: string): Promise<void> {
  await db.deleteFrom('calendar_overrides').where('date', '=', date).execute();
}
