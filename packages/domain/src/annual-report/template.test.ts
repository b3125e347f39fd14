import { describe, expect, it } from 'vitest';
import {
  describeCell,
  emptyReportCells,
  findCellDefinition,
  reportCellKeys,
  reportTemplate,
  templateCellKeys,
  templateCells,
} from './template';

describe('annual-report template', () => {
  it('has every cell of the 2021 format once: 10 in 二, 175 in 三, 15 in 四', () => {
    const cells = templateCells(2021);
    expect(cells).toHaveLength(200);
    expect(new Set(cells.map((c) => c.key)).size).toBe(200);
    expect(cells.filter((c) => c.section === '二')).toHaveLength(10);
    expect(cells.filter((c) => c.section === '三')).toHaveLength(175);
    expect(cells.filter((c) => c.section === '四')).toHaveLength(15);
  });

  it('uses the spec keys verbatim', () => {
    const keys = new Set(templateCellKeys(2021));
    for (const k of [
      'active.rules.issued',
      'active.normative.in_force',
      'active.licensing.decisions',
      'active.fees.amount_wan',
      'apply.new.natural',
      'apply.result.deny.state_secret.total',
      'apply.result.not_processed.reconfirm.other_org',
      'apply.result.other.fee_unpaid.research',
      'apply.carried_out.legal_service',
      'review.upheld',
      'litigation.direct.pending',
      'litigation.after_review.total',
    ])
      expect(keys.has(k), k).toBe(true);
    expect(keys.has('apply.result.other.sum.total')).toBe(false);
  });

  it('2019: legacy 二 keys, the single (六) row, and the 2021 (六) sub-rows stored as null', () => {
    const keys = new Set(templateCellKeys(2019));
    expect(keys.has('active2019.licensing.delta')).toBe(true);
    expect(keys.has('active2019.procurement.amount')).toBe(true);
    expect(keys.has('active.rules.issued')).toBe(false);
    expect(keys.has('apply.result.other.sum.natural')).toBe(true);
    expect(keys.has('apply.result.other.misc.natural')).toBe(false);
    expect(reportCellKeys(2019)).toContain('apply.result.other.misc.natural');
    expect(Object.values(emptyReportCells(2019)).every((v) => v === null)).toBe(true);
    expect(findCellDefinition('active2019.licensing.delta')?.kind).toBe('delta');
    expect(findCellDefinition('active.fees.amount_wan')?.kind).toBe('amount');
  });

  it('renders in form order with Chinese labels', () => {
    const sections = reportTemplate(2021);
    expect(sections.map((s) => s.numeral)).toEqual(['一', '二', '三', '四', '五', '六']);
    const apply = sections[2]?.tables[0];
    expect(apply?.columns.map((c) => c.label)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(apply?.rows).toHaveLength(25);
    expect(apply?.rows[24]?.label).toBe('四、结转下年度继续办理');
    expect(findCellDefinition('apply.result.deny.third_party.commercial')).toMatchObject({
      rowLabel: '4.保护第三方合法权益',
      subgroup: '（三）不予公开',
      columnGroup: '法人或其他组织',
    });
    expect(describeCell('apply.result.granted.natural')).toBe('予以公开·自然人');
    expect(describeCell('review.pending')).toBe('行政复议·尚未审结');
    expect(describeCell('apply.result.deny.sum.total')).toBe('不予公开小计·总计');
  });
});
