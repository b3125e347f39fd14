// Everything a caller needs from one published report in one call: the parse result (cells,
// sources, checks, unresolved, warnings), the text of parts 一/五/六 as written, and the publication
// date printed near the title. Callers never reach into the reader's internals for these.
import type { ReportParseResult } from '@kaoping/contracts/annual-report/parse-result';
import { isTraditional, normalizeLine, toSimplified } from './normalize-text';
import { parseReportSource } from './parse-annual-report';
import type { ParseAnnualReportOptions } from './parse-annual-report';
import { findSections, sectionLines, splitInlineHeadings } from './read-meta';
import { readReportSource } from './read-source';
import type { ReportSource } from './read-source';

export interface ReportPartTexts {
  /** 一、总体情况 */
  one: string;
  /** 五、存在的主要问题及改进情况 */
  five: string;
  /** 六、其他需要报告的事项 */
  six: string;
}

export interface PublishedReport {
  parsed: ReportParseResult;
  parts: ReportPartTexts;
  /** `YYYY-MM-DD` printed near the title (发布日期/发布时间/日期), or null. */
  publishedAt: string | null;
}

const PART_MAX_CHARS = 50_000;

/** Text of parts 一, 五, 六, lines kept; a line split around a glued heading contributes only its own part. */
export function readPartTexts(source: ReportSource, traditional: boolean): ReportPartTexts {
  const lines = splitInlineHeadings(source.lines.map((l) => ({ text: normalizeLine(l.text, traditional), line: l.line })));
  const pieces = new Map<number, number>();
  for (const l of lines) pieces.set(l.line, (pieces.get(l.line) ?? 0) + 1);
  const original = new Map<number, string>();
  for (const l of source.lines) if (!original.has(l.line)) original.set(l.line, l.text);
  const sections = findSections(lines);
  const text = (numeral: string) => {
    const part = sectionLines(lines, sections, numeral);
    if (!part) return '';
    const seen = new Set<number>();
    const out: string[] = [];
    for (const l of part) {
      // A whole source line keeps its original wording (full-width punctuation); a piece of a
      // crawler line is the piece itself.
      const whole = (pieces.get(l.line) ?? 1) === 1;
      if (whole && seen.has(l.line)) continue;
      seen.add(l.line);
      const raw = whole ? (original.get(l.line) ?? l.text) : l.text;
      const t = raw.trim();
      if (t !== '') out.push(whole && traditional ? toSimplified(t) : t);
    }
    return out.join('\n').slice(0, PART_MAX_CHARS);
  };
  return { one: text('一'), five: text('五'), six: text('六') };
}

const DATE_NEAR_TITLE = /(?:发布|日期|时间|印发|发文)\s*[:：]?\s*(20\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;

/** A publication date written near the title (日期:2022-01-26, 发布时间：2025-01-20), if any. */
export function findPublishedDate(source: ReportSource): string | null {
  for (const l of source.lines.slice(0, 40)) {
    const m = DATE_NEAR_TITLE.exec(l.text.slice(0, 4000));
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}

/** A source already read (see read-source) → parse result, part texts, publication date. */
export function readPublishedReportSource(source: ReportSource, options: ParseAnnualReportOptions = {}): PublishedReport {
  const parsed = parseReportSource(source, options);
  const traditional =
    parsed.meta.traditional ||
    isTraditional(
      source.lines
        .slice(0, 200)
        .map((l) => l.text)
        .join('\n'),
    );
  return { parsed, parts: readPartTexts(source, traditional), publishedAt: findPublishedDate(source) };
}

/** Bytes or text of any supported file → parse result, part texts, publication date. */
export async function readPublishedReport(input: Uint8Array | string, options: ParseAnnualReportOptions = {}): Promise<PublishedReport> {
  return readPublishedReportSource(await readReportSource(input, options.fileName), options);
}
