import { i18next } from '../../i18n/i18n';

// Bulletin figures carry shares as 0–1 ratios, hence formatRatio under this module's formatPercent.
export { formatRatio as formatPercent, formatScore } from '../../lib/format-number';

/** A China calendar date: 2026年11月6日 in Chinese, 2026-11-06 in English. */
export function formatDate(date: string, language: string = i18next.language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || language === 'en') return date;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Rank movement as the bulletin prints it: ▲2, ▼1, 持平 / –, — when not comparable. */
export function formatMovement(delta: number | null, same: string): string {
  if (delta === null) return '—';
  if (delta === 0) return same;
  return delta > 0 ? `▲${delta}` : `▼${-delta}`;
}

/** 2026Q3 → 2026年第三季度 / Q3 2026 (other codes unchanged). */
export function quarterLabel(t: (key: string, options?: Record<string, unknown>) => string, code: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(code);
  return m ? t('meeting.quarterLabel', { year: m[1], quarter: t(`meeting.quarterNames.q${m[2]}`) }) : code;
}
