import type { RectificationItem } from '@kaoping/contracts/rectification/rectification-item';
import { escalationLevelLabelsZh } from '@kaoping/contracts/rectification/rectification-status';
import { remindersDue } from '@kaoping/domain/rectification/rectification-deadline';
import { chinaToday } from '@kaoping/domain/period/period';
import { loadWorkCalendar } from './work-calendar.service';
import type { WorkCalendar } from '@kaoping/domain/calendar/work-calendar';
import { addDays } from '@kaoping/domain/calendar/china-date';
import {
  insertNotifications,
  listLiaisonIds,
  listOfficeUserIds,
  type NewNotification,
  type NoticeValues,
} from '@kaoping/db/rectification/notification.repository';
import { listLedger, type LedgerItem } from '@kaoping/db/rectification/rectification.repository';
import type { Db } from '@kaoping/db/connect';

/** A notice: who hears it, its kind and values (the dashboard words it in either language), and its Chinese text (stored too). */
type Notice = { to: 'unit' | 'office'; kind: string; title: string; body: string; values: NoticeValues };

/** Who hears about an action, and what they read. */
function noticeFor(item: LedgerItem, action: string): Notice | null {
  const head = `${item.code} ${item.title.slice(0, 40)}`;
  const about = { code: item.code, title: item.title.slice(0, 40) };
  switch (action) {
    case 'issue':
      return {
        to: 'unit',
        kind: 'issued',
        title: `新的整改任务:${head}`,
        body: `整改时限 ${item.dueDate},请及时签收并落实整改。`,
        values: { ...about, dueDate: item.dueDate },
      };
    case 'submit':
    case 'explain':
      return {
        to: 'office',
        kind: 'submitted',
        title: `${item.unitName} 已报送:${head}`,
        body: action === 'submit' ? '单位已报送整改情况,请复核。' : '单位提交了情况说明,请审核。',
        values: { ...about, unitName: item.unitName, explanation: action === 'explain' },
      };
    case 'recheck_fail':
    case 'reject_explanation':
      return {
        to: 'unit',
        kind: 'returned',
        title: `整改被退回:${head}`,
        body: `退回理由:${item.returnReason ?? ''}`,
        values: { ...about, reason: item.returnReason ?? '' },
      };
    case 'recheck_pass':
    case 'accept_explanation':
      return {
        to: 'unit',
        kind: 'closed',
        title: `整改已销号:${head}`,
        body: `销号日期 ${item.closedOn ?? ''}`,
        values: { ...about, closedOn: item.closedOn ?? '' },
      };
    case 'escalate':
      return {
        to: 'unit',
        kind: 'escalated',
        title: `整改督办升级:${head}`,
        body: `督办措施:${item.escalationLevel ? escalationLevelLabelsZh[item.escalationLevel] : ''}`,
        values: { ...about, level: item.escalationLevel },
      };
    default:
      return null;
  }
}

export async function notifyAboutEvent(trx: Db, item: LedgerItem, action: string, now: Date): Promise<void> {
  const notice = noticeFor(item, action);
  if (!notice) return;
  const userIds =
    notice.to === 'office' ? await listOfficeUserIds(trx) : ((await listLiaisonIds(trx, [item.unitId])).get(item.unitId) ?? []);
  const notes: NewNotification[] = userIds.map((userId) => ({
    userId,
    kind: notice.kind,
    title: notice.title,
    body: notice.body,
    values: notice.values,
    itemId: item.id,
    dedupeKey: `${item.id}:v${item.version}:${action}:${userId}`,
  }));
  await insertNotifications(trx, notes, now.toISOString());
}

/** Days looked back when producing reminders, so a day nobody opened Kaoping loses no notice. */
const CATCH_UP_DAYS = 7;

/**
 * The reminders (before the due date, overdue notices) for every open item, for its unit's
 * liaisons and, for overdue items, the office — for today and the days before it (catch-up).
 * Idempotent: each notice has a dedupe key per reminder date.
 */
export async function syncDueReminders(
  trx: Db,
  calendar: WorkCalendar,
  today: string,
  now: Date,
  offsets: readonly number[] = [2],
): Promise<number> {
  const items = await listLedger(trx, {
    period: null,
    unitId: null,
    groupId: null,
    statuses: ['issued', 'acknowledged', 'in_progress', 'returned'],
    severity: null,
    onlyUnitId: null,
  });
  const liaisons = await listLiaisonIds(trx, [...new Set(items.map((i) => i.unitId))]);
  const office = await listOfficeUserIds(trx);
  const notes: NewNotification[] = [];
  const days = Array.from({ length: CATCH_UP_DAYS }, (_, i) => addDays(today, -i));
  for (const item of items) {
    const reminders = days.flatMap((day) => remindersDue(item as RectificationItem, calendar, day, offsets));
    for (const reminder of reminders) {
      const isOverdue = reminder.kind === 'overdue';
      const title = isOverdue
        ? `整改已逾期 ${reminder.workingDaysOverdue} 个工作日:${item.code} ${item.title.slice(0, 30)}`
        : `整改将于 ${reminder.dueDate} 到期:${item.code} ${item.title.slice(0, 30)}`;
      const body = isOverdue
        ? `${item.unitName} 的整改任务已超过时限 ${item.dueDate},请尽快报送整改情况。`
        : `距整改时限还有 ${reminder.workingDaysBefore} 个工作日。`;
      const about = { code: item.code, title: item.title.slice(0, 30) };
      const values = isOverdue
        ? { ...about, dueDate: item.dueDate, workingDays: reminder.workingDaysOverdue, unitName: item.unitName }
        : { ...about, dueDate: reminder.dueDate, workingDays: reminder.workingDaysBefore };
      const to = [...(liaisons.get(item.unitId) ?? []), ...(isOverdue ? office : [])];
      for (const userId of to)
        notes.push({
          userId,
          kind: reminder.kind,
          title,
          body,
          values,
          itemId: item.id,
          dedupeKey: `${item.id}:${reminder.kind}:${reminder.date}:${userId}`,
        });
    }
  }
  return insertNotifications(trx, notes, now.toISOString());
}

/** One reminder run over the whole ledger, as the server's timer does it. */
export async function runDueReminders(db: Db, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => syncDueReminders(trx, await loadWorkCalendar(trx), chinaToday(now), now));
}
