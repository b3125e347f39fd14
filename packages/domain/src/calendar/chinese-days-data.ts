// The State Council holiday arrangements (国务院办公厅关于…部分节假日安排的通知), 2004–2026,
// as shipped by the `chinese-days` package (MIT, https://github.com/vsme/chinese-days).
//
// Only the package's JSON data is used, never its functions: those parse "2025-10-01" as UTC
// midnight but read it back with local-time getters, so in a time zone west of UTC
// getDayDetail('2025-10-01') answers for 2025-09-30 and findWorkday(1, '2025-09-30') gives
// 2025-10-08 instead of 2025-10-09 (checked with TZ=America/New_York on 1.5.7). The JSON is plain
// data: no node: imports, fine in the browser (Vite inlines it, ~37 kB).
//
// Each entry's value is "English name,中文名,days", e.g. "National Day,国庆节,3".
//   holidays   — days off (statutory holidays plus the swapped days, 调休放假)
//   workdays   — weekend days that are working days (调休上班)
// When the package is upgraded, the golden tests in work-calendar.test.ts re-check 2025 and 2026.

import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

export type SpecialDayKind = 'holiday' | 'workday';

export interface BaseSpecialDay {
  date: string;
  kind: SpecialDayKind;
  /** Chinese name of the holiday the day belongs to, e.g. 国庆节. */
  name: string;
}

/** Holiday data for whole years: every special day of each listed year. */
export interface BaseCalendarData {
  /** Years whose complete arrangement the data holds. */
  years: readonly number[];
  days: readonly BaseSpecialDay[];
}

const raw: { holidays: Record<string, string>; workdays: Record<string, string> } = chineseDays;

function chineseName(value: string): string {
  const parts = value.split(',');
  return (parts[1] ?? parts[0] ?? value).trim();
}

function buildChineseDaysData(): BaseCalendarData {
  const days: BaseSpecialDay[] = [];
  for (const [date, value] of Object.entries(raw.holidays)) days.push({ date, kind: 'holiday', name: chineseName(value) });
  for (const [date, value] of Object.entries(raw.workdays)) days.push({ date, kind: 'workday', name: chineseName(value) });
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const years = [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort((a, b) => a - b);
  return { years, days };
}

/** The `chinese-days` 1.5.7 data, normalised. */
export const chineseDaysData: BaseCalendarData = buildChineseDaysData();
