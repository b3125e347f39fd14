import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateReport } from './generate-report';
import { checkHardRules, hardRules } from './rules';
import type { EquationRule, HardRuleId } from './rules';
import { emptyReportCells, templateCellKeys, templateCells } from './template';

const FORMATS = [2021, 2019] as const;
const HARD: HardRuleId[] = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7'];
const signature = (c: { rule: string; cells: readonly string[] }) => `${c.rule}|${c.cells.join(',')}`;

function zeroReport(format: 2021 | 2019): Record<string, number | null> {
  const cells = emptyReportCells(format);
  for (const k of templateCellKeys(format)) cells[k] = 0;
  return cells;
}

describe('hard rules as data', () => {
  it.each(FORMATS)('%i: every instance declares its cells, and every template cell is covered', (format) => {
    const rules = hardRules(format);
    const keys = new Set(templateCellKeys(format));
    const covered = new Set<string>();
    for (const r of rules) {
      expect(r.cells.length).toBeGreaterThan(0);
      if (r.kind === 'equation') expect([...r.cells].sort()).toEqual([...r.lhs, ...r.rhs].flatMap((t) => t.keys).sort());
      for (const c of r.cells) {
        covered.add(c);
        if (!(r.kind === 'equation' && r.optionalCells)) expect(keys.has(c), `${r.id} mentions ${c}`).toBe(true);
      }
    }
    for (const k of keys) expect(covered.has(k), k).toBe(true);
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the instance counts the spec implies (2021)', () => {
    const count = (id: HardRuleId) => hardRules(2021).filter((r) => r.rule === id && !(r.kind === 'equation' && r.optionalCells)).length;
    expect([count('H1'), count('H2'), count('H3'), count('H4'), count('H5'), count('H6'), count('H7')]).toEqual([7, 25, 7, 1, 1, 1, 200]);
  });
});

