// Golden tests on the real samples in fixtures/annual-reports/samples.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reportParseResultSchema } from '@kaoping/contracts/annual-report/parse-result';
import { reportCellKeys, templateCellKeys } from '@kaoping/domain/annual-report/template';
import { parseAnnualReport, parseAnnualReportText } from './parse-annual-report';

const samples = fileURLToPath(new URL('../../../../fixtures/annual-reports/samples/', import.meta.url));
const sample = (name: string) => readFileSync(`${samples}${name}`);

describe('huaian-city-2024 (PDF text, 2021 layout): every cell as read by hand', async () => {
  const expected = JSON.parse(sample('huaian-city-2024-annual-report-pdf-text.expected.json').toString('utf8')) as {
    meta: { unit: string; year: number; format: number };
    cells: Record<string, number>;
    violations: unknown[];
  };
  const result = await parseAnnualReport(sample('huaian-city-2024-annual-report-pdf-text.txt'), { fileName: 'huaian.txt' });

  it('matches expected.json cell for cell', () => {
    expect(result.cells).toEqual(expected.cells);
    expect(result.unresolved).toEqual([]);
  });

  it('reads unit, year, format and all six parts', () => {
    expect(result.meta).toEqual({
      unit: expected.meta.unit,
      year: expected.meta.year,
      format: expected.meta.format,
      sections: ['一', '二', '三', '四', '五', '六'],
      input: 'text',
      traditional: false,
    });
  });

  it('finds no violation (the narrative agrees with the tables too)', () => {
    expect(expected.violations).toEqual([]);
    expect(result.checks).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('keeps the source line of every cell', () => {
    expect(Object.keys(result.sources).sort()).toEqual(Object.keys(expected.cells).sort());
    expect(result.sources['active.licensing.decisions']).toEqual({ line: 69, text: '行政许可 447228', span: [5, 11], settled: 'read' });
    expect(result.sources['apply.new.natural']?.line).toBe(93);
    expect(result.sources['apply.result.partial.total']?.line).toBe(105);
    expect(result.sources['apply.result.unable.needs_creation.natural']?.line).toBe(118); // after the page marker
    expect(result.sources['apply.result.other.no_correction.total']?.line).toBe(133); // numbers on their own line
    expect(result.sources['apply.carried_out.total']?.line).toBe(140);
    expect(result.sources['litigation.after_review.total']?.line).toBe(171);
  });

  it('is valid against the contract schema', () => {
    expect(reportParseResultSchema.parse(result)).toEqual(result);
  });
});

describe('002 (2021 township report in the 2019 layout, one cell per line)', async () => {
  const result = await parseAnnualReport(sample('002_50ea10f2717e5a1e.txt'));

  it('is read as the 2019 format with every key present', () => {
    expect(result.meta).toMatchObject({
      unit: '酉阳土家族苗族自治县李溪镇人民政府',
      year: 2021,
      format: 2019,
      sections: ['一', '二', '三', '四', '五', '六'],
    });
    expect(Object.keys(result.cells)).toEqual([...reportCellKeys(2019)]);
  });

  it('reads the zeros of every printed cell, the single (六) row into apply.result.other.sum', () => {
    const missing = ['active2019.procurement.items', 'active2019.procurement.amount'];
    for (const key of templateCellKeys(2019)) expect(result.cells[key], key).toBe(missing.includes(key) ? null : 0);
    expect(result.cells['apply.result.other.sum.total']).toBe(0);
    expect(result.cells['apply.result.other.misc.total']).toBeNull();
    expect(result.cells['active2019.licensing.delta']).toBe(0);
    expect(result.unresolved).toEqual([]);
    expect(result.sources['apply.new.natural']).toEqual({ line: 148, text: '0', span: [0, 1], settled: 'read' });
  });

  it('says what is wrong: 2019 tables in a 2021 report, no (九) row, 六 silent on fees', () => {
    expect(result.warnings).toEqual(['二、主动公开政府信息情况: 表格中没有找到 政府集中采购 一行, 其单元格为空']);
    expect(result.checks.map((c) => [c.rule, c.severity])).toEqual([
      ['H7', 'error'],
      ['S7', 'warning'],
      ['S7', 'warning'],
    ]);
    expect(result.checks[0]?.cells).toEqual(['active2019.procurement.items', 'active2019.procurement.amount']);
    expect(result.checks[1]?.message).toContain('格式错误');
  });
});

describe('004 (2022 department report in traditional script, tables only as headings)', async () => {
  const result = await parseAnnualReport(sample('004_aefcde8288a9dad5.txt'));

  it('converts the script, finds the parts, unit and year', () => {
    expect(result.meta).toEqual({
      unit: '开平市科工商务局',
      year: 2022,
      format: null,
      sections: ['一', '二', '三', '四', '五', '六'],
      input: 'text',
      traditional: true,
    });
  });

  it('reports the three tables as missing and leaves every cell null (not 0, not unresolved)', () => {
    expect(result.warnings).toEqual([
      '原文为繁体字, 已转换为简体字(OpenCC)后识别',
      '二、主动公开政府信息情况: 只有标题, 没有找到表格, 该部分单元格均为空',
      '三、收到和处理政府信息公开申请情况: 只有标题, 没有找到表格, 该部分单元格均为空',
      '四、政府信息公开行政复议、行政诉讼情况: 只有标题, 没有找到表格, 该部分单元格均为空',
    ]);
    expect(Object.keys(result.cells)).toEqual([...reportCellKeys(2021)]);
    expect(Object.values(result.cells).every((v) => v === null)).toBe(true);
    expect(result.unresolved).toEqual([]);
    expect(result.sources).toEqual({});
  });

  it('checks: one 未填写 error per hard rule, and 六 does mention 信息处理费', () => {
    expect(result.checks.map((c) => c.rule)).toEqual(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7']);
    expect(result.checks.every((c) => c.severity === 'error' && c.message.includes('未填写'))).toBe(true);
  });
});

describe('provenance spans', () => {
  it('points at the digits of each cell, also inside a crawler line, and says when the hard rules settled a row', () => {
    // Seven digits run together for seven columns: one digit each is the only reading (1+2+0+0+0+0 = 3).
    const result = parseAnnualReportText(
      '三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量1200003二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
    );
    const cols = ['natural', 'commercial', 'research', 'social', 'legal_service', 'other_org', 'total'];
    expect(cols.map((c) => result.cells[`apply.new.${c}`])).toEqual([1, 2, 0, 0, 0, 0, 3]);
    const digit = (key: string) => {
      const s = result.sources[key];
      return s?.span ? s.text.slice(s.span[0], s.span[1]) : null;
    };
    expect([digit('apply.new.commercial'), digit('apply.new.total')]).toEqual(['2', '3']);
    expect(result.sources['apply.new.total']?.span).toEqual([22, 23]);
    expect(result.sources['apply.new.natural']?.settled).toBe('rule');
    expect(result.sources['apply.carried_in.total']?.settled).toBe('read');
  });
});
