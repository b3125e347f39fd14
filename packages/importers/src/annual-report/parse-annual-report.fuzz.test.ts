// Fuzzing: random, truncated and mutated text, random bytes, broken .docx/.pdf. The parser must
// return a result that satisfies the contract, or throw a ReportParseError — nothing else — and
// must finish each input in bounded time.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportParseResultSchema } from '@kaoping/contracts/annual-report/parse-result';
import { generateReport } from '@kaoping/domain/annual-report/generate-report';
import { parseAnnualReport } from './parse-annual-report';
import { isReportParseError } from './parse-error';
import { renderReportDocx, renderReportPdf, renderReportText } from './render-report-text';

const samples = fileURLToPath(new URL('../../../../fixtures/annual-reports/samples/', import.meta.url));
const SAMPLES = ['huaian-city-2024-annual-report-pdf-text.txt', '002_50ea10f2717e5a1e.txt', '004_aefcde8288a9dad5.txt'].map((f) =>
  readFileSync(`${samples}${f}`),
);
const encode = (s: string) => new TextEncoder().encode(s);
const report = generateReport({ seed: 99 });
const DOCX = renderReportDocx(report);
const PDF = renderReportPdf(report);
const RUN_TOGETHER = encode(renderReportText(report, 'run-together'));

/** Words the parser reacts to, so random text reaches the table code, not just the fallbacks. */
const WORDS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
  '规章',
  '行政规范性文件',
  '行政许可',
  '行政事业性收费',
  '本年制发件数',
  '本年新制作数量',
  '本年新收政府信息公开申请数量',
  '上年结转',
  '（一）予以公开',
  '（三）不予公开',
  '1.属于国家秘密',
  '（六）其他处理',
  '3.其他',
  '（七）总计',
  '总计',
  '四、结转下年度继续办理',
  '结果维持',
  '数据1',
  '减',
  '元',
  '(其中修订16件)',
  '?',
  '/',
  '|',
  ' | ',
  '\n',
  '\n\n',
  ' ',
  '- 4 -',
  '0',
  '1',
  '12',
  '3119',
  '00000002.',
  '1200013216',
  '96171.6',
  '2024年',
  '報(bào)',
  '開',
  '%PDF-',
];
const wordSoup = fc.array(fc.constantFrom(...WORDS), { maxLength: 400 }).map((w) => encode(w.join('')));

const truncated = fc.tuple(fc.constantFrom(...SAMPLES, RUN_TOGETHER), fc.nat(), fc.nat()).map(([bytes, a, b]) => {
  const from = a % bytes.length;
  return bytes.subarray(from, from + 1 + (b % (bytes.length - from)));
});

const mutated = fc
  .tuple(fc.constantFrom(...SAMPLES), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 40 }))
  .map(([bytes, edits]) => {
    const copy = bytes.slice();
    for (const [at, value] of edits) copy[at % copy.length] = value;
    return copy;
  });

const brokenDocument = fc
  .tuple(fc.constantFrom(DOCX, PDF), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }))
  .map(([bytes, cut, edits]) => {
    const copy = bytes.slice(0, 8 + (cut % bytes.length));
    for (const [at, value] of edits) copy[8 + (at % Math.max(1, copy.length - 8))] = value;
    return copy;
  });

const binary = fc.oneof(
  fc.uint8Array({ maxLength: 6000 }),
  fc.uint8Array({ maxLength: 3000 }).map((b) => new Uint8Array([...encode('%PDF-1.4\n'), ...b])),
  fc.uint8Array({ maxLength: 3000 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b, ...encode('word/document.xml')])),
);

const text = fc.oneof(
  fc.string({ maxLength: 3000 }),
  fc.string({ unit: 'grapheme', maxLength: 2000 }),
  fc.string({ unit: 'binary', maxLength: 2000 }),
);

const LIMIT_MS = 5000; // generous: CI machines are shared; real inputs take milliseconds

async function outcome(input: Uint8Array | string): Promise<void> {
  const started = performance.now();
  try {
    const result = await parseAnnualReport(input);
    reportParseResultSchema.parse(result);
    for (const key of result.unresolved) expect(result.cells[key]).toBeNull();
  } catch (error) {
    if (!isReportParseError(error)) throw error;
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  }
  expect(performance.now() - started).toBeLessThan(LIMIT_MS);
}

describe('parser fuzzing', () => {
  it('random text and word soup', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(text, wordSoup), outcome), { numRuns: Number(process.env.FUZZ_RUNS ?? 300) });
  });

  it('truncated and mutated real reports', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(truncated, mutated), outcome), { numRuns: Number(process.env.FUZZ_RUNS ?? 300) });
  });

  it('random bytes and broken .docx / .pdf files', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(binary, brokenDocument), outcome), { numRuns: Number(process.env.FUZZ_RUNS ?? 150) });
  }, 120_000);
});
