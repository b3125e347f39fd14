// Small hand-written reports, one per oddity of published copies (spec §6).
import { describe, expect, it } from 'vitest';
import { generateReport } from '@kaoping/domain/annual-report/generate-report';
import { APPLY_ROWS_2021 } from '@kaoping/domain/annual-report/template';
import { parseAnnualReportText } from './parse-annual-report';
import { renderReportText } from './render-report-text';

const COLUMNS = ['natural', 'commercial', 'research', 'social', 'legal_service', 'other_org', 'total'];
type Row = readonly (number | string | null)[];

/** 三 as one cell per line, blank lines between cells; a null cell vanishes (a stray empty line). */
function applyCellPerLine(rows: Record<string, Row>): string {
  const out = ['三、收到和处理政府信息公开申请情况', '', '申请人情况', '', '自然人', '', '法人或其他组织', '', '总计', ''];
  for (const r of APPLY_ROWS_2021) {
    const values = rows[r.key] ?? [0, 0, 0, 0, 0, 0, 0];
    out.push(r.label, '');
    for (const v of values) out.push(v === null ? '' : String(v), '');
  }
  out.push('四、政府信息公开行政复议、行政诉讼情况', '', '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0');
  return out.join('\n');
}

const cell = (r: ReturnType<typeof parseAnnualReportText>, key: string) => r.cells[key];

describe('blank cells that vanished in a one-cell-per-line copy', () => {
  it('are placed by the column equations when only one placement satisfies them (103 · 3 · 1 · 107)', () => {
    const text = applyCellPerLine({
      'apply.new': [103, 0, 0, 0, 3, 1, 107],
      'apply.result.unable.not_held': [103, null, null, null, 3, 1, 107],
      'apply.result.total': [103, 0, 0, 0, 3, 1, 107],
    });
    const r = parseAnnualReportText(text);
    expect(COLUMNS.map((c) => cell(r, `apply.result.unable.not_held.${c}`))).toEqual([103, null, null, null, 3, 1, 107]);
    expect(r.unresolved).toEqual([]);
    // The three blanks are 未填写 (blank ≠ 0), not a wrong sum.
    const h2 = r.checks.find((c) => c.rule === 'H2' && c.cells.includes('apply.result.unable.not_held.total'));
    expect(h2).toMatchObject({ severity: 'error', lhs: null });
    expect(h2?.message).toContain(
      '未填写: 本机关不掌握相关政府信息·商业企业、本机关不掌握相关政府信息·科研机构、本机关不掌握相关政府信息·社会公益组织',
    );
  });

  it('stay unresolved when two placements satisfy every equation — never a guess', () => {
    const text = applyCellPerLine({
      'apply.new': [5, 5, 0, 0, 0, 0, 10],
      'apply.result.granted': [5, null, null, null, null, null, 5],
      'apply.result.partial': [null, 5, null, null, null, null, 5],
      'apply.result.total': [5, 5, 0, 0, 0, 0, 10],
    });
    const r = parseAnnualReportText(text);
    expect(cell(r, 'apply.result.granted.total')).toBe(5);
    expect(cell(r, 'apply.result.granted.natural')).toBeNull();
    expect(r.unresolved).toEqual(
      expect.arrayContaining([
        'apply.result.granted.natural',
        'apply.result.granted.commercial',
        'apply.result.partial.natural',
        'apply.result.partial.commercial',
      ]),
    );
    expect(r.unresolved).not.toContain('apply.result.granted.total');
    const h3 = r.checks.filter((c) => c.rule === 'H3' && c.severity === 'warning');
    expect(h3.length).toBeGreaterThan(0);
    expect(h3[0]?.message).toContain('无法核验');
    expect(r.warnings.some((w) => w.includes('有多种读法都满足勾稽关系'))).toBe(true);
  });
});

