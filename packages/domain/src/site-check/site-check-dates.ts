// Dates as CMS listings print them: 2026-11-03, 2026/11/3, 2026.11.03, 2026年11月3日, and bare 11-03 /
// 11月3日 whose year comes from the page (the nearest full date before it) or from today.
// Every date is a China calendar date (YYYY-MM-DD); instants are turned into one in Asia/Shanghai.

const FULL = /(?<!\d)(20\d{2}|19\d{2})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)(?!\d)/g;
const SHORT = /(?<![\d年./-])(\d{1,2})(?:-(\d{1,2})|月(\d{1,2})日)(?![\d.:-])/g;

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD when y/m/d is a real calendar date, else null. */
export function calendarDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The China calendar date of an instant. */
export function chinaDateOf(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/**
 * Every date in `text`, in order of appearance. A bare month-day takes the year of the last full date
 * before it on the page, else today's year; if that lands after today it is last year's (a listing
 * read on 2026-01-05 showing 12-28 means 2025-12-28).
 */
export function extractDates(text: string, today: string): string[] {
  const found: { at: number; date: string | null; end: number; year?: number; md?: [number, number] }[] = [];
  for (const m of text.matchAll(FULL)) {
    const y = Number(m[1]);
    const mo = Number(m[2] ?? m[4]);
    const d = Number(m[3] ?? m[5]);
    found.push({ at: m.index, end: m.index + m[0].length, date: calendarDate(y, mo, d), year: y });
  }
  const covered = (i: number) => found.some((f) => f.year !== undefined && i >= f.at && i < f.end);
  for (const m of text.matchAll(SHORT)) {
    if (covered(m.index)) continue;
    found.push({ at: m.index, end: m.index + m[0].length, date: null, md: [Number(m[1]), Number(m[2] ?? m[3])] });
  }
  found.sort((a, b) => a.at - b.at);
  const todayYear = Number(today.slice(0, 4));
  let contextYear: number | null = null;
  const out: string[] = [];
  for (const f of found) {
    if (f.md) {
      const [mo, d] = f.md;
      const year = contextYear ?? todayYear;
      let date = calendarDate(year, mo, d);
      if (date && contextYear === null && date > today) date = calendarDate(year - 1, mo, d);
      if (date) out.push(date);
    } else if (f.date) {
      contextYear = f.year ?? contextYear;
      out.push(f.date);
    }
  }
  return out;
}

/** The newest date in `text` that is not after today (future dates are typos or events, not updates). */
export function newestDate(text: string, today: string): string | null {
  let newest: string | null = null;
  for (const d of extractDates(text, today)) if (d <= today && (newest === null || d > newest)) newest = d;
  return newest;
}
