import ExcelJS from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { aggregateReports } from '@kaoping/domain/annual-report/aggregate-reports';
import { checkReport } from '@kaoping/domain/annual-report/check-report';
import { generateReport } from '@kaoping/domain/annual-report/generate-report';
import { renderAnnualReportDocx } from './annual-report-docx';
import type { AnnualReportDocument } from './annual-report-document';
import { renderAnnualReportXlsx } from './annual-report-xlsx';

/** One entry of a zip (the .docx container), read through the central directory. */
function readZipEntry(zip: Uint8Array, name: string): string {
  const buf = Buffer.from(zip);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buf.readUInt32LE(end + 16);
  for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    if (buf.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + extra;
  }
  throw new Error(`${name} not in zip`);
}

function summaryDocument(): AnnualReportDocument {
  const reports = [1, 2, 3].map((seed) => generateReport({ seed, year: 2025, unitKind: 'city_dept' }));
  const sum = aggregateReports(reports);
  return {
    title: '2025年江临市政府信息公开工作年度报告汇总表',
    year: 2025,
    format: 2021,
    cells: sum.cells,
    scope: '汇总 3 个单位已通过的年度报告',
    units: reports.map((r, i) => ({ code: `B10${i + 1}`, name: r.unit, versionNo: 1 })),
    checks: checkReport({ format: 2021, year: 2025, cells: sum.cells }),
  };
}

describe('city-wide summary documents', () => {
  it('writes a .docx whose tables carry the format labels, merged headers and the summed numbers', async () => {
    const doc = summaryDocument();
    const bytes = await renderAnnualReportDocx(doc);
    const xml = readZipEntry(bytes, 'word/document.xml');
    for (const label of [
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      '本年制发件数',
      '申请人情况',
      '法人或其他组织',
      '（三）不予公开',
      '属于国家秘密',
      '四、结转下年度继续办理',
      '未经复议直接起诉',
      '复议后起诉',
      '尚未审结',
    ])
      expect(xml).toContain(label);
    expect(xml).toContain(`>${doc.cells['apply.new.total']}<`);
    expect(xml).toContain('w:vMerge');
    expect(xml).toContain('w:gridSpan');
  });

  it('writes an .xlsx with the same tables, merged as in the format, plus the units and the checks', async () => {
    const doc = summaryDocument();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await renderAnnualReportXlsx(doc)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('汇总表');
    const texts: string[] = [];
    sheet?.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('（七）总计');
    expect(texts).toContain(String(doc.cells['apply.result.total.total']));
    expect(workbook.getWorksheet('汇总单位')?.rowCount).toBe(4);
    expect(workbook.getWorksheet('校验结果')?.getCell(2, 3).value).toBe('汇总数通过全部勾稽关系校验');
    const merges = (sheet as unknown as { _merges: Record<string, unknown> })._merges;
    expect(Object.keys(merges).length).toBeGreaterThan(20);
  });
});
