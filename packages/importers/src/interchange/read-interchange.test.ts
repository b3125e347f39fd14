import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { schemeSchema } from '@kaoping/contracts/scoring/scheme';
import { compileScheme, type CompiledScheme } from '@kaoping/domain/scoring/compile-scheme';
import { formatImportIssue, formatImportIssues, type ImportResult } from './import-issue';
import {
  readEventsFile,
  readFindingsFile,
  readRectificationsFile,
  readScoresFile,
  readUnitsFile,
  toImportIssues,
  type UnitsContext,
} from './read-interchange';
import type { TableFile } from './read-table';

const exampleDir = new URL('../../../../fixtures/scoring-example/', import.meta.url);
const exampleFile = (name: string): TableFile => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, exampleDir))) });
const csv = (name: string, text: string): TableFile => ({ name, bytes: new TextEncoder().encode(text) });

let scheme: CompiledScheme;
let ctx: UnitsContext;

beforeAll(async () => {
  const compiled = compileScheme(schemeSchema.parse(JSON.parse(readFileSync(new URL('scheme.json', exampleDir), 'utf8'))));
  if (!compiled.ok) throw new Error(compiled.issues.join('\n'));
  scheme = compiled.scheme;
  const units = await readUnitsFile(exampleFile('units.csv'), { scheme });
  if (!units.ok) throw new Error(formatImportIssues(units.issues).join('\n'));
  ctx = { scheme, units: new Map(units.value.rows.map((u) => [u.code, u])) };
});

/** The Chinese lines of a failed import (and proof that nothing was returned). */
function problems<T>(result: ImportResult<T>): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues.map(formatImportIssue);
}

describe('the spec example files', () => {
  it('read without problems, with file row numbers', async () => {
    const scores = await readScoresFile(exampleFile('scores.csv'), ctx);
    const findings = await readFindingsFile(exampleFile('findings.csv'), ctx);
    const events = await readEventsFile(exampleFile('events.csv'), ctx);
    const rects = await readRectificationsFile(exampleFile('rectifications.csv'), ctx);
    if (!scores.ok || !findings.ok || !events.ok || !rects.ok) throw new Error('example rejected');
    expect(scores.value.rows).toHaveLength(94);
    expect(scores.value.rowNumbers.slice(0, 3)).toEqual([2, 3, 4]);
    expect(scores.value.rows[0]).toEqual({ unit: 'A01', period: '2025Q2', indicator: '1.1', value: 'a;b;c' });
    expect(findings.value.rows[4]).toEqual({
      unit: 'B202',
      period: '2025Q3',
      indicator: '1.2',
      count: 2,
      deduction: 2.5,
      description: '政策文件栏目六个月未更新',
      url: '',
    });
    expect(rects.value.rows[2]).toEqual({ unit: 'B202', period: '2025Q3', item: 'ZG-003', due: '2025-09-30', closed: null, rejected: 0 });
    expect(events.value.rows).toHaveLength(6);
  });
});

describe('headers', () => {
  it('lists missing, unknown and repeated columns', async () => {
    expect(problems(await readScoresFile(csv('scores.csv', 'unit,period,indicatr,value,value\nA01,2025Q3,1.1,a\n'), ctx))).toEqual([
      'scores.csv 第1行 indicatr 列:未知的列(应为 unit,period,indicator,value)',
      'scores.csv 第1行 value 列:列名重复',
      'scores.csv 第1行 indicator 列:表头缺少必需的列 indicator',
    ]);
  });

  it('accepts columns in any order, upper case, a BOM, CRLF and omitted optional columns', async () => {
    const result = await readFindingsFile(csv('findings.csv', '\uFEFFINDICATOR,Unit,period\r\n1.2,A01,2025Q3\r\n'), ctx);
    expect(result.ok && result.value.rows).toEqual([
      { unit: 'A01', period: '2025Q3', indicator: '1.2', count: 1, deduction: null, description: '', url: '' },
    ]);
  });

  it('rejects an empty file', async () => {
    expect(problems(await readScoresFile(csv('scores.csv', ''), ctx))).toEqual(['scores.csv:文件为空(缺少表头)']);
  });
});

