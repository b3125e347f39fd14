// The one place the rectification ledger feeds the scoring engine's `rectification` leaf
// (spec `rectifications.csv` rows: items due in the period, late or closed, failed re-checks).
import { parsePeriod, periodDateRange } from '@kaoping/domain/period/period';
import type { RectificationInput } from '@kaoping/domain/scoring/scoring-inputs';
import type { Db } from '../connect';
import { listRectificationScoreRows } from '../rectification/rectification.repository';

/** The rectification rows for a quarter: each unit's ledger items due in it (cancelled ones count for nothing). */
export async function loadRectificationRows(db: Db, periodCode: string): Promise<(RectificationInput & { unitId: number })[]> {
  const period = parsePeriod(periodCode);
  if (period === null) return [];
  return listRectificationScoreRows(db, periodDateRange(period), period.code);
}