describe('checkHardRules', () => {
  it('writes the equation with real numbers and the difference (spec §7 example)', () => {
    const cells = zeroReport(2021);
    Object.assign(cells, { 'apply.new.natural': 12, 'apply.new.legal_service': 2, 'apply.new.total': 14 });
    Object.assign(cells, { 'apply.result.granted.natural': 11, 'apply.result.granted.legal_service': 2, 'apply.result.granted.total': 13 });
    Object.assign(cells, { 'apply.result.total.natural': 11, 'apply.result.total.legal_service': 2, 'apply.result.total.total': 13 });
    const checks = checkHardRules({ format: 2021, cells });
    expect(checks).toContainEqual({
      rule: 'H1',
      severity: 'error',
      cells: ['apply.new.total', 'apply.carried_in.total', 'apply.result.total.total', 'apply.carried_out.total'],
      message: '本年新收 14 + 上年结转 0 ≠ 办理结果总计 13 + 结转下年度 0 (差 1)',
      lhs: 14,
      rhs: 13,
      delta: 1,
    });
    expect(checks.find((c) => c.cells.includes('apply.new.natural') && c.rule === 'H1')?.message).toBe(
      '自然人: 本年新收 12 + 上年结转 0 ≠ 办理结果总计 11 + 结转下年度 0 (差 1)',
    );
    expect(checks.every((c) => c.rule === 'H1')).toBe(true);
  });

  it('reports a blank cell as 未填写 (error) and an unresolved one as 无法核验 (warning)', () => {
    const cells = zeroReport(2021);
    cells['review.pending'] = null;
    cells['litigation.direct.other'] = 3;
    const checks = checkHardRules({ format: 2021, cells, unresolved: ['litigation.direct.other'] });
    const h4 = checks.find((c) => c.rule === 'H4');
    expect(h4).toMatchObject({ severity: 'error', lhs: null, rhs: null, delta: null });
    expect(h4?.message).toContain('未填写: 行政复议·尚未审结');
    const h5 = checks.find((c) => c.rule === 'H5');
    expect(h5).toMatchObject({ severity: 'warning' });
    expect(h5?.message).toContain('无法核验');
    const h7 = checks.filter((c) => c.rule === 'H7');
    expect(h7.map((c) => [c.severity, c.cells])).toEqual([
      ['error', ['review.pending']],
      ['warning', ['litigation.direct.other']],
    ]);
  });

  it('collapses a missing table into one 未填写 error per rule', () => {
    const checks = checkHardRules({ format: 2021, cells: emptyReportCells(2021) });
    expect(checks.map((c) => c.rule)).toEqual(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7']);
    expect(checks.every((c) => c.severity === 'error' && c.message.includes('未填写'))).toBe(true);
    expect(checks.find((c) => c.rule === 'H2')?.cells).toHaveLength(175);
  });

  it('checks a printed group subtotal row against its sub-rows, only when printed', () => {
    const cells = zeroReport(2021);
    expect(checkHardRules({ format: 2021, cells })).toEqual([]);
    cells['apply.result.deny.sum.natural'] = 2;
    const checks = checkHardRules({ format: 2021, cells });
    expect(checks.map((c) => c.rule)).toEqual(['H2', 'H3']);
    expect(checks[1]?.message).toBe(
      '不予公开小计·自然人: 不予公开小计 2 ≠ 属于国家秘密 0 + 其他法律行政法规禁止公开 0 + 危及“三安全一稳定” 0 + 保护第三方合法权益 0 + 属于三类内部事务信息 0 + 属于四类过程性信息 0 + 属于行政执法案卷 0 + 属于行政查询事项 0 = 0 (差 2)',
    );
  });

  it('H3 of a 2019 table uses the single (六)其他处理 row', () => {
    const cells = zeroReport(2019);
    cells['apply.result.other.sum.natural'] = 1;
    cells['apply.result.other.sum.total'] = 1;
    const checks = checkHardRules({ format: 2019, cells });
    expect(checks.map((c) => c.message)).toEqual([
      '自然人: 办理结果总计 0 ≠ 予以公开 0 + 部分公开 0 + 不予公开 0 + 无法提供 0 + 不予处理 0 + 其他处理 1 = 1 (差 -1)',
      '办理结果总计 0 ≠ 予以公开 0 + 部分公开 0 + 不予公开 0 + 无法提供 0 + 不予处理 0 + 其他处理 1 = 1 (差 -1)',
    ]);
  });

  it('H7: counts are integers ≥ 0, the fee a decimal ≥ 0, 2019 本年增/减 may be negative', () => {
    const cells = zeroReport(2021);
    cells['active.licensing.decisions'] = -1;
    cells['active.punishment.decisions'] = 2.5;
    cells['active.fees.amount_wan'] = 12.34;
    expect(checkHardRules({ format: 2021, cells }).map((c) => c.message)).toEqual([
      '行政许可·本年处理决定数量 为 -1, 应为不小于 0 的整数',
      '行政处罚·本年处理决定数量 为 2.5, 应为整数',
    ]);
    const old = zeroReport(2019);
    old['active2019.licensing.delta'] = -4;
    expect(checkHardRules({ format: 2019, cells: old })).toEqual([]);
  });
});

describe('properties', () => {
  it('a generated report passes every hard rule', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(...FORMATS), (seed, format) => {
        const r = generateReport({ seed, format });
        expect(checkHardRules({ format, cells: r.cells })).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('changing any one cell breaks exactly the rules that mention that cell', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom(...FORMATS),
        fc.nat(),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        (seed, format, pick, size, down) => {
          const r = generateReport({ seed, format });
          const defs = templateCells(format);
          const def = defs[pick % defs.length];
          if (!def) return;
          const before = r.cells[def.key] ?? 0;
          const step = def.kind === 'amount' ? size / 4 : size;
          const delta = down && (def.kind === 'delta' || before - step >= 0) ? -step : step;
          const cells = { ...r.cells, [def.key]: before + delta };
          const expected = hardRules(format)
            .filter((rule): rule is EquationRule => rule.kind === 'equation' && !rule.optionalCells && rule.cells.includes(def.key))
            .map(signature)
            .sort();
          const actual = checkHardRules({ format, cells }).map(signature).sort();
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('an injected failure breaks that rule and no other', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom(...FORMATS),
        fc.constantFrom(...HARD),
        (seed, format, inject) => {
          const r = generateReport({ seed, format, inject });
          const checks = checkHardRules({ format, cells: r.cells });
          expect(checks.length).toBeGreaterThan(0);
          expect(new Set(checks.map((c) => c.rule))).toEqual(new Set([inject]));
          expect(checks.every((c) => c.severity === 'error')).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
