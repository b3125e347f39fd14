// The output of `kaoping report parse FILE --json` (spec §7) and of parseAnnualReport().
import { z } from 'zod';
import { cellKeySchema, reportCellsSchema, reportCheckSchema, reportFormatSchema } from './annual-report';

export const reportInputKindSchema = z.enum(['text', 'markdown', 'html', 'docx', 'pdf']);
export type ReportInputKind = z.infer<typeof reportInputKindSchema>;

export const reportMetaSchema = z.object({
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  /** Layout of the tables found; null when the report has no table to tell from. */
  format: reportFormatSchema.nullable(),
  /** Numerals of the part headings found, in the order they appear (一…六, sometimes 七). */
  sections: z.array(z.string()),
  /** What the file was, as detected from its content. */
  input: reportInputKindSchema,
  /** The text was in traditional script and was converted (OpenCC t2s) before reading. */
  traditional: z.boolean(),
});
export type ReportMeta = z.infer<typeof reportMetaSchema>;

/** Where a cell came from: 1-based line of the text read (HTML: of the source file), and that line. */
export const cellSourceSchema = z.object({
  line: z.number().int().positive(),
  /** The line, or for a long line (crawler text) a window of it around the value. */
  text: z.string(),
  /** Where the digits of the value sit in `text` ([start, end), UTF-16 offsets), when known. */
  span: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).optional(),
  /** `read`: one value per column as printed; `rule`: the hard rules chose how to read the row (run-together digits cut, vanished blanks placed). */
  settled: z.enum(['read', 'rule']).optional(),
});
export type CellSource = z.infer<typeof cellSourceSchema>;

export const reportParseResultSchema = z.object({
  meta: reportMetaSchema,
  cells: reportCellsSchema,
  sources: z.record(cellKeySchema, cellSourceSchema),
  checks: z.array(reportCheckSchema),
  unresolved: z.array(cellKeySchema),
  warnings: z.array(z.string()),
});
export type ReportParseResult = z.infer<typeof reportParseResultSchema>;
