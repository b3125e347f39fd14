// 整改看板: open against closed items over time (a weekly burn-down up to today), overdue and
// open items by unit, and the on-time closure rate overall and by the quarter the items came
// from. A liaison sees their own unit's items only.
import { addDays } from '@kaoping/domain/calendar/china-date';
import { chinaToday } from '@kaoping/domain/period/period';
import { rectificationFigures } from '@kaoping/domain/rectification/rectification-figures';
import { listRectificationTimeline } from '@kaoping/db/dashboard/dashboard.repository';
import type { Actor } from '../actor';
import { unitScopeOf } from '../scope';
import { burndownOf, weeklyDates } from '@kaoping/domain/dashboard/burndown';
import { figureItemOf, rectificationSummaryOf } from '@kaoping/domain/dashboard/ledger-summary';
import type { Db } from '@kaoping/db/connect';

const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

export async function getRectificationBoard(db: Db, actor: Actor, input: { groupId: number | null }) {
  const today = chinaToday(actor.now);
  const scope = unitScopeOf(actor.user);
  const items = await listRectificationTimeline(db, { unitId: scope, groupId: scope === null ? input.groupId : null });
  const summary = rectificationSummaryOf(items, today);
  const first = items.reduce<string | null>((m, i) => (m === null || i.issuedOn < m ? i.issuedOn : m), null);
  const burndown = first === null ? [] : burndownOf(items, weeklyDates(first, today, addDays));
  const periods = [...new Set(items.map((i) => i.period))].sort();
  const byPeriod = periods.map((period) => {
    const f = rectificationFigures(items.filter((i) => i.period === period).map(figureItemOf), today);
    return {
      period,
      total: f.total - f.cancelled,
      open: f.open,
      overdue: f.overdue,
      closedOnTime: f.closedOnTime,
      closedLate: f.closedLate,
      onTimeClosureRate: percent(f.onTimeClosureRate.value),
    };
  });
  return {
    today,
    isOwnUnitOnly: scope !== null,
    figures: {
      total: summary.overall.total - summary.overall.cancelled,
      open: summary.overall.open,
      overdue: summary.overall.overdue,
      closed: summary.overall.closed + summary.overall.explained,
      closedOnTime: summary.overall.closedOnTime,
      closedLate: summary.overall.closedLate,
      onTimeClosureRate: summary.overall.onTimeClosurePercent,
      medianDaysToClose: summary.overall.medianDaysToClose,
      returnedAtRecheck: summary.overall.returnedAtRecheck,
      unitsNotReportedBack: summary.overall.unitsNotReportedBack,
    },
    burndown,
    byPeriod,
    units: summary.units,
  };
}
