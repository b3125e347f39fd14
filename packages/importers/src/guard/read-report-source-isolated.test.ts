import { describe, expect, it } from 'vitest';
import { buildDocxBomb } from '../../test/zip-bomb';
import { makeDocx } from '../annual-report/fixture-documents';
import { ReportParseError } from '../annual-report/parse-error';
import { readReportSourceIsolated } from './read-report-source-isolated';
import { checkZipArchive, DOCX_LIMITS } from './zip-guard';

/** Runs `work` while a 20 ms ticker measures the longest stall of the main thread's event loop. */
async function withStallMeter<T>(
  work: () => Promise<T>,
): Promise<{ result: PromiseSettledResult<T>; maxStallMs: number; elapsedMs: number }> {
  let last = Date.now();
  let maxStallMs = 0;
  const ticker = setInterval(() => {
    const now = Date.now();
    maxStallMs = Math.max(maxStallMs, now - last);
    last = now;
  }, 20);
  const started = Date.now();
  const [result] = await Promise.allSettled([work()]);
  clearInterval(ticker);
  return { result, maxStallMs, elapsedMs: Date.now() - started };
}

// Built once: deflating 400 MB takes seconds on a busy machine.
const honestBomb = buildDocxBomb(400);
const lyingBomb = buildDocxBomb(400, { lieAboutSize: true });

describe('zip guard', () => {
  it('refuses a .docx whose document.xml inflates to 400 MB, from the headers', () => {
    const bomb = honestBomb;
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(checkZipArchive(bomb, DOCX_LIMITS)).toMatch(/^Word 文档解压后大小 400 MB 超过上限 64 MB,疑似压缩炸弹/);
  });

  it('refuses it by inflating when the headers lie, stopping at the limit', () => {
    const bomb = lyingBomb;
    const started = Date.now();
    expect(checkZipArchive(bomb, DOCX_LIMITS)).toBe('Word 文档解压后超过 64 MB,疑似压缩炸弹,已拒绝');
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 60_000);
});

describe('reading an upload in a worker', () => {
  it('reads a real .docx the same as in-process', async () => {
    const bytes = makeDocx(['江临市人民政府2025年政府信息公开工作年度报告', '一、总体情况']);
    const source = await readReportSourceIsolated(bytes, 'r.docx');
    expect(source.input).toBe('docx');
    expect(source.lines.map((l) => l.text)).toEqual(['江临市人民政府2025年政府信息公开工作年度报告', '一、总体情况']);
  });

  it('refuses the lying zip bomb with a Chinese ReportParseError, in bounded time, never stalling the event loop', async () => {
    const bomb = lyingBomb;
    const heapBefore = process.memoryUsage().heapUsed;
    const { result, maxStallMs, elapsedMs } = await withStallMeter(() => readReportSourceIsolated(bomb, 'bomb.docx'));
    expect(result.status).toBe('rejected');
    const error = (result as PromiseRejectedResult).reason as ReportParseError;
    expect(error).toBeInstanceOf(ReportParseError);
    expect(error.code).toBe('bad_docx');
    expect(error.message).toMatch(/疑似压缩炸弹/);
    expect(elapsedMs).toBeLessThan(30_000);
    expect(maxStallMs).toBeLessThan(1000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  }, 90_000);

  it('stops a document that takes too long, and one that needs too much memory', async () => {
    const bytes = makeDocx(Array.from({ length: 2000 }, (_, i) => `第 ${i} 段`));
    await expect(readReportSourceIsolated(bytes, 'slow.docx', { timeoutMs: 300, maxHeapMb: 256 })).rejects.toMatchObject({
      name: 'ReportParseError',
      code: 'timeout',
    });
    // 40 MB of text: within the zip limit, beyond a 32 MB heap.
    const big = buildDocxBomb(40);
    await expect(readReportSourceIsolated(big, 'big.docx', { timeoutMs: 60_000, maxHeapMb: 32 })).rejects.toMatchObject({
      name: 'ReportParseError',
      code: 'too_large',
    });
  }, 120_000);
});
