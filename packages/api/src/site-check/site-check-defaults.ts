// The office's settings before it saves any: the national columns and polite crawl limits.
import { nationalDefaultColumns } from '@kaoping/domain/site-check/site-check-columns';

export const SITE_CHECK_DEFAULTS = {
  columns: [...nationalDefaultColumns],
  limits: { maxPages: 200, maxDepth: 3, perHostConcurrency: 2, minIntervalMs: 250, pageTimeoutMs: 15_000 },
  scheduleDay: null as number | null,
};
