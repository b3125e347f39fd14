import { z } from 'zod';
import { yearSchema } from '../common';

/** Largest units file accepted (CSV or XLSX), before base64. */
export const UNITS_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export const unitsImportInputSchema = z.object({
  fileName: z.string().trim().min(1).max(200),
  /** The file's bytes, base64. */
  contentBase64: z.string().max(Math.ceil((UNITS_IMPORT_MAX_BYTES * 4) / 3) + 16, '文件超过 10 MB'),
  /** The year whose groups the file's `group` column refers to. */
  year: yearSchema,
  /** Check only: report what would change, write nothing. */
  dryRun: z.boolean().default(false),
});

export const importProblemSchema = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export type UnitsImportResult =
  | { ok: true; dryRun: boolean; created: number; updated: number; unchanged: number; total: number }
  | { ok: false; problems: ImportProblem[] };
