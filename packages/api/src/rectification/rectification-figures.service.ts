import type { SessionUser } from '@kaoping/contracts/auth/session';
import { chinaToday } from '@kaoping/domain/period/period';
import { rectificationFigures, rectificationFiguresByUnit } from '@kaoping/domain/rectification/rectification-figures';
import { listLedger } from '@kaoping/db/rectification/rectification.repository';
import type { Context } from '../context';
import { unitScopeOf } from '../scope';

type Authed = Context & { user: SessionUser };

/** 上期整改情况: overall and per unit, over the items of a period (or all). */
export async function computeLedgerFigures(ctx: Authed, f: { period: string | null; groupId: number | null }) {
  const today = chinaToday(ctx.now());
  const items = await listLedger(ctx.db, {
    period: f.period,
    unitId: null,
    groupId: f.groupId,
    statuses: null,
    severity: null,
    onlyUnitId: unitScopeOf(ctx.user),
  });
  const names = new Map(items.map((i) => [i.unitId, { code: i.unitCode, name: i.unitName }]));
  const byUnit = [...rectificationFiguresByUnit(items, today).entries()].map(([unitId, figures]) => ({
    unitId,
    ...names.get(unitId),
    figures,
  }));
  byUnit.sort(
    (a, b) => b.figures.overdue - a.figures.overdue || b.figures.open - a.figures.open || (a.code ?? '').localeCompare(b.code ?? ''),
  );
  const overall = rectificationFigures(items, today);
  return {
    today,
    overall: { ...overall, unitsNotReportedBack: overall.unitsNotReportedBack.map((u) => ({ ...u, ...names.get(u.unitId) })) },
    byUnit,
  };
}
