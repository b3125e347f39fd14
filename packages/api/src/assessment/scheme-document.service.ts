// The office's own 考核细则 as a document: propose a scheme from its .xlsx/.docx/.xls/.doc (nothing is
// stored; the proposal carries each leaf's inferred rule beside its source cell), confirm the
// proposal (stored like any imported scheme, in one transaction with its audit entry), and export
// a scheme as the published .docx/.xlsx.
import type { z } from 'zod';
import type {
  schemeDocumentConfirmInputSchema,
  schemeDocumentExportInputSchema,
  schemeDocumentProposeInputSchema,
} from '@kaoping/contracts/scoring/scheme-document';
import type { SchemeProposal } from '@kaoping/contracts/scoring/scheme-proposal';
import { invalidInput, notFound, tooLarge } from '@kaoping/domain/errors/domain-error';
import { findSchemeById } from '@kaoping/db/assessment/scheme.repository';
import { MAX_XLSX_BYTES } from '@kaoping/importers/interchange/xlsx-guard';
import type { Authed } from './round.service';
import { importScheme, type SchemeImportResult } from './scheme.service';

/** Bytes of an office's .xlsx/.docx/.xls/.doc → the proposed scheme, or the reasons it is refused (in-process: CLI, tests). */
export async function proposeSchemeFromDocument(bytes: Uint8Array, options: { year: number; fileName: string }): Promise<SchemeProposal> {
  return (await import('@kaoping/importers/scheme/propose-scheme-document')).proposeSchemeDocument(bytes, options);
}

/**
 * An uploaded 细则: read in a child process with heap and time limits (importers/src/guard), off the
 * request thread, so a hostile file (zip bomb, pathological workbook) costs one killed process and
 * the server keeps answering. Same result shape as before: refusals come back as row errors.
 */
export async function proposeSchemeImport(_ctx: Authed, input: z.output<typeof schemeDocumentProposeInputSchema>): Promise<SchemeProposal> {
  const bytes = new Uint8Array(Buffer.from(input.base64, 'base64'));
  if (bytes.length > MAX_XLSX_BYTES) throw tooLarge(`文件大小超过上限 ${MAX_XLSX_BYTES / 1024 / 1024} MB`);
  return (await import('@kaoping/importers/scheme/propose-scheme-document')).proposeSchemeIsolated(bytes, {
    year: input.year,
    fileName: input.fileName,
  });
}

/** Stores the confirmed proposal as the year's scheme (all or nothing, audited). */
export function confirmSchemeImport(ctx: Authed, input: z.output<typeof schemeDocumentConfirmInputSchema>): Promise<SchemeImportResult> {
  return importScheme(
    ctx,
    { json: input.json, version: input.version },
    { action: 'assessment.scheme.importDocument', source: input.fileName },
  );
}

export async function exportSchemeDocument(
  ctx: Authed,
  input: z.output<typeof schemeDocumentExportInputSchema>,
): Promise<{ fileName: string; base64: string }> {
  const record = await findSchemeById(ctx.db, input.id);
  if (!record) throw notFound('考核方案不存在');
  if (record.scheme.indicators.length === 0) throw invalidInput('方案没有指标');
  // The writers (docx, exceljs) load at first use, not with the server.
  const bytes =
    input.format === 'docx'
      ? await (await import('@kaoping/exporters/scheme/scheme-docx')).schemeDocx(record.scheme)
      : await (await import('@kaoping/exporters/scheme/scheme-xlsx')).schemeXlsx(record.scheme);
  return { fileName: `${record.title}.${input.format}`, base64: Buffer.from(bytes).toString('base64') };
}
