// Inputs of 年报评查 for a whole city (a folder or .zip of published reports, uploaded at once).
import { z } from 'zod';
import { reportYearSchema } from '../annual-report-workflow/annual-report-record';

/** One upload's total: the server's body limit is sized for 20 MB of files as base64. */
export const CITY_REVIEW_MAX_BYTES = 20 * 1024 * 1024;

export const cityReviewStartInputSchema = z.object({
  year: reportYearSchema,
  files: z
    .array(
      z.object({ fileName: z.string().min(1).max(255), contentBase64: z.string().max(Math.ceil((CITY_REVIEW_MAX_BYTES * 4) / 3) + 4) }),
    )
    .min(1, '请选择报告文件或压缩包')
    .max(2000, '一次最多 2000 个文件'),
});

export const cityReviewStatusInputSchema = z.object({ jobId: z.string().uuid() });
export const cityReviewExportInputSchema = cityReviewStatusInputSchema;
