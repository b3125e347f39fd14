// The one place the rectification ledger feeds the scoring engine's `rectification` leaf
// (spec `rectifications.csv` rows: items due in the period, late or closed, failed re-checks).
import { periodDateRange, type Period } from '@kaoping/domain/period/period';
import type { RectificationInput } from '@kaoping/domain/scoring/scoring-inputs';
import type { Db } from '../connect';
import { listRectificationScoreRows } from '../rectification/rectification.repository';

/** The rectification rows for a quarter: each unit's ledger items due in it (cancelled ones count for nothing). */
export async function loadRectificationRows(db: Db, period: Period): Promise<(RectificationInput & { unitId: number })[]> {
  return listRectificationScoreRows(db, periodDateRange(period), period.code);
}
