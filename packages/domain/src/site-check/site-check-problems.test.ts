import { describe, expect, it } from 'vitest';
import type { SiteCheckResult } from '@kaoping/contracts/site-check/site-check';
import { annualReportDeadline, reportOnTime } from './site-check-annual-report';
import { resolvedProblemKeys, siteProblems } from './site-check-problems';

const base: SiteCheckResult = {
  site: 'http://a/',
  checkedAt: '2026-12-07T03:00:00Z',
  pages: 5,
  reachable: true,
  homepageUpdated: '2026-12-01',
  columns: [],
  deadLinks: [],
  words: [],
  annualReport: { url: 'http://a/ndbg/2025.html', year: 2025, publishedAt: '2026-01-20', deadline: '2026-01-31', onTime: true, checks: [] },
};

describe('annual report deadline', () => {
  it('is 1月31日 of the following year', () => {
    expect(annualReportDeadline(2025)).toBe('2026-01-31');
    expect(reportOnTime('2026-01-31', 2025)).toBe(true);
    expect(reportOnTime('2026-02-01', 2025)).toBe(false);
    expect(reportOnTime(null, 2025)).toBe(false);
  });
});

describe('siteProblems', () => {
  it('a clean site has no problem', () => {
    expect(siteProblems(base, '2026-12-07')).toEqual([]);
  });
  it('lists each defect with a stable key and the veto items marked (golden)', () => {
    const r: SiteCheckResult = {
      ...base,
      homepageUpdated: '2026-11-01',
      columns: [
        { name: '工作动态', url: 'http://a/gzdt/', newest: '2026-10-08', intervalDays: 14, status: 'stale' },
        { name: '人事信息', url: 'http://a/rsxx/', newest: null, intervalDays: 365, status: 'blank' },
      ],
      deadLinks: [{ url: 'http://a/missing.html', status: 404, foundOn: 'http://a/' }],
      words: [{ word: '国务院办工厅', suggestion: '国务院办公厅', url: 'http://a/', context: '…国务院办工厅…' }],
      annualReport: null,
    };
    expect(siteProblems(r, '2026-12-07').map((p) => [p.kind, p.veto, p.key])).toEqual([
      ['homepage_stale', true, 'homepage_stale'],
      ['column_stale', false, 'column_stale:工作动态'],
      ['column_blank', false, 'column_blank:人事信息'],
      ['dead_link', false, 'dead_link:http://a/missing.html'],
      ['wrong_word', false, 'wrong_word:国务院办工厅:http://a/'],
      ['annual_report_missing', false, 'annual_report_missing:2025'],
    ]);
  });
  it('an unreachable site is only that veto; the missing report is no problem before its deadline', () => {
    expect(siteProblems({ ...base, reachable: false }, '2026-12-07').map((p) => p.kind)).toEqual(['unreachable']);
    expect(siteProblems({ ...base, homepageUpdated: '2027-01-10', annualReport: null }, '2027-01-15', undefined, 2026)).toEqual([]);
  });
  it('the next check resolves what it no longer finds', () => {
    expect(
      resolvedProblemKeys(
        ['dead_link:x', 'homepage_stale'],
        [{ kind: 'homepage_stale', veto: true, key: 'homepage_stale', url: null, detail: '' }],
      ),
    ).toEqual(['dead_link:x']);
  });
});
