// Reads a published report (pasted text, .txt/.html/.docx/.pdf) for a unit's report of a year and
// returns what would be filled — cells with their source lines, the text parts, the checks — for a
// person to confirm or correct. Nothing is saved here.
//
// An adapter over the importer: it returns the cells, sources and meta, the text of parts 一/五/六
// and the publication date printed near the title; 2019-format tables are fitted onto the year's
// format by the domain.
import type { z } from 'zod';
import {
  REPORT_PARSE_MAX_BYTES,
  type reportParseInputSchema,
  type ReportParseOutput,
} from '@kaoping/contracts/annual-report-workflow/annual-report-record';
import type { ReportCheck, ReportUnitKind } from '@kaoping/contracts/annual-report/annual-report';
import type { ReportParseResult } from '@kaoping/contracts/annual-report/parse-result';
import { adaptParsedCells } from '@kaoping/domain/annual-report-workflow/adapt-parsed-report';
import { checkStoredReport, type StoredReportContext } from '@kaoping/domain/annual-report-workflow/check-stored-report';
import { reportFormatForYear } from '@kaoping/domain/annual-report-workflow/report-lifecycle';
import { unitNamesMatch } from '@kaoping/domain/annual-report-review/city-review';
import { reportUnitKindOf } from '@kaoping/domain/annual-report-workflow/report-unit-kind';
import { invalidInput, tooLarge } from '@kaoping/domain/errors/domain-error';
import { isReportParseError } from '@kaoping/importers/annual-report/parse-error';
import type { PublishedReport } from '@kaoping/importers/annual-report/read-published-report';
import type { ReportSource } from '@kaoping/importers/annual-report/read-source';
import { readUploadedReportSource } from '@kaoping/importers/guard/read-uploaded-report';
import { loadCheckContext, requireReportUnit, type Authed } from './annual-report.service';

export interface ReadReportInput {
  fileName: string | null;
  bytes: Uint8Array | string;
  year: number;
  unitName: string;
  unitKind: ReportUnitKind;
}

/** Reads the source; an unreadable file becomes an invalid-input error with the reader's message. */
async function readSource(bytes: Uint8Array | string, fileName: string | null): Promise<ReportSource> {
  try {
    return await readUploadedReportSource(bytes, fileName); // in a limited child process on the server (E3: importers/src/guard)
  } catch (error) {
    if (isReportParseError(error)) throw invalidInput(`无法读取该文件:${error.message}`);
    throw error;
  }
}

/** Same unit if one name contains the other once the city prefix and 人民政府 are set aside. */
export const namesMatch = unitNamesMatch;

export interface ReadReport extends ReportParseOutput {
  parsed: ReportParseResult;
}

/** Parse + fit onto the report of `year` + check with the unit's context. Throws invalid input when unreadable. */
export async function readReportForUnit(input: ReadReportInput, context: StoredReportContext): Promise<ReadReport> {
  const source = await readSource(input.bytes, input.fileName);
  const { readPublishedReportSource } = await import('@kaoping/importers/annual-report/read-published-report');
  return fitPublishedReport(readPublishedReportSource(source, { unitKind: input.unitKind }), input, context);
}

/** A report the importer has read (here or in an isolated process), fitted onto the unit's report of `year`. */
export function fitPublishedReport(
  published: PublishedReport,
  input: Omit<ReadReportInput, 'bytes'>,
  context: StoredReportContext,
): ReadReport {
  const { parsed, parts } = published;
  const format = reportFormatForYear(input.year);
  const adapted = adaptParsedCells(
    { format: parsed.meta.format, cells: parsed.cells, sources: parsed.sources, unresolved: parsed.unresolved },
    format,
  );
  const notes = [...adapted.notes];
  if (parsed.meta.year !== null && parsed.meta.year !== input.year)
    notes.push(`原文是 ${parsed.meta.year} 年度的报告, 将填入 ${input.year} 年度, 请确认。`);
  if (parsed.meta.unit !== null && !namesMatch(parsed.meta.unit, input.unitName))
    notes.push(`原文的单位是“${parsed.meta.unit}”, 与本单位“${input.unitName}”不同, 请确认。`);
  if (parsed.meta.format === null) notes.push('原文中没有找到任何表格, 表格单元格均为空。');
  // A report for `year` is published after the year ends; an earlier date belongs to another report.
  let publishedAt = published.publishedAt;
  if (publishedAt !== null && publishedAt < `${input.year + 1}-01-01`) {
    notes.push(`原文的发布日期 ${publishedAt} 早于 ${input.year} 年度结束, 未采用; 请填写本年度报告的发布日期。`);
    publishedAt = null;
  }
  const checks: ReportCheck[] = [
    ...checkStoredReport(
      { format, year: input.year, cells: adapted.cells, sectionSix: parts.six, sections: parsed.meta.sections },
      context,
    ),
    // 一、总体情况 against the tables (S6) can only be read from the source text.
    ...parsed.checks.filter((c) => c.rule === 'S6'),
  ];
  return {
    parsed,
    format,
    cells: adapted.cells,
    sources: adapted.sources,
    importMeta: {
      fileName: input.fileName,
      input: parsed.meta.input,
      parsedUnit: parsed.meta.unit,
      parsedYear: parsed.meta.year,
      parsedFormat: parsed.meta.format,
      sections: parsed.meta.sections,
      traditional: parsed.meta.traditional,
      unresolved: adapted.unresolved,
      warnings: parsed.warnings.slice(0, 50),
    },
    sectionOne: parts.one,
    sectionFive: parts.five,
    sectionSix: parts.six,
    publishedAt,
    checks,
    notes,
  };
}

/** The dashboard's import panel: parse for the unit's report of a year, save nothing. */
export async function parseReportForConfirmation(ctx: Authed, input: z.output<typeof reportParseInputSchema>): Promise<ReportParseOutput> {
  const unit = await requireReportUnit(ctx.db, ctx.user, input.unitId);
  const bytes = input.text ?? Buffer.from(input.contentBase64 ?? '', 'base64');
  if ((typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength) > REPORT_PARSE_MAX_BYTES) throw tooLarge('文件超过 20 MB');
  if ((typeof bytes === 'string' ? bytes.trim().length : bytes.byteLength) === 0) throw invalidInput('内容为空');
  const unitKind = reportUnitKindOf(unit.kind);
  const context = await loadCheckContext(ctx.db, unit.id, unitKind, input.year);
  const read = await readReportForUnit({ fileName: input.fileName, bytes, year: input.year, unitName: unit.name, unitKind }, context);
  const { parsed: _parsed, ...output } = read;
  return output;
}
