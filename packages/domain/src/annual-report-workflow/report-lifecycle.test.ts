import { describe, expect, it } from 'vitest';
import type { ReportCheck } from '@kaoping/contracts/annual-report/annual-report';
import { assessSubmitReadiness, canPerform, isEditable, nextStatus, reportFormatForYear } from './report-lifecycle';
import { warningKey } from './report-warnings';

const check = (rule: ReportCheck['rule'], severity: ReportCheck['severity'], cells: string[], message = 'x'): ReportCheck => ({
  rule,
  severity,
  cells,
  message,
  lhs: null,
  rhs: null,
  delta: null,
});

describe('report lifecycle', () => {
  it('goes draft → submitted → returned → submitted → accepted, and locks accepted versions', () => {
    expect(nextStatus('draft', 'submit')).toBe('submitted');
    expect(nextStatus('submitted', 'return')).toBe('returned');
    expect(nextStatus('returned', 'save')).toBe('returned');
    expect(nextStatus('returned', 'submit')).toBe('submitted');
    expect(nextStatus('submitted', 'accept')).toBe('accepted');
    expect(isEditable('accepted')).toBe(false);
    expect(isEditable('submitted')).toBe(false);
    expect(canPerform('accepted', 'correct')).toBe(true);
    expect(nextStatus('draft', 'accept')).toBeNull();
    expect(nextStatus('accepted', 'return')).toBeNull();
  });

  it('uses the 2021 format from the 2021 reports on', () => {
    expect(reportFormatForYear(2020)).toBe(2019);
    expect(reportFormatForYear(2021)).toBe(2021);
  });

  it('blocks submission on hard-rule findings and on unexplained soft warnings', () => {
    const s1 = check('S1', 'warning', ['apply.carried_in.total']);
    const s7 = check('S7', 'warning', [], '六、其他需要报告的事项 未说明信息处理费的收取情况');
    const h1 = check('H1', 'error', ['apply.new.total']);
    expect(assessSubmitReadiness([h1, s1], {})).toMatchObject({ ready: false, blocking: [h1], unexplained: [s1] });
    const explained = assessSubmitReadiness([s1, s7], { [warningKey(s1)]: '上年结转有误,已核实', [warningKey(s7)]: '  ', stale: '旧说明' });
    expect(explained).toMatchObject({ ready: false, unexplained: [s7], explanations: { [warningKey(s1)]: '上年结转有误,已核实' } });
    expect(assessSubmitReadiness([s1], { [warningKey(s1)]: '已说明' }).ready).toBe(true);
  });
});
