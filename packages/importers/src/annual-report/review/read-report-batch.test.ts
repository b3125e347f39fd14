import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readReportBatch } from './read-report-batch';

const enc = (s: string) => new TextEncoder().encode(s);
const report = (unit: string) =>
  `${unit}2024年政府信息公开工作年度报告\n发布日期：2025-01-20\n一、总体情况\n无。\n四、政府信息公开行政复议、行政诉讼情况\n| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n`;

describe('readReportBatch', () => {
  it('reads loose files and the files of a .zip in a worker, and names files it cannot read', async () => {
    const zip = zipSync({ 'reports/b.txt': enc(report('乙镇人民政府')), '__MACOSX/._b.txt': enc('x'), 'reports/notes.xlsx': enc('x') });
    const progress: number[] = [];
    const read = await readReportBatch(
      [
        { fileName: 'a.txt', bytes: enc(report('甲镇人民政府')) },
        { fileName: 'city.zip', bytes: zip },
        { fileName: 'empty.txt', bytes: enc('') },
      ],
      { year: 2024, onProgress: (done) => progress.push(done) },
    );
    expect(read.map((r) => [r.fileName, r.report?.parsed.meta.unit ?? null, r.error !== null])).toEqual([
      ['a.txt', '甲镇人民政府', false],
      ['b.txt', '乙镇人民政府', false],
      ['empty.txt', null, true],
    ]);
    expect(read[0]?.report?.publishedAt).toBe('2025-01-20');
    expect(read[0]?.report?.parsed.cells['review.total']).toBe(0);
    expect(progress).toEqual([3]);
  });

  it('refuses a .zip that is not one', async () => {
    const read = await readReportBatch([{ fileName: 'broken.zip', bytes: enc('PK\u0003\u0004garbage') }], { year: null });
    expect(read).toHaveLength(1);
    expect(read[0]?.error).toMatch(/压缩包/);
  });
});
