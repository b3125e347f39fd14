import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkXlsxArchive, MAX_XLSX_BYTES } from './xlsx-guard';

const workbookEntries = { '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') };

/** Rewrites the uncompressed sizes a zip declares (local headers and central directory). */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && i + 26 <= out.length) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && i + 28 <= out.length) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('checkXlsxArchive', () => {
  it('accepts a small workbook-shaped zip', () => {
    expect(checkXlsxArchive(zipSync(workbookEntries))).toBeNull();
  });

  it('rejects files over 10 MB before looking inside', () => {
    expect(checkXlsxArchive(new Uint8Array(MAX_XLSX_BYTES + 1))).toMatch(/^文件大小 10\.0 MB 超过上限 10 MB/);
  });

  it('rejects bytes that are not a zip', () => {
    expect(checkXlsxArchive(new TextEncoder().encode('unit,period\nA01,2025Q3\n'))).toMatch(/不是有效的 Excel 工作簿/);
    expect(checkXlsxArchive(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]))).toMatch(/已损坏/);
  });

  it('rejects a zip that is not a workbook', () => {
    expect(checkXlsxArchive(zipSync({ 'readme.txt': strToU8('hello') }))).toMatch(/没有 xl\/workbook\.xml/);
  });

  it('rejects a zip bomb by its declared size', () => {
    const bomb = zipSync({ ...workbookEntries, 'xl/worksheets/sheet1.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(MAX_XLSX_BYTES);
    expect(checkXlsxArchive(bomb)).toMatch(/解压后大小 60\.0 MB 超过上限 50 MB,疑似压缩炸弹/);
  });

  it('rejects a zip bomb that lies about its sizes, by inflating with a limit', () => {
    const bomb = lieAboutSizes(
      zipSync({ ...workbookEntries, 'xl/worksheets/sheet1.xml': new Uint8Array(80 * 1024 * 1024) }, { level: 9 }),
      100,
    );
    expect(checkXlsxArchive(bomb)).toMatch(/解压后大小超过上限 50 MB,疑似压缩炸弹/);
  });

  it('rejects too many entries', () => {
    const entries: Record<string, Uint8Array> = { ...workbookEntries };
    for (let i = 0; i < 10_001; i++) entries[`x/${i}`] = new Uint8Array(0);
    expect(checkXlsxArchive(zipSync(entries, { level: 0 }))).toMatch(/文件数 10003 过多/);
  });
});
