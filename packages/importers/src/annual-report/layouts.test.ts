// Reports we write ourselves (generateReport) in every layout of spec §6, parsed back: every cell
// must come back exactly, or — where the source lost the information — null and listed unresolved.
import { describe, expect, it } from 'vitest';
import { reportParseResultSchema } from '@kaoping/contracts/annual-report/parse-result';
import type { ReportParseResult } from '@kaoping/contracts/annual-report/parse-result';
import { generateReport } from '@kaoping/domain/annual-report/generate-report';
import type { GeneratedReport } from '@kaoping/domain/annual-report/generate-report';
import type { HardRuleId } from '@kaoping/domain/annual-report/rules';
import { parseAnnualReport, parseAnnualReportText } from './parse-annual-report';
import { REPORT_LAYOUTS, renderReportDocx, renderReportPdf, renderReportText } from './render-report-text';
import type { ReportLayout } from './render-report-text';
import { isReportParseError } from './parse-error';

const SEEDS = Array.from({ length: 12 }, (_, i) => i * 7919 + 1);

/** Cells read wrong (neither equal nor null+unresolved), and cells left unresolved. */
function compare(report: GeneratedReport, parsed: ReportParseResult) {
  const wrong: string[] = [];
  const unresolved: string[] = [];
  for (const [key, value] of Object.entries(report.cells)) {
    if (parsed.cells[key] === value) continue;
    if (parsed.cells[key] === null && parsed.unresolved.includes(key)) unresolved.push(key);
    else wrong.push(`${key}: read ${String(parsed.cells[key])}, was ${String(value)}`);
  }
  return { wrong, unresolved };
}

function expectExact(report: GeneratedReport, parsed: ReportParseResult) {
  expect(compare(report, parsed)).toEqual({ wrong: [], unresolved: [] });
  expect(parsed.meta).toMatchObject({
    unit: report.unit,
    year: report.year,
    format: report.format,
    sections: ['一', '二', '三', '四', '五', '六'],
  });
  expect(parsed.checks.filter((c) => c.severity === 'error')).toEqual([]);
  expect(Object.keys(parsed.sources)).toHaveLength(Object.values(report.cells).filter((v) => v !== null).length);
}

describe.each([2021, 2019] as const)('%i format', (format) => {
  const exactLayouts = REPORT_LAYOUTS.filter((l) => l !== 'run-together');

  it.each(exactLayouts)('%s: every cell back exactly', (layout: ReportLayout) => {
    for (const seed of SEEDS) {
      const report = generateReport({ seed, format });
      const parsed = parseAnnualReportText(renderReportText(report, layout), layout === 'markdown' ? { fileName: 'r.md' } : {});
      expectExact(report, parsed);
      expect(parsed.meta.input).toBe(layout === 'word-html' ? 'html' : layout === 'markdown' ? 'markdown' : 'text');
    }
  });

  it('traditional script with inline pinyin (content-farm mirror)', () => {
    for (const seed of SEEDS) {
      const report = generateReport({ seed, format });
      const text = renderReportText(report, 'pdf-text', { traditional: true, pinyin: true });
      expect(text).toMatch(/[報請據國務開規實]\([a-zāáǎàīíǐìōóǒòūúǔù]+\)/);
      const parsed = parseAnnualReportText(text);
      expect(parsed.meta.traditional).toBe(true);
      expect(compare(report, parsed)).toEqual({ wrong: [], unresolved: [] });
    }
  });

  it('run-together crawler text: never a wrong number; 三 and 四 resolved by the hard rules', () => {
    let unresolvedActive = 0;
    for (const seed of SEEDS) {
      const report = generateReport({ seed, format });
      const text = renderReportText(report, 'run-together');
      expect(text).toMatch(/一、本年新收政府信息公开申请数量\d{7,}二、上年结转/);
      const parsed = parseAnnualReportText(text);
      const { wrong, unresolved } = compare(report, parsed);
      expect(wrong).toEqual([]);
      // Only 二 has no equation to resolve run-together digits (e.g. 规章 "1011" = 1|0|11 or 10|1|1).
      expect(unresolved.filter((k) => !k.startsWith('active'))).toEqual([]);
      unresolvedActive += unresolved.length;
      for (const key of unresolved) {
        expect(parsed.warnings.some((w) => w.includes('无法确定'))).toBe(true);
        expect(parsed.unresolved).toContain(key);
      }
    }
    expect(unresolvedActive).toBeGreaterThan(0);
  });

  it('.docx (Word tables, empty cells) and .pdf (text layer, page markers)', async () => {
    for (const seed of SEEDS.slice(0, 4)) {
      const report = generateReport({ seed, format });
      const docx = await parseAnnualReport(renderReportDocx(report), { fileName: 'r.docx' });
      expectExact(report, docx);
      expect(docx.meta.input).toBe('docx');
      // As read from disk: a Node Buffer, which pdf.js refuses unless converted.
      const pdf = await parseAnnualReport(Buffer.from(renderReportPdf(report)), { fileName: 'r.pdf' });
      expectExact(report, pdf);
      expect(pdf.meta.input).toBe('pdf');
    }
  });
});

