// Inputs of the 考核细则 document procedures: propose a scheme from the office's .xlsx/.docx (or
// Excel/Word 97–2003 .xls/.doc), confirm it (stored as that year's scheme), export a scheme as the
// published .docx/.xlsx.
import { z } from 'zod';

/** Upload bound: the file itself is limited to 10 MB by the importer; base64 adds a third. */
export const SCHEME_DOCUMENT_MAX_BASE64 = 14_000_000;

export const schemeDocumentProposeInputSchema = z.object({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/\.(xlsx|docx|xls|doc)$/i, '请选择 .xlsx、.docx、.xls 或 .doc 文件'),
  base64: z.string().min(4, '文件是空的').max(SCHEME_DOCUMENT_MAX_BASE64, '文件过大(上限 10 MB)'),
  year: z.number().int().min(2000).max(2100),
});
export type SchemeDocumentProposeInput = z.input<typeof schemeDocumentProposeInputSchema>;

export const schemeDocumentConfirmInputSchema = z.object({
  /** The proposed scheme as the office confirmed it (scheme.json text, possibly edited). */
  json: z.string().min(2).max(2_000_000),
  /** The source file's name, for the audit log. */
  fileName: z.string().trim().min(1).max(200),
  /** When replacing the year's draft: the version the office loaded; null to create. */
  version: z.number().int().nonnegative().nullable().default(null),
});

export const schemeDocumentExportInputSchema = z.object({ id: z.number().int().positive(), format: z.enum(['docx', 'xlsx']) });
