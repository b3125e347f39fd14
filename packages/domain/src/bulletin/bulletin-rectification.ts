// Last period's rectification as the bulletin reports it: the ledger's figures, the units that
// never reported back or are overdue, and those whose closed problem was found again (整改不彻底).
import type { RectificationFigures } from '../rectification/rectification-figures';

export interface FiguresRatio {
  numerator: number;
  denominator: number;
  /** 0–1; null when the denominator is 0. */
  value: number | null;
}

export function ratio(numerator: number, denominator: number): FiguresRatio {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

export interface FiguresRectificationUnit {
  unitId: number;
  code: string;
  name: string;
  items: number;
}

export interface FiguresRectification {
  /** The period whose findings the items came from (the previous quarter). */
  period: string;
  /** China date the figures are as of. */
  asOf: string;
  figures: Pick<
    RectificationFigures,
    | 'total'
    | 'open'
    | 'overdue'
    | 'closed'
    | 'explained'
    | 'cancelled'
    | 'carriedOver'
    | 'closedOnTime'
    | 'closedLate'
    | 'returnedAtRecheck'
    | 'awaitingOffice'
    | 'awaitingUnit'
  > & {
    onTimeClosureRate: FiguresRatio;
  };
  /** Units with an overdue item they never reported back on. */
  notReportedBack: FiguresRectificationUnit[];
  /** Units with overdue items, most first. */
  overdueUnits: FiguresRectificationUnit[];
  /** Units whose closed item's problem was found again this period (整改不彻底); items = indicators found again. */
  repeatedUnits: FiguresRectificationUnit[];
}

/** The rectification figures of the bulletin from the domain's figures and the units' names. */
export function toFiguresRectification(
  period: string,
  asOf: string,
  figures: RectificationFigures,
  overdueByUnit: ReadonlyMap<number, number>,
  units: ReadonlyMap<number, { code: string; name: string }>,
  repeatedByUnit: ReadonlyMap<number, number> = new Map(),
): FiguresRectification {
  const named = (unitId: number, items: number): FiguresRectificationUnit => ({
    unitId,
    code: units.get(unitId)?.code ?? '',
    name: units.get(unitId)?.name ?? String(unitId),
    items,
  });
  const {
    total,
    open,
    overdue,
    closed,
    explained,
    cancelled,
    carriedOver,
    closedOnTime,
    closedLate,
    returnedAtRecheck,
    awaitingOffice,
    awaitingUnit,
    onTimeClosureRate,
  } = figures;
  return {
    period,
    asOf,
    figures: {
      total,
      open,
      overdue,
      closed,
      explained,
      cancelled,
      carriedOver,
      closedOnTime,
      closedLate,
      returnedAtRecheck,
      awaitingOffice,
      awaitingUnit,
      onTimeClosureRate: { ...onTimeClosureRate },
    },
    notReportedBack: figures.unitsNotReportedBack.map((u) => named(u.unitId, u.items)),
    overdueUnits: [...overdueByUnit.entries()]
      .filter(([, n]) => n > 0)
      .map(([unitId, n]) => named(unitId, n))
      .sort((a, b) => b.items - a.items || a.code.localeCompare(b.code)),
    repeatedUnits: [...repeatedByUnit.entries()]
      .map(([unitId, n]) => named(unitId, n))
      .sort((a, b) => b.items - a.items || a.code.localeCompare(b.code)),
  };
}

/**
 * Units whose problem was closed last period and found again now: an item closed (销号) whose
 * findings were on indicator X of the unit, and an active finding on X of the same unit now.
 */
export function findRepeatedUnits(
  closedItems: readonly { unitId: number; findingIds: readonly number[] }[],
  previousFindings: ReadonlyMap<number, { indicator: string }>,
  currentFindings: readonly { unitId: number; indicator: string }[],
): Map<number, number> {
  const now = new Set(currentFindings.map((f) => `${f.unitId}\u0000${f.indicator}`));
  const repeated = new Map<number, Set<string>>();
  for (const item of closedItems) {
    for (const id of item.findingIds) {
      const indicator = previousFindings.get(id)?.indicator;
      if (indicator === undefined || !now.has(`${item.unitId}\u0000${indicator}`)) continue;
      repeated.set(item.unitId, (repeated.get(item.unitId) ?? new Set()).add(indicator));
    }
  }
  return new Map([...repeated].map(([unitId, set]) => [unitId, set.size]));
}

/** The most frequent due date (the latest among equals) of the items issued from a period's findings. */
export function commonDueDate(dates: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(d, (counts.get(d) ?? 0) + 1);
  let best: [string, number] | null = null;
  for (const entry of counts) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] > best[0])) best = entry;
  return best?.[0] ?? null;
}
