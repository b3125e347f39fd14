// Numbers as the dashboard shows them. Scores are published with two decimals; a missing value
// (null, undefined, NaN, ±Infinity) shows as '—' everywhere.

const isShown = (value: number | null | undefined): value is number => value !== null && value !== undefined && Number.isFinite(value);

/** A score or final as published: 85.50. */
export function formatScore(score: number | null | undefined): string {
  return isShown(score) ? score.toFixed(2) : '—';
}

/** Scheme points and deductions: at most 3 places, no trailing zeros (8, 2.5, 84.975). */
export function formatPoints(points: number | null | undefined): string {
  return isShown(points) ? String(Math.round(points * 1000) / 1000) : '—';
}

/** A value already in percent (0–100), one decimal: 87.5%. */
export function formatPercent(percent: number | null | undefined): string {
  return isShown(percent) ? `${percent.toFixed(1)}%` : '—';
}

/** A 0–1 ratio as a percentage, one decimal: 0.875 → 87.5%. */
export function formatRatio(ratio: number | null | undefined): string {
  return isShown(ratio) ? formatPercent(ratio * 100) : '—';
}