describe('input detection and encodings', () => {
  const report = generateReport({ seed: 5, format: 2021 });

  it('detects the format from content, not the extension', async () => {
    const html = new TextEncoder().encode(renderReportText(report, 'word-html'));
    expect((await parseAnnualReport(html, { fileName: 'report.txt' })).meta.input).toBe('html');
    expect((await parseAnnualReport(renderReportPdf(report), { fileName: 'report.docx' })).meta.input).toBe('pdf');
    expect((await parseAnnualReport(renderReportDocx(report), { fileName: 'report.pdf' })).meta.input).toBe('docx');
  });

  it('reads GBK-encoded Word HTML (charset=gb2312) and GB18030 text without a declaration', async () => {
    const gbk = (s: string) => {
      // Encode through the WHATWG decoder's inverse: build a byte table for the characters used.
      const table = new Map<string, number[]>();
      const decoder = new TextDecoder('gbk');
      for (let hi = 0x81; hi <= 0xfe; hi++)
        for (let lo = 0x40; lo <= 0xfe; lo++) {
          const ch = decoder.decode(new Uint8Array([hi, lo]));
          if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
        }
      const bytes: number[] = [];
      for (const ch of s) {
        const code = ch.charCodeAt(0);
        if (code < 0x80) bytes.push(code);
        else bytes.push(...(table.get(ch) ?? [0x3f]));
      }
      return new Uint8Array(bytes);
    };
    const html = renderReportText(report, 'word-html').replace('charset=utf-8', 'charset=gb2312');
    const parsed = await parseAnnualReport(gbk(html));
    expect(compare(report, parsed)).toEqual({ wrong: [], unresolved: [] });
    const text = await parseAnnualReport(gbk(renderReportText(report, 'pipe')));
    expect(compare(report, text)).toEqual({ wrong: [], unresolved: [] });
    expect(text.warnings).toContain('文件不是 UTF-8 编码, 已按 GB18030(GBK)读取');
    const bom = await parseAnnualReport(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(renderReportText(report, 'pipe'))]));
    expect(compare(report, bom)).toEqual({ wrong: [], unresolved: [] });
  });

  it('a PDF without a text layer is a scan: a clear Chinese error', async () => {
    const scan = renderReportPdf(report, { textLayer: false });
    const error = await parseAnnualReport(scan).catch((e: unknown) => e);
    expect(isReportParseError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'scanned_pdf' });
    expect((error as Error).message).toMatch(/没有文字层.*扫描件/);
  });

  it('rejects what is not a report document with a structured error', async () => {
    const cases: [Uint8Array, string][] = [
      [new Uint8Array(), 'empty'],
      [new TextEncoder().encode('   \n\n  '), 'empty'],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'unsupported'],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'unsupported'],
      [new TextEncoder().encode('%PDF-1.7\ngarbage'), 'bad_pdf'],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('word/document.xml'), 1, 2, 3]), 'bad_docx'],
      [Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919) % 32), 'binary'],
    ];
    for (const [bytes, code] of cases) {
      const error = await parseAnnualReport(bytes).catch((e: unknown) => e);
      expect(isReportParseError(error), code).toBe(true);
      expect(error).toMatchObject({ code });
    }
  });

  it('every result satisfies the contract schema', () => {
    for (const layout of REPORT_LAYOUTS) reportParseResultSchema.parse(parseAnnualReportText(renderReportText(report, layout)));
  });
});

describe('a deliberately inconsistent report for each hard rule', () => {
  const RULES: HardRuleId[] = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7'];
  it.each(RULES)('%s: read back exactly, and exactly that rule fails', (inject) => {
    for (const format of [2021, 2019] as const)
      for (const layout of ['pipe', 'cell-per-line', 'pdf-text'] as const) {
        const report = generateReport({ seed: 11, format, inject });
        const parsed = parseAnnualReportText(renderReportText(report, layout));
        expect(compare(report, parsed)).toEqual({ wrong: [], unresolved: [] });
        const errors = parsed.checks.filter((c) => c.severity === 'error');
        expect(errors.length).toBeGreaterThan(0);
        expect(new Set(errors.map((c) => c.rule))).toEqual(new Set([inject]));
        for (const e of errors) {
          if (inject === 'H7') expect(e.message).toMatch(/应为整数/);
          else expect(e.message).toMatch(/≠ .* \(差 -?\d+\)$/);
        }
      }
  });
});
