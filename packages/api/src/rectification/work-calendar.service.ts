import { createWorkCalendar, type WorkCalendar } from '@kaoping/domain/calendar/work-calendar';
import { listCalendarOverrides } from '@kaoping/db/rectification/calendar.repository';
import type { Db } from '@kaoping/db/connect';

/** The national calendar (chinese-days data) with the office's own entries on top. */
export async function loadWorkCalendar(db: Db): Promise<WorkCalendar> {
  return createWorkCalendar(await listCalendarOverrides(db));
}
