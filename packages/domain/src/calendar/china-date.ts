// China calendar dates as `YYYY-MM-DD` strings, with arithmetic on day numbers.
//
// A China calendar date is a label, not an instant: "2025-10-01" is National Day wherever the code
// runs. So nothing here builds a Date in the local time zone. A date maps to its day number (days
// since 1970-01-01, computed with Date.UTC, which ignores the process time zone) and back.
// To get *today's* China date from an instant, use chinaToday() in period/period.ts.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar date written YYYY-MM-DD (1900-01-01 .. 9999-12-31). */
export function isChinaDate(value: string): boolean {
  return parseDayNumber(value) !== null;
}

// Dashboards turn the same few thousand dates into day numbers on every request (issue #14
// profile: the ledger figures); the answer for a string never changes, so it is remembered.
const parsed = new Map<string, number | null>();
const PARSED_MAX = 50_000;

function parseDayNumber(date: string): number | null {
  const known = parsed.get(date);
  if (known !== undefined) return known;
  const n = parseDayNumberUncached(date);
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(date, n);
  return n;
}

function parseDayNumberUncached(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const dayNumber = Date.UTC(year, month - 1, day) / MS_PER_DAY;
  // Date.UTC rolls 2025-02-30 over to 03-02: a round trip catches impossible dates.
  return fromDayNumber(dayNumber) === date ? dayNumber : null;
}

/** Days since 1970-01-01 (negative before). Throws RangeError on anything but a real YYYY-MM-DD date. */
export function toDayNumber(date: string): number {
  const n = parseDayNumber(date);
  if (n === null) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return n;
}

/** The YYYY-MM-DD date of a day number. */
export function fromDayNumber(dayNumber: number): string {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`not a day number: ${dayNumber}`);
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

export function weekdayOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
}

export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`not a whole number of days: ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function yearOf(date: string): number {
  toDayNumber(date);
  return Number(date.slice(0, 4));
}
