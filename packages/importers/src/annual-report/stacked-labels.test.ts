// PDF text often puts two rows' labels on lines above and both rows' numbers on one line below.
import { describe, expect, it } from 'vitest';
import { parseAnnualReportText } from './parse-annual-report';

const COLS = ['natural', 'commercial', 'research', 'social', 'legal_service', 'other_org', 'total'];
const table = (run: string) =>
  [
    '三、收到和处理政府信息公开申请情况',
    '一、本年新收政府信息公开申请数量 10 0 0 0 0 0 10',
    '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
    '（一）予以公开 2 0 0 0 0 0 2',
    '4.保护第三方合法权益',
    '5.属于三类内部事务信息',
    run,
    '（七）总计 10 0 0 0 0 0 10',
    '四、结转下年度继续办理 0 0 0 0 0 0 0',
  ].join('\n');

describe('labels above, two rows of numbers on one line', () => {
  it('shares the 14 numbers out to the two rows in their order', () => {
    const r = parseAnnualReportText(table('6 0 0 0 0 0 6 2 0 0 0 0 0 2'));
    expect(COLS.map((c) => r.cells[`apply.result.deny.third_party.${c}`])).toEqual([6, 0, 0, 0, 0, 0, 6]);
    expect(COLS.map((c) => r.cells[`apply.result.deny.internal_affairs.${c}`])).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(r.unresolved).toEqual([]);
  });

  it('leaves both rows unresolved, never blank, when the run does not have their columns', () => {
    const r = parseAnnualReportText(table('6 0 0 0 0 0 6 2 0 0 0 0 0'));
    for (const c of COLS) {
      expect(r.cells[`apply.result.deny.third_party.${c}`]).toBeNull();
      expect(r.unresolved).toContain(`apply.result.deny.third_party.${c}`);
      expect(r.unresolved).toContain(`apply.result.deny.internal_affairs.${c}`);
    }
  });
});
