import { describe, expect, it } from 'vitest';
import { checkReport } from './check-report';
import { generateReport } from './generate-report';
import {
  checkCarryOver,
  checkFeeUnit,
  checkFormatYear,
  checkNarrative,
  checkRuleMakingCapacity,
  checkSections,
  checkStockContinuity,
  checkStockSanity,
} from './soft-rules';

const base = () => generateReport({ seed: 7, format: 2021, unitKind: 'city_dept' });

describe('soft rules', () => {
  it('S1: 上年结转 equals last year’s 结转下年度', () => {
    const now = base();
    const before = { ...generateReport({ seed: 8 }).cells };
    for (const c of ['natural', 'commercial', 'research', 'social', 'legal_service', 'other_org', 'total'])
      before[`apply.carried_out.${c}`] = now.cells[`apply.carried_in.${c}`] ?? 0;
    expect(checkCarryOver(now, { cells: before })).toEqual([]);
    before['apply.carried_out.total'] = (before['apply.carried_out.total'] ?? 0) + 2;
    const [s1] = checkCarryOver(now, { cells: before });
    expect(s1).toMatchObject({ rule: 'S1', severity: 'warning', cells: ['apply.carried_in.total'], delta: -2 });
    expect(s1?.message).toMatch(/^上年结转 \d+ ≠ 上一年度报告的结转下年度 \d+ \(差 -2\)$/);
  });

  it('S2/S3: stock continuity and sanity of 规章 and 行政规范性文件', () => {
    const cells = {
      'active.normative.issued': 8,
      'active.normative.repealed': 26,
      'active.normative.in_force': 66,
      'active.rules.issued': 5,
      'active.rules.repealed': 0,
      'active.rules.in_force': 2,
    };
    const prev = { format: 2021 as const, cells: { 'active.normative.in_force': 80, 'active.rules.in_force': 0 } };
    expect(checkStockContinuity({ format: 2021, cells }, prev).map((c) => c.message)).toEqual([
      '规章: 现行有效 2 ≠ 上年现行有效 0 + 本年制发 5 − 本年废止 0 = 5 (差 -3); 如有到期失效或集中清理请说明',
      '行政规范性文件: 现行有效 66 ≠ 上年现行有效 80 + 本年制发 8 − 本年废止 26 = 62 (差 4); 如有到期失效或集中清理请说明',
    ]);
    expect(checkStockSanity({ format: 2021, cells }).map((c) => c.message)).toEqual([
      '规章: 本年制发 5 > 现行有效 2 + 本年废止 0 = 2 (多 3)',
    ]);
  });

  it('S4: only 设区的市 governments make 规章', () => {
    const cells = { 'active.rules.issued': 1, 'active.rules.repealed': 0, 'active.rules.in_force': 3 };
    expect(checkRuleMakingCapacity({ format: 2021, cells }, 'city_gov')).toEqual([]);
    const [s4] = checkRuleMakingCapacity({ format: 2021, cells }, 'township');
    expect(s4?.cells).toEqual(['active.rules.issued', 'active.rules.in_force']);
    expect(s4?.message).toBe('乡镇无权制定规章, 规章栏应为 0, 实填: 规章·本年制发件数 1、规章·现行有效件数 3');
  });

  it('S5: a fee written in 元, or too large for the unit', () => {
    const cells = { 'active.fees.amount_wan': 3940 };
    expect(checkFeeUnit({ format: 2021, cells }, { feeUnit: '元' })[0]?.message).toBe(
      '行政事业性收费金额写的是 3940 元, 表格单位为万元(应填 0.394)',
    );
    expect(checkFeeUnit({ format: 2021, cells }, { unitKind: 'township' })[0]?.rule).toBe('S5');
    expect(checkFeeUnit({ format: 2021, cells }, { unitKind: 'city_dept' })).toEqual([]);
    expect(checkFeeUnit({ format: 2021, cells: { 'active.fees.amount_wan': 96171.6 } }, { unitKind: 'city_gov' })).toEqual([]);
  });

  it('S6: counts in 总体情况 equal the table', () => {
    const cells = { 'apply.new.total': 3119, 'review.total': 351, 'litigation.direct.total': 26, 'litigation.after_review.total': 20 };
    expect(checkNarrative({ format: 2021, cells }, { 'apply.new.total': 3119, 'review.total': 351, 'litigation.total': 46 })).toEqual([]);
    const [s6] = checkNarrative({ format: 2021, cells }, { 'litigation.total': 47 });
    expect(s6?.message).toBe('总体情况写明行政诉讼 47 件, 表格 行政诉讼·未经复议直接起诉·总计、行政诉讼·复议后起诉·总计 之和 为 46 (差 1)');
  });

  it('S7: 2021+ report in the 2019 format; 六 silent about 信息处理费', () => {
    expect(checkFormatYear({ format: 2019, year: 2021, cells: {} }, '无').map((c) => c.message)).toEqual([
      '格式错误: 2021 年度报告应使用 2021 年格式(国办公开办函〔2021〕30号), 本报告的表格为 2019 年试行格式',
      '六、其他需要报告的事项 未说明信息处理费的收取情况(国办函〔2020〕109号)',
    ]);
    expect(checkFormatYear({ format: 2019, year: 2020, cells: {} }, '')).toEqual([]);
    expect(checkFormatYear({ format: 2021, year: 2022, cells: {} }, '2022年,我局没有收取信息处理费。')).toEqual([]);
  });

  it('S8: six parts, in order', () => {
    expect(checkSections(['一', '二', '三', '四', '五', '六'])).toEqual([]);
    expect(checkSections(['一', '二', '三', '四', '五']).map((c) => c.message)).toEqual(['缺少第六部分(年度报告应有 一 至 六 六个部分)']);
    expect(checkSections(['一', '三', '二', '四', '五', '六', '七']).map((c) => c.message)).toEqual([
      '各部分顺序不对: 一、三、二、四、五、六',
      '多出第七部分(格式只有六个部分; 旧格式的“收费及减免情况”应并入六)',
    ]);
  });

  it('checkReport: a generated report raises no hard errors; soft rules run when context allows', () => {
    const r = base();
    const checks = checkReport(
      { format: r.format, year: r.year, cells: r.cells },
      { unitKind: r.unitKind, sections: ['一', '二', '三', '四', '五', '六'], sixthSectionText: '未收取信息处理费' },
    );
    expect(checks).toEqual([]);
  });
});
