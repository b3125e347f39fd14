// A period is a quarter (`2025Q3`) or a year (`2025`). Its dates are China calendar
// dates (YYYY-MM-DD strings): no time zone arithmetic is ever needed to compare them.

export type Period = { kind: 'quarter'; code: string; year: number; quarter: 1 | 2 | 3 | 4 } | { kind: 'year'; code: string; year: number };

const PERIOD_RE = /^(\d{4})(?:Q([1-4]))?$/;

export function parsePeriod(code: string): Period | null {
  const m = PERIOD_RE.exec(code.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  if (m[2] === undefined) return { kind: 'year', code: String(year), year };
  const quarter = Number(m[2]) as 1 | 2 | 3 | 4;
  return { kind: 'quarter', code: `${year}Q${quarter}`, year, quarter };
}

export function isPeriodCode(code: string): boolean {
  return parsePeriod(code) !== null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const QUARTER_END_DAY = ['03-31', '06-30', '09-30', '12-31'] as const;

/** First and last China calendar day of a period, inclusive. */
export function periodDateRange(period: Period): { start: string; end: string } {
  if (period.kind === 'year') return { start: `${period.year}-01-01`, end: `${period.year}-12-31` };
  const startMonth = (period.quarter - 1) * 3 + 1;
  return { start: `${period.year}-${pad(startMonth)}-01`, end: `${period.year}-${QUARTER_END_DAY[period.quarter - 1]}` };
}

/** The quarter before (2025Q1 → 2024Q4) or the year before. */
export function previousPeriod(period: Period): Period {
  if (period.kind === 'year') return { kind: 'year', code: String(period.year - 1), year: period.year - 1 };
  if (period.quarter === 1) return { kind: 'quarter', code: `${period.year - 1}Q4`, year: period.year - 1, quarter: 4 };
  const q = (period.quarter - 1) as 1 | 2 | 3;
  return { kind: 'quarter', code: `${period.year}Q${q}`, year: period.year, quarter: q };
}

/** The quarter after (2025Q4 → 2026Q1) or the year after. */
export function nextPeriod(period: Period): Period {
  if (period.kind === 'year') return { kind: 'year', code: String(period.year + 1), year: period.year + 1 };
  if (period.quarter === 4) return { kind: 'quarter', code: `${period.year + 1}Q1`, year: period.year + 1, quarter: 1 };
  const q = (period.quarter + 1) as 2 | 3 | 4;
  return { kind: 'quarter', code: `${period.year}Q${q}`, year: period.year, quarter: q };
}

/** Quarters of a year in order. */
export function quartersOf(year: number): Period[] {
  return ([1, 2, 3, 4] as const).map((quarter) => ({ kind: 'quarter', code: `${year}Q${quarter}`, year, quarter }));
}

/** Orders period codes chronologically; a year sorts after its own quarters. */
export function comparePeriodCodes(a: string, b: string): number {
  const key = (code: string) => {
    const p = parsePeriod(code);
    if (!p) return Number.NaN;
    return p.year * 10 + (p.kind === 'quarter' ? p.quarter : 5);
  };
  return key(a) - key(b);
}

// One formatter for the process: building an Intl.DateTimeFormat costs ~10 µs, and the dashboard
// calls chinaToday for every report version on every overview request (issue #14 profile).
const CHINA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's China calendar date (Asia/Shanghai), whatever the process time zone is. */
export function chinaToday(now: Date = new Date()): string {
  return CHINA_DATE.format(now);
}

/** The quarter a China calendar date falls in. */
export function periodOfDate(date: string): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const quarter = (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4;
  return { kind: 'quarter', code: `${year}Q${quarter}`, year, quarter };
}