describe('rows', () => {
  it('names file, row, column and reason for each bad score row, and returns nothing', async () => {
    const text = [
      'unit,period,indicator,value',
      'A01,2025Q3,1.1,a;b', // fine
      'A01,2025Q5,1.2,', // bad period
      'Z99,2025Q3,1.3,优', // unknown unit
      'A01,2025Q3,9.9,1', // unknown indicator
      'A01,2025Q3,2.2,16', // manual out of range
      'A02,2025Q3,1.1,a;d', // unknown checklist item
      'A01,2024Q3,1.3,优', // other year
      'A01,2025Q3,1.1,a', // duplicate of row 2
      'B201,2025Q3,1.3,优', // not applicable to B2
      'A01,2025Q3,1,5', // not a leaf
      'A01,2025Q3,3.2,99.5,extra', // too many cells
      'A01,2025Q3,3.1,是', // binary
    ].join('\n');
    expect(problems(await readScoresFile(csv('scores.csv', text), ctx))).toEqual([
      'scores.csv 第3行 period 列:期次应为季度,如 2025Q3',
      'scores.csv 第4行 unit 列:单位 Z99 不在单位文件中',
      'scores.csv 第5行 indicator 列:指标 9.9 不在方案 JL-2025 中',
      'scores.csv 第6行 value 列:指标 2.2:得分 16 超出 [0, 15]',
      'scores.csv 第7行 value 列:指标 1.1:检查项 d 不存在(可选:a、b、c)',
      'scores.csv 第8行 period 列:期次 2024Q3 不在方案 JL-2025 的年度 2025 内',
      'scores.csv 第9行 indicator 列:与第2行重复(同一单位、期次、指标只能有一行)',
      'scores.csv 第10行 value 列:指标 1.3 不适用于单位 B201(分组 B2),只能填 na 或留空',
      'scores.csv 第11行 indicator 列:指标 1 不是末级指标,不能直接打分',
      'scores.csv 第12行:第 5 列超出表头(表头只有 4 列)',
      'scores.csv 第13行 value 列:指标 3.1:应为 1 或 0,实际为 “是”',
    ]);
  });

  it('checks findings, events and rectifications against the scheme', async () => {
    const findings =
      'unit,period,indicator,count,deduction,description,url\nA01,2025Q3,1.1,1,,,\nA01,2025Q3,1.2,1.5,,,\nA01,2025Q3,1.2,1,-2,,\n"A01",2025Q3,1.2,2,,"含,逗号的""描述""",\n';
    expect(problems(await readFindingsFile(csv('findings.csv', findings), ctx))).toEqual([
      'findings.csv 第2行 indicator 列:指标 1.1 不是扣分项(deduct),不能登记问题',
      'findings.csv 第3行 count 列:问题数量应为不超过 9999999 的非负整数',
      'findings.csv 第4行 deduction 列:扣分应为不超过三位小数的非负数',
    ]);
    expect(problems(await readEventsFile(csv('events.csv', 'unit,period,code,note\nA01,2025Q3,V9,\n'), ctx))).toEqual([
      'events.csv 第2行 code 列:事项编码 V9 不是方案中的否决项、加分项或重大扣分项',
    ]);
    const rects =
      'unit,period,item,due,closed,rejected\nA01,2025Q3,R1,2025-02-30,,0\nA01,2025Q3,R2,2025-10-01,,0\nA01,2025Q3,R3,2025-08-01,08/09/2025,x\nA01,2025Q3,R4,2025-08-01,,\nA01,2025Q3,R4,2025-08-02,,\n';
    expect(problems(await readRectificationsFile(csv('rectifications.csv', rects), ctx))).toEqual([
      'rectifications.csv 第2行 due 列:日期应为有效的 YYYY-MM-DD',
      'rectifications.csv 第3行 due 列:整改时限 2025-10-01 不在期次 2025Q3(2025-07-01 至 2025-09-30)内',
      'rectifications.csv 第4行 closed 列:销号日期应为有效的 YYYY-MM-DD,未销号留空',
      'rectifications.csv 第4行 rejected 列:复查未通过次数应为不超过 9999999 的非负整数',
      'rectifications.csv 第6行 item 列:整改事项 R4 与第5行重复',
    ]);
  });

  it('parses quoted cells with commas and quotes', async () => {
    const result = await readFindingsFile(
      csv('findings.csv', 'unit,period,indicator,count,deduction,description,url\nA01,2025Q3,1.2,2,,"含,逗号的""描述""",\n'),
      ctx,
    );
    expect(result.ok && result.value.rows[0]?.description).toBe('含,逗号的"描述"');
  });

  it('checks units: duplicates, groups, kinds, parents', async () => {
    const text =
      'code,name,group,kind,parent,tags\nA01,甲,A,county_gov,,网站;新媒体\nA01,乙,A,county_gov,,\nA02,丙,C,county_gov,,\nA03,丁,A,ministry,,\nA04,戊,A,township,A99,\nA05,己,A,township,A05,\n';
    expect(problems(await readUnitsFile(csv('units.csv', text), { scheme }))).toEqual([
      'units.csv 第3行 code 列:单位编码 A01 与第2行重复',
      'units.csv 第4行 group 列:分组 C 不在方案 JL-2025 中(可选:A、B1、B2)',
      'units.csv 第5行 kind 列:单位类型应为 county_gov、city_dept、township、street、other 之一',
      'units.csv 第7行 parent 列:上级单位不能是自己',
      'units.csv 第6行 parent 列:上级单位 A99 不在单位文件中',
    ]);
    const ok = await readUnitsFile(csv('units.csv', 'code,name,group,kind,tags\nA01,甲,A,county_gov, 网站 ; 新媒体 \n'), { scheme });
    expect(ok.ok && ok.value.rows[0]).toEqual({
      code: 'A01',
      name: '甲',
      group: 'A',
      kind: 'county_gov',
      parent: null,
      tags: ['网站', '新媒体'],
    });
  });

  it('maps engine issues back to file rows', () => {
    expect(
      toImportIssues([{ source: 'scores', index: 1, column: 'value', message: '坏' }], {
        scores: { name: 'scores.csv', rowNumbers: [2, 5] },
      }).map(formatImportIssue),
    ).toEqual(['scores.csv 第5行 value 列:坏']);
  });

  it('caps the listing and counts the rest', () => {
    const issues = Array.from({ length: 205 }, (_, i) => ({ file: 'a.csv', row: i + 2, column: null, message: 'x' }));
    const lines = formatImportIssues(issues);
    expect(lines).toHaveLength(201);
    expect(lines[200]).toBe('…另有 5 处错误');
  });
});

