import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDocxBomb } from '../../test/zip-bomb';
import { proposeSchemeDocument, proposeSchemeIsolated } from './propose-scheme-document';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../fixtures/scheme/${name}`, import.meta.url)));

/** The longest stall of this process's event loop while `work` runs (20 ms ticker). */
async function maxStall<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  let last = Date.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    stallMs = Math.max(stallMs, Date.now() - last);
    last = Date.now();
  }, 20);
  try {
    return { value: await work(), stallMs };
  } finally {
    clearInterval(ticker);
  }
}

describe('proposing a scheme from an upload in a limited child process', () => {
  it('gives the same proposal as reading in-process (.xlsx and .doc)', async () => {
    for (const name of ['district-portal-website-2023.xlsx', 'shicheng-2018-river-chief.doc']) {
      const options = { year: 2026, fileName: name };
      const isolated = await proposeSchemeIsolated(fixture(name), options);
      expect(isolated.ok).toBe(true);
      expect(isolated).toEqual(await proposeSchemeDocument(fixture(name), options));
    }
  }, 60_000);

  it('refuses a .docx zip bomb whose headers lie, with a Chinese reason, never stalling the event loop', async () => {
    const bomb = buildDocxBomb(100, { lieAboutSize: true });
    const { value, stallMs } = await maxStall(() => proposeSchemeIsolated(bomb, { year: 2026, fileName: '细则.docx' }));
    expect(value).toEqual({
      ok: false,
      errors: [{ where: '细则.docx', row: null, message: 'Word 文档解压后超过 50 MB,疑似压缩炸弹,已拒绝' }],
      warnings: [],
    });
    expect(stallMs).toBeLessThan(1000);
  }, 90_000);

  it('stops a read that runs past its time or its heap, and says so in Chinese', async () => {
    const slow = await proposeSchemeIsolated(
      fixture('shicheng-2018-river-chief.docx'),
      { year: 2026, fileName: 'x.docx' },
      { timeoutMs: 200, maxHeapMb: 256 },
    );
    expect(slow.ok ? null : slow.errors[0]?.message).toMatch(/^读取文件超时\(超过 0\.2 秒\),文件可能已损坏或过于复杂,已停止/);
    // 40 MB of text inside the zip limit, far beyond a 32 MB heap once mammoth reads it.
    const big = buildDocxBomb(40);
    const heavy = await proposeSchemeIsolated(big, { year: 2026, fileName: 'big.docx' }, { timeoutMs: 60_000, maxHeapMb: 32 });
    expect(heavy.ok ? null : heavy.errors[0]?.message).toBe('读取文件所需内存超过 32 MB 上限,文件可能是压缩炸弹或过于复杂,已停止');
  }, 120_000);
});
