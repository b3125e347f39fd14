// The one place the rectification ledger feeds the scoring engine's `rectification` leaf
// (spec `rectifications.csv` rows: items due in the period, late or closed, failed re-checks).
import type { RectificationInput } from '@kaoping/domain/scoring/scoring-inputs';
import type { Db } from '../connect';

/**
 * The rectification rows for a quarter: each unit's items due in it. The ledger (rectification
 * area) takes this over; until it does, there are none and the leaf scores full points.
 */
export async function loadRectificationRows(_db: Db, _periodCode: string): Promise<(RectificationInput & { unitId: number })[]> {
  return [];
}