describe('junk', () => {
  it('rejects binary junk, non-UTF-8 text and 10 MB of junk', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(problems(await readScoresFile({ name: 'scores.csv', bytes: junk }, ctx))).toEqual(['scores.csv:不是文本文件(包含二进制内容)']);
    const gbk = new Uint8Array([0x75, 0x6e, 0x69, 0x74, 0x0a, 0xbd, 0xad, 0xc1, 0xd9]); // "unit\n江临" in GBK
    expect(problems(await readScoresFile({ name: 'scores.csv', bytes: gbk }, ctx))[0]).toMatch(/^scores\.csv:不是 UTF-8 编码的文本/);
    const big = new Uint8Array(10 * 1024 * 1024 + 1).map((_, i) => 0x80 + (i % 64));
    expect(problems(await readScoresFile({ name: 'scores.csv', bytes: big }, ctx))[0]).toMatch(/不是 UTF-8 编码的文本/);
    expect(problems(await readScoresFile({ name: 'scores.xlsx', bytes: big }, ctx))).toEqual([
      'scores.xlsx:文件大小 10.0 MB 超过上限 10 MB',
    ]);
  });

  it('rejects an .xlsx that is not a workbook, a zip bomb and an old .xls', async () => {
    expect(problems(await readScoresFile(csv('scores.xlsx', 'unit,period\n'), ctx))[0]).toMatch(/^scores\.xlsx:不是有效的 Excel 工作簿/);
    expect(problems(await readScoresFile({ name: 'scores.xlsx', bytes: zipSync({ 'a.txt': strToU8('x') }) }, ctx))[0]).toMatch(
      /没有 xl\/workbook\.xml/,
    );
    const bomb = zipSync(
      {
        '[Content_Types].xml': strToU8('<T/>'),
        'xl/workbook.xml': strToU8('<w/>'),
        'xl/worksheets/sheet1.xml': new Uint8Array(64 * 1024 * 1024),
      },
      { level: 9 },
    );
    expect(problems(await readScoresFile({ name: 'scores.xlsx', bytes: bomb }, ctx))[0]).toMatch(/疑似压缩炸弹/);
    expect(problems(await readScoresFile(csv('scores.xls', 'x'), ctx))).toEqual([
      'scores.xls:不支持旧版 .xls 格式,请另存为 .xlsx 或 CSV UTF-8',
    ]);
    // a CSV name on xlsx bytes
    expect(problems(await readScoresFile({ name: 'scores.csv', bytes: zipSync({ 'a.txt': strToU8('x') }) }, ctx))[0]).toMatch(
      /这是一个 zip\/xlsx 文件,不是 CSV/,
    );
  });
});

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Sheet1');
  for (const r of rows) sheet.addRow(r);
  wb.addWorksheet('ignored').addRow(['not read']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('.xlsx', () => {
  it('reads the first sheet like a CSV: numbers, dates, rich text, formulas, blank rows', async () => {
    const bytes = await xlsx([
      ['unit', 'period', 'item', 'due', 'closed', 'rejected'],
      ['A02', '2025Q3', 'ZG-001', new Date(Date.UTC(2025, 7, 15)), '2025-08-20', 1],
      [],
      [
        'A02',
        '2025Q3',
        { richText: [{ text: 'ZG-' }, { text: '002' }] },
        '2025-09-10',
        new Date(Date.UTC(2025, 8, 9)),
        { formula: '1-1', result: 0 },
      ],
    ]);
    const result = await readRectificationsFile({ name: 'rectifications.xlsx', bytes }, ctx);
    if (!result.ok) throw new Error(result.issues.map(formatImportIssue).join('\n'));
    expect(result.value.rows).toEqual([
      { unit: 'A02', period: '2025Q3', item: 'ZG-001', due: '2025-08-15', closed: '2025-08-20', rejected: 1 },
      { unit: 'A02', period: '2025Q3', item: 'ZG-002', due: '2025-09-10', closed: '2025-09-09', rejected: 0 },
    ]);
    expect(result.value.rowNumbers).toEqual([2, 4]);
  });

  it('reports bad cells with the sheet row number', async () => {
    const bytes = await xlsx([
      ['unit', 'period', 'indicator', 'value'],
      ['A01', '2025Q3', '2.2', 13.5],
      ['A01', '2025Q3', '3.2', 0.1 + 0.2],
      ['A01', '2025Q3', '3.1', { error: '#N/A' } as ExcelJS.CellErrorValue],
    ]);
    expect(problems(await readScoresFile({ name: 'scores.xlsx', bytes }, ctx))).toEqual(['scores.xlsx 第4行:第 4 列单元格是错误值 #N/A']);
    const bytes2 = await xlsx([
      ['unit', 'period', 'indicator', 'value'],
      ['A01', '2025Q3', '3.2', 0.1 + 0.2],
    ]);
    expect(problems(await readScoresFile({ name: 'scores.xlsx', bytes: bytes2 }, ctx))).toEqual([
      'scores.xlsx 第2行 value 列:指标 3.2:应为 0–100 的百分比(最多三位小数),实际为 “0.30000000000000004”',
    ]);
  });
});