describe('cell values', () => {
  const base = generateReport({ seed: 21, format: 2021, unitKind: 'city_dept', unit: '江临市民政局' });
  const text = renderReportText(base, 'pipe');

  it('"/" and empty pipe cells are blank (null, 未填写), not 0 and not unresolved', () => {
    const edited = text.replace(/\| 规章 \| \d+ \| \d+ \| \d+ \|/, '| 规章 | / |  | — |');
    const r = parseAnnualReportText(edited);
    expect([cell(r, 'active.rules.issued'), cell(r, 'active.rules.repealed'), cell(r, 'active.rules.in_force')]).toEqual([
      null,
      null,
      null,
    ]);
    expect(r.unresolved).toEqual([]);
    expect(r.checks.find((c) => c.rule === 'H7')?.message).toBe(
      '未填写: 规章·本年制发件数、规章·本年废止件数、规章·现行有效件数(空白单元格不按 0 处理)',
    );
  });

  it('annotations inside a number cell are dropped: "22(其中修订16件)" is 22', () => {
    const edited = text.replace(/\| 行政规范性文件 \| (\d+) \| (\d+) \| \d+ \|/, '| 行政规范性文件 | $1 | $2 | 22(其中修订16件) |');
    const r = parseAnnualReportText(edited);
    expect(cell(r, 'active.normative.in_force')).toBe(22);
    expect(r.warnings.some((w) => w.includes('忽略数字后的注释“(其中修订16件)”'))).toBe(true);
  });

  it('"? 0" from encoding damage is 0; a lone "?" is unresolved', () => {
    const edited = text.replace(/\| 行政强制 \| \d+ \|/, '| 行政强制 | ? 0 |').replace(/\| 行政处罚 \| \d+ \|/, '| 行政处罚 | ? |');
    const r = parseAnnualReportText(edited);
    expect(cell(r, 'active.coercion.decisions')).toBe(0);
    expect(cell(r, 'active.punishment.decisions')).toBeNull();
    expect(r.unresolved).toEqual(['active.punishment.decisions']);
    expect(r.checks.find((c) => c.rule === 'H7')).toMatchObject({ severity: 'warning', cells: ['active.punishment.decisions'] });
  });

  it('a fee written in 元 where 万元 is required is kept as written and flagged (S5)', () => {
    const edited = text.replace(/\| 行政事业性收费 \| [\d.]+ \|/, '| 行政事业性收费 | 3940元 |');
    const r = parseAnnualReportText(edited);
    expect(cell(r, 'active.fees.amount_wan')).toBe(3940);
    expect(r.checks.find((c) => c.rule === 'S5')?.message).toBe('行政事业性收费金额写的是 3940 元, 表格单位为万元(应填 0.394)');
  });

  it('OCR placeholders for column headers (数据1 … 数据6) are not numbers', () => {
    const edited = text.replace('| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |', '| 信息内容 | 数据1 | 数据2 | 数据3 |');
    const r = parseAnnualReportText(edited);
    expect(cell(r, 'active.rules.issued')).toBe(base.cells['active.rules.issued']);
    expect(r.warnings.filter((w) => w.includes('无法归入'))).toEqual([]);
  });

  it('"减4" in the 2019 本年增/减 column is −4', () => {
    const old = generateReport({ seed: 4, format: 2019, year: 2020 });
    const edited = renderReportText(old, 'pipe').replace(/\| 行政许可 \| (\d+) \| -?\d+ \|/, '| 行政许可 | $1 | 减4 |');
    const r = parseAnnualReportText(edited);
    expect(cell(r, 'active2019.licensing.delta')).toBe(-4);
    expect(r.checks.filter((c) => c.severity === 'error')).toEqual([]);
    expect(r.checks.filter((c) => c.rule === 'S7')).toEqual([]); // a 2020 report may use the 2019 format
  });
});

