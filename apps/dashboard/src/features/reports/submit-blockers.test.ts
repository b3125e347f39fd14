import { describe, expect, it } from 'vitest';
import { checkReport } from '@kaoping/domain/annual-report/check-report';
import { emptyReportCells } from '@kaoping/domain/annual-report/template';
import { assessSubmitReadiness } from '@kaoping/domain/annual-report-workflow/report-lifecycle';
import { submitBlockers } from './submit-blockers';

describe('what blocks 报送', () => {
  it('a blank report is one line "N cells blank", not a block per rule listing every cell', () => {
    const cells = emptyReportCells(2021);
    const checks = checkReport({ format: 2021, year: 2025, cells });
    const blockers = submitBlockers(assessSubmitReadiness(checks, {}), cells);
    const blank = blockers.filter((b) => b.kind === 'blank');
    expect(blank).toHaveLength(1);
    expect(blank[0]).toMatchObject({ kind: 'blank', count: Object.keys(cells).length });
    expect(blockers.filter((b) => b.kind === 'rule')).toEqual([]);
  });

  it('lists each failing rule with the cell to jump to, and each unexplained warning', () => {
    const cells = { ...emptyReportCells(2021) };
    for (const k of Object.keys(cells)) cells[k] = 0;
    cells['apply.new.natural'] = 12;
    const checks = checkReport({ format: 2021, year: 2025, cells });
    const blockers = submitBlockers(assessSubmitReadiness(checks, {}), cells);
    expect(blockers.some((b) => b.kind === 'blank')).toBe(false);
    const rules = blockers.filter((b) => b.kind === 'rule');
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((b) => b.cell !== null)).toBe(true);
    expect(rules.map((b) => (b.kind === 'rule' ? b.check.rule : ''))).toContain('H2');
  });
});
