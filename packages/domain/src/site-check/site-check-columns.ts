// Column update rules of the 国办 2019 indicators (栏目不更新): 动态/要闻-type columns within 2 weeks,
// 通知公告/政策文件 within 6 months; other navigation columns are held to a year by default.
import type { ColumnStatus, RequiredColumn } from '@kaoping/contracts/site-check/site-check';
import { daysBetween } from './site-check-dates';

export const NEWS_INTERVAL_DAYS = 14;
export const NOTICE_INTERVAL_DAYS = 180;
export const OTHER_INTERVAL_DAYS = 365;
/** The homepage must show an update within 2 weeks (首页不更新). */
export const HOMEPAGE_INTERVAL_DAYS = 14;

export type ColumnKind = 'news' | 'notice' | 'other';

/** What kind of column a navigation label names. */
export function columnKind(name: string): ColumnKind {
  if (/动态|要闻|新闻|资讯|工作信息/.test(name)) return 'news';
  if (/通知|公告|公示|政策文件|政策法规|文件/.test(name)) return 'notice';
  return 'other';
}

export function defaultIntervalDays(name: string): number {
  switch (columnKind(name)) {
    case 'news':
      return NEWS_INTERVAL_DAYS;
    case 'notice':
      return NOTICE_INTERVAL_DAYS;
    case 'other':
      return OTHER_INTERVAL_DAYS;
  }
}

/** The national defaults an office starts from. */
export const nationalDefaultColumns: readonly RequiredColumn[] = [
  { name: '工作动态', intervalDays: NEWS_INTERVAL_DAYS },
  { name: '通知公告', intervalDays: NOTICE_INTERVAL_DAYS },
  { name: '政策文件', intervalDays: NOTICE_INTERVAL_DAYS },
];

/** ok when the newest item is at most `intervalDays` old on `today`; blank when there is none. */
export function columnStatus(newest: string | null, intervalDays: number, today: string): ColumnStatus {
  if (newest === null) return 'blank';
  return daysBetween(newest, today) > intervalDays ? 'stale' : 'ok';
}

/** 首页不更新: no homepage date, or the newest one older than 2 weeks. */
export function homepageStale(newest: string | null, today: string): boolean {
  return newest === null || daysBetween(newest, today) > HOMEPAGE_INTERVAL_DAYS;
}

/** Thresholds of the 栏目不更新 veto. */
export const COLUMN_VETO = { stale: 5, longStale: 10, blank: 5, longStaleDays: 365 } as const;

export interface ColumnVeto {
  veto: boolean;
  stale: number;
  longStale: number;
  blank: number;
  reasons: string[];
}

/**
 * 栏目不更新 (veto): ≥5 stale 动态/要闻 or 通知公告/政策文件 columns, or ≥10 columns not updated for over a
 * year (our reading of 长期未更新), or ≥5 blank columns.
 */
export function columnVeto(
  columns: readonly { name: string; newest: string | null; intervalDays: number; status: ColumnStatus }[],
  today: string,
): ColumnVeto {
  const stale = columns.filter((c) => c.status === 'stale' && columnKind(c.name) !== 'other').length;
  const longStale = columns.filter((c) => c.newest !== null && daysBetween(c.newest, today) > COLUMN_VETO.longStaleDays).length;
  const blank = columns.filter((c) => c.status === 'blank').length;
  const reasons: string[] = [];
  if (stale >= COLUMN_VETO.stale) reasons.push(`${stale} 个动态要闻或通知公告、政策文件类栏目未按期更新`);
  if (longStale >= COLUMN_VETO.longStale) reasons.push(`${longStale} 个栏目超过一年未更新`);
  if (blank >= COLUMN_VETO.blank) reasons.push(`${blank} 个空白栏目`);
  return { veto: reasons.length > 0, stale, longStale, blank, reasons };
}