describe('structure', () => {
  const base = generateReport({ seed: 33, format: 2021 });

  it('rows out of order, a label split over two cells, a page footer inside the table', () => {
    const lines = renderReportText(base, 'pipe').split('\n');
    const at = (label: string) => lines.findIndex((l) => l.includes(label));
    const secret = at('1.属于国家秘密');
    const query = at('8.属于行政查询事项');
    const [a, b] = [lines[secret] ?? '', lines[query] ?? ''];
    lines[secret] = b;
    lines[query] = a.replace('1.属于国家秘密', '1.属于国家 | 秘密');
    lines.splice(at('（五）不予处理'), 0, '江临市人民政府办公室 第 4 页 共 9 页', '- 4 -');
    const r = parseAnnualReportText(lines.join('\n'));
    for (const key of Object.keys(base.cells)) expect(r.cells[key], key).toBe(base.cells[key]);
  });

  it('a row read twice with different numbers is unresolved, not picked', () => {
    const text = renderReportText(base, 'pipe').replace(/(\| 2\.重复申请 \|[^\n]*\n)/, '$1| 2.重复申请 | 9 | 0 | 0 | 0 | 0 | 0 | 9 |\n');
    const r = parseAnnualReportText(text);
    expect(r.unresolved).toEqual(COLUMNS.map((c) => `apply.result.not_processed.duplicate.${c}`));
    expect(r.warnings.some((w) => w.includes('这一行出现了两次且数字不同'))).toBe(true);
  });

  it('a row with more numbers than columns is unresolved', () => {
    const text = renderReportText(base, 'pipe').replace(/\| 2\.重复申请 \|/, '| 2.重复申请 | 1 | 2 |');
    const r = parseAnnualReportText(text);
    expect(r.unresolved).toEqual(COLUMNS.map((c) => `apply.result.not_processed.duplicate.${c}`));
    expect(r.warnings.some((w) => w.includes('读到 9 个数, 该行只有 7 列'))).toBe(true);
  });

  it('a printed (三)不予公开 subtotal row is kept under apply.result.deny.sum.* and checked', () => {
    const values = COLUMNS.map((c) =>
      [
        'state_secret',
        'law_prohibited',
        'security_stability',
        'third_party',
        'internal_affairs',
        'process_info',
        'enforcement_file',
        'admin_query',
      ].reduce((s, k) => s + (base.cells[`apply.result.deny.${k}.${c}`] ?? 0), 0),
    );
    const ok = renderReportText(base, 'pdf-text').replace('1.属于国家秘密', `（三）不予公开 ${values.join(' ')}\n1.属于国家秘密`);
    const r = parseAnnualReportText(ok);
    expect(COLUMNS.map((c) => r.cells[`apply.result.deny.sum.${c}`])).toEqual(values);
    expect(r.checks.filter((c) => c.severity === 'error')).toEqual([]);
    const bad = renderReportText(base, 'pdf-text').replace(
      '1.属于国家秘密',
      `（三）不予公开 ${values.map((v, i) => (i === 0 || i === 6 ? v + 1 : v)).join(' ')}\n1.属于国家秘密`,
    );
    const wrong = parseAnnualReportText(bad);
    expect(wrong.checks.filter((c) => c.severity === 'error').map((c) => c.rule)).toEqual(['H3', 'H3']);
  });

  it('"四、结转下年度继续办理" does not start part 四; a bare table without headings is still read', () => {
    const text = renderReportText(base, 'cell-per-line');
    const r = parseAnnualReportText(text);
    expect(r.meta.sections).toEqual(['一', '二', '三', '四', '五', '六']);
    const bare = text
      .slice(text.indexOf('（本列数据的勾稽关系'), text.indexOf('五、存在的主要问题'))
      .replace('四、政府信息公开行政复议、行政诉讼情况', '');
    const t = parseAnnualReportText(bare);
    expect(t.meta.sections).toEqual([]);
    for (const key of Object.keys(base.cells).filter(
      (k) => k.startsWith('apply.') || k.startsWith('review.') || k.startsWith('litigation.'),
    ))
      expect(t.cells[key], key).toBe(base.cells[key]);
    expect(t.checks.find((c) => c.rule === 'S8')?.message).toBe('缺少第一、二、三、四、五、六部分(年度报告应有 一 至 六 六个部分)');
  });

  it('a 2021 report whose 三 prints (六)其他处理 as one row (2019 style)', () => {
    const report = generateReport({ seed: 8, format: 2021 });
    const sum = COLUMNS.map((c) =>
      ['no_correction', 'fee_unpaid', 'misc'].reduce((s, k) => s + (report.cells[`apply.result.other.${k}.${c}`] ?? 0), 0),
    );
    const lines = renderReportText(report, 'pdf-text').split('\n');
    const from = lines.findIndex((l) => l.startsWith('（六）其他处理'));
    const to = lines.findIndex((l) => l.startsWith('3.其他'));
    lines.splice(from, to - from + 1, `（六）其他处理 ${sum.join(' ')}`);
    const r = parseAnnualReportText(lines.join('\n'));
    expect(r.meta.format).toBe(2021);
    expect(COLUMNS.map((c) => r.cells[`apply.result.other.sum.${c}`])).toEqual(sum);
    expect(r.cells['apply.result.other.misc.total']).toBeNull();
    expect(r.warnings).toContain('三 表中“(六)其他处理”只有一行(2019 年格式), 2021 年格式应分为三项, 三项的单元格为空');
  });

  it('--year and --unit override what the title says', () => {
    const r = parseAnnualReportText(renderReportText(base, 'pipe'), { year: 2030, unit: '测试单位' });
    expect(r.meta).toMatchObject({ year: 2030, unit: '测试单位' });
  });

  it('S6: a narrative count that disagrees with the table is a warning', () => {
    const text = renderReportText(base, 'pipe').replace(
      /发生政府信息公开行政复议\d+件/,
      `发生政府信息公开行政复议${(base.cells['review.total'] ?? 0) + 2}件`,
    );
    const r = parseAnnualReportText(text);
    expect(r.checks.map((c) => c.rule)).toEqual(['S6']);
    expect(r.checks[0]).toMatchObject({ severity: 'warning', delta: 2, cells: ['review.total'] });
  });
});
