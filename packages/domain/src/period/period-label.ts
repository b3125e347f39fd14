// How documents name a period: 2026Q3 → 2026年第三季度, 2026 → 2026年度.
import { parsePeriod, type Period } from './period';

const QUARTER_NAMES = ['一', '二', '三', '四'] as const;

export function periodLabel(period: Period): string {
  if (period.kind === 'year') return `${period.year}年度`;
  return `${period.year}年第${QUARTER_NAMES[period.quarter - 1]}季度`;
}

/** The label of a period code; an unknown code is returned as is. */
export function formatPeriodLabel(periodCode: string): string {
  const period = parsePeriod(periodCode);
  return period ? periodLabel(period) : periodCode;
}
