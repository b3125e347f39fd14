// Formatting shared by the dashboard pages. Pure (the language is passed in).
import { formatRankDelta, formatSigned } from '../../charts/chart-format';
import { formatPercent, formatScore } from '../../lib/format-number';

const QUARTERS_ZH = ['一', '二', '三', '四'];

/** 2026Q3 → 2026年第三季度 (zh) or Q3 2026 (en); other codes unchanged. */
export function formatPeriod(code: string | null | undefined, language: string): string {
  if (!code) return '—';
  const m = /^(\d{4})Q([1-4])$/.exec(code);
  if (!m) return code;
  const quarter = Number(m[2]);
  return language === 'en' ? `Q${quarter} ${m[1]}` : `${m[1]}年第${QUARTERS_ZH[quarter - 1] ?? quarter}季度`;
}

export { formatPercent, formatRankDelta, formatScore, formatSigned };

/** /analysis for a group and period (the analysis area's page). */
export function analysisPath(period: string, group: string): string {
  return `/analysis?${new URLSearchParams({ period, group }).toString()}`;
}

export function profilePath(unitId: number, period?: string | null): string {
  return period ? `/units/${unitId}/profile?period=${encodeURIComponent(period)}` : `/units/${unitId}/profile`;
}
