// The vocabulary every procedure, importer and form shares: ids, versions, years, periods and
// China calendar dates, each written once with its Chinese message. Area schemas build on these
// instead of retyping a regex (docs/scoring.md §4 periods, docs/glossary.md).
import { z } from 'zod';

/** A row id. */
export const idSchema = z.number({ error: '编号应为数字' }).int('编号应为整数').positive('编号应为正整数');

/** Optimistic concurrency: the version of a row as the editor loaded it (rows start at 0). */
export const versionSchema = z.number({ error: '版本号应为数字' }).int('版本号应为整数').nonnegative('版本号不能为负');

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** A year Kaoping works in (schemes, groups, periods, registry snapshots). */
export const yearSchema = z
  .number({ error: '年度应为数字' })
  .int('年度应为整数')
  .min(MIN_YEAR, `年度不早于 ${MIN_YEAR}`)
  .max(MAX_YEAR, `年度不晚于 ${MAX_YEAR}`);

/** 2025Q3. */
export const QUARTER_CODE_PATTERN = /^\d{4}Q[1-4]$/;
/** 2025Q3 or 2025. */
export const PERIOD_CODE_PATTERN = /^\d{4}(Q[1-4])?$/;

export const isQuarterCode = (value: string): boolean => QUARTER_CODE_PATTERN.test(value);
export const isPeriodCode = (value: string): boolean => PERIOD_CODE_PATTERN.test(value);

/** A quarter, the unit of every assessment input: 2025Q3. */
export const quarterCodeSchema = z.string().trim().regex(QUARTER_CODE_PATTERN, '期次应为季度,如 2025Q3');

/** A quarter or a whole year: 2025Q3 or 2025. */
export const periodCodeSchema = z.string().trim().regex(PERIOD_CODE_PATTERN, '期次格式应为 2025Q3 或 2025');

/**
 * A China calendar date, YYYY-MM-DD, that exists (2026-02-29 and 2026-13-45 are refused).
 * Deadlines and validity dates are calendar dates in Asia/Shanghai, never instants.
 */
export const chinaDateSchema = z.iso.date('日期应为有效的 YYYY-MM-DD');

export const isChinaDate = (value: string): boolean => chinaDateSchema.safeParse(value).success;

/** An instant with its offset (stored and sent in UTC). */
export const instantSchema = z.iso.datetime({ offset: true, message: '时间格式应为 ISO 8601' });
