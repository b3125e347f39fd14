// Reads a published report (pasted text, .txt/.html/.docx/.pdf) for a unit's report of a year and
// returns what would be filled — cells with their source lines, the text parts, the checks — for a
// person to confirm or correct. Nothing is saved here.
//
// An adapter over the importer: the parser gives cells, sources and meta; the text of parts 一/五/六
// and a publication date near the title are read here from the same source lines (the parser does
// not return them), and 2019-format tables are fitted onto the year's format by the domain.
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import { REPORT_PARSE_MAX_BYTES, reportParseInputSchema, type ReportParseOutput } from '@kaoping/contracts/annual-report-workflow/annual-report-record';
import type { ReportCheck, ReportUnitKind } from '@kaoping/contracts/annual-report/annual-report';
import type { ReportParseResult } from '@kaoping/contracts/annual-report/parse-result';
import { adaptParsedCells } from '@kaoping/domain/annual-report-workflow/adapt-parsed-report';
import { checkStoredReport, type StoredReportContext } from '@kaoping/domain/annual-report-workflow/check-stored-report';
import { reportFormatForYear } from '@kaoping/domain/annual-report-workflow/report-lifecycle';
import { reportUnitKindOf } from '@kaoping/domain/annual-report-workflow/report-unit-kind';
import { isTraditional, normalizeLine, toSimplified } from '@kaoping/importers/annual-report/normalize-text';
import { parseReportSource } from '@kaoping/importers/annual-report/parse-annual-report';
import { isReportParseError } from '@kaoping/importers/annual-report/parse-error';
import { findSections, sectionLines, splitInlineHeadings } from '@kaoping/importers/annual-report/read-meta';
import { readReportSource, type ReportSource } from '@kaoping/importers/annual-report/read-source';
import { loadCheckContext, requireReportUnit, type Authed } from './annual-report.service';

export interface ReadReportInput {
  fileName: string | null;
  bytes: Uint8Array | string;
  year: number;
  unitName: string;
  unitKind: ReportUnitKind;
}

/** Reads the source; an unreadable file becomes a Chinese BAD_REQUEST with the reader's message. */
async function readSource(bytes: Uint8Array | string, fileName: string | null): Promise<ReportSource> {
  try {
    return await readReportSource(bytes, fileName ?? undefined);
  } catch (error) {
    if (isReportParseError(error)) throw new TRPCError({ code: 'BAD_REQUEST', message: `无法读取该文件:${error.message}` });
    throw error;
  }
}

/** Text of a part (一, 五, 六) as written, lines kept, traditional script converted. */
function partTexts(source: ReportSource, traditional: boolean): { one: string; five: string; six: string } {
  const lines = splitInlineHeadings(source.lines.map((l) => ({ text: normalizeLine(l.text, traditional), line: l.line })));
  const sections = findSections(lines);
  const original = new Map<number, string>();
  for (const l of source.lines) original.set(l.line, l.text);
  const text = (numeral: string) => {
    const part = sectionLines(lines, sections, numeral);
    if (!part) return '';
    // Original wording (full-width punctuation kept), one source line once.
    const seen = new Set<number>();
    const out: string[] = [];
    for (const l of part) {
      if (seen.has(l.line)) continue;
      seen.add(l.line);
      const t = (original.get(l.line) ?? l.text).replace(/<[^>]+>/g, '').trim();
      if (t !== '') out.push(traditional ? toSimplified(t) : t);
    }
    return out.join('\n').slice(0, 50_000);
  };
  return { one: text('一'), five: text('五'), six: text('六') };
}

const DATE_NEAR_TITLE = /(?:发布|日期|时间|印发)\s*[:：]?\s*(20\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;

/** A publication date written near the title (日期:2022-01-26), if one is found in the first lines. */
export function findPublishedDate(source: ReportSource): string | null {
  for (const l of source.lines.slice(0, 40)) {
    const m = DATE_NEAR_TITLE.exec(l.text);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}

const compactName = (s: string) => s.replace(/\s+/g, '').replace(/人民政府$|办事处$/, '');

/** Same unit if one name contains the other once the city prefix and 人民政府 are set aside. */
export function namesMatch(parsed: string, registered: string): boolean {
  const a = compactName(parsed);
  const b = compactName(registered);
  return a.length >= 2 && b.length >= 2 && (a.includes(b) || b.includes(a) || a.includes(b.replace(/^.*?市/, '')));
}

export interface ReadReport extends ReportParseOutput {
  parsed: ReportParseResult;
}

/** Parse + fit onto the report of `year` + check with the unit's context. Throws BAD_REQUEST when unreadable. */
export async function readReportForUnit(input: ReadReportInput, context: StoredReportContext): Promise<ReadReport> {
  const source = await readSource(input.bytes, input.fileName);
  const parsed = parseReportSource(source, { unitKind: input.unitKind });
  const format = reportFormatForYear(input.year);
  const adapted = adaptParsedCells({ format: parsed.meta.format, cells: parsed.cells, sources: parsed.sources, unresolved: parsed.unresolved }, format);
  const traditional = parsed.meta.traditional || isTraditional(source.lines.slice(0, 200).map((l) => l.text).join('\n'));
  const parts = partTexts(source, traditional);
  const notes = [...adapted.notes];
  if (parsed.meta.year !== null && parsed.meta.year !== input.year) notes.push(`原文是 ${parsed.meta.year} 年度的报告, 将填入 ${input.year} 年度, 请确认。`);
  if (parsed.meta.unit !== null && !namesMatch(parsed.meta.unit, input.unitName)) notes.push(`原文的单位是“${parsed.meta.unit}”, 与本单位“${input.unitName}”不同, 请确认。`);
  if (parsed.meta.format === null) notes.push('原文中没有找到任何表格, 表格单元格均为空。');
  // A report for `year` is published after the year ends; an earlier date belongs to another report.
  let publishedAt = findPublishedDate(source);
  if (publishedAt !== null && publishedAt < `${input.year + 1}-01-01`) {
    notes.push(`原文的发布日期 ${publishedAt} 早于 ${input.year} 年度结束, 未采用; 请填写本年度报告的发布日期。`);
    publishedAt = null;
  }
  const checks: ReportCheck[] = [
    ...checkStoredReport({ format, year: input.year, cells: adapted.cells, sectionSix: parts.six, sections: parsed.meta.sections }, context),
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
  if ((typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength) > REPORT_PARSE_MAX_BYTES) throw new TRPCError({ code: 'BAD_REQUEST', message: '文件超过 20 MB' });
  if ((typeof bytes === 'string' ? bytes.trim().length : bytes.byteLength) === 0) throw new TRPCError({ code: 'BAD_REQUEST', message: '内容为空' });
  const unitKind = reportUnitKindOf(unit.kind);
  const context = await loadCheckContext(ctx.db, unit.id, unitKind, input.year);
  const read = await readReportForUnit({ fileName: input.fileName, bytes, year: input.year, unitName: unit.name, unitKind }, context);
  const { parsed: _parsed, ...output } = read;
  return output;
}
