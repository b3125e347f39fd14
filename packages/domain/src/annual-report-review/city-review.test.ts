import type { ReportCheck } from '@kaoping/contracts/annual-report/annual-report';
import { describe, expect, it } from 'vitest';
import { assignReviewFiles, buildCityReview, unitNamesMatch, type ReviewUnit } from './city-review';

const units: ReviewUnit[] = [
  { unitId: 1, code: 'JL-T01', name: '江临市东湖镇人民政府', kind: 'township', groupName: '乡镇' },
  { unitId: 2, code: 'JL-D01', name: '江临市教育局', kind: 'city_dept', groupName: '部门' },
  { unitId: 3, code: 'JL-D02', name: '江临市财政局', kind: 'city_dept', groupName: '部门' },
];
const h1: ReportCheck = {
  rule: 'H1',
  severity: 'error',
  cells: ['apply.new.total'],
  message: '本年新收 14 + 上年结转 0 ≠ 办理结果总计 13 + 结转下年度 0 (差 1)',
  lhs: 14,
  rhs: 13,
  delta: 1,
};
const s6: ReportCheck = {
  rule: 'S6',
  severity: 'warning',
  cells: ['apply.new.total'],
  message: '总体情况写收到申请 15 件, 表格为 14',
  lhs: 15,
  rhs: 14,
  delta: 1,
};
const s4: ReportCheck = { rule: 'S4', severity: 'warning', cells: [], message: '乡镇不制定规章', lhs: null, rhs: null, delta: null };

describe('assignReviewFiles', () => {
  it('matches by unit code, then by the unit named in the report; a second file of a unit and strangers stay unmatched', () => {
    const a = assignReviewFiles(units, [
      { fileName: 'jl-d01.html', error: null, parsedUnit: '某某局', parsedYear: 2024 },
      { fileName: 'dh.txt', error: null, parsedUnit: '东湖镇人民政府', parsedYear: 2024 },
      { fileName: 'dh-copy.pdf', error: null, parsedUnit: '江临市东湖镇人民政府', parsedYear: 2024 },
      { fileName: 'x.txt', error: null, parsedUnit: '上海市人民政府办公厅', parsedYear: 2019 },
      { fileName: 'broken.pdf', error: 'PDF 已损坏', parsedUnit: null, parsedYear: null },
    ]);
    expect(a.map((x) => [x.fileName, x.unitId, x.matchedBy])).toEqual([
      ['jl-d01.html', 2, 'code'],
      ['dh.txt', 1, 'name'],
      ['dh-copy.pdf', null, null],
      ['x.txt', null, null],
      ['broken.pdf', null, null],
    ]);
    expect(a[2]?.problem).toContain('dh.txt');
    expect(a[4]?.problem).toContain('PDF 已损坏');
  });

  it('tells names apart that only share the city', () => {
    expect(unitNamesMatch('东湖镇人民政府', '江临市东湖镇人民政府')).toBe(true);
    expect(unitNamesMatch('江临市财政局', '江临市教育局')).toBe(false);
    // The city government's name stripped of the city is empty: it must not match every report.
    expect(unitNamesMatch('上海市人民政府办公厅', '江临市人民政府')).toBe(false);
    expect(unitNamesMatch('江临市人民政府', '江临市人民政府')).toBe(true);
  });
});

describe('buildCityReview', () => {
  it('gives every expected unit a row: found or missing, deadline by kind, lateness, failures apart from S6', () => {
    const review = buildCityReview({
      year: 2024,
      units,
      assignments: [
        { fileName: 'a.txt', unitId: 1, matchedBy: 'name', problem: null },
        { fileName: 'b.txt', unitId: 2, matchedBy: 'code', problem: null },
        { fileName: 'c.txt', unitId: null, matchedBy: null, problem: '没有找到报告中的单位“某局”' },
      ],
      reports: new Map([
        [
          1,
          {
            fileName: 'a.txt',
            matchedBy: 'name',
            parsedYear: 2024,
            publishedAt: '2025-02-03',
            cellsRead: 196,
            cellsTotal: 200,
            unresolved: ['apply.new.natural'],
            checks: [s4, h1, s6],
            notes: [],
            error: null,
          },
        ],
        [
          2,
          {
            fileName: 'b.txt',
            matchedBy: 'code',
            parsedYear: 2024,
            publishedAt: null,
            cellsRead: 200,
            cellsTotal: 200,
            unresolved: [],
            checks: [],
            notes: [],
            error: null,
          },
        ],
      ]),
    });
    expect(review.rows.map((r) => [r.code, r.found, r.deadline, r.timeliness, r.daysLate])).toEqual([
      ['JL-T01', true, '2025-01-31', 'late', 3],
      ['JL-D01', true, '2025-01-31', 'no_date', 0],
      ['JL-D02', false, '2025-01-31', 'missing', 0],
    ]);
    expect(review.rows[0]?.failures.map((c) => c.rule)).toEqual(['H1', 'S4']);
    expect(review.rows[0]?.narrative).toEqual([s6]);
    expect(review.unmatched).toEqual([{ fileName: 'c.txt', problem: '没有找到报告中的单位“某局”' }]);
    expect(review.totals).toEqual({
      expected: 3,
      found: 2,
      missing: 1,
      onTime: 0,
      late: 1,
      noDate: 1,
      withErrors: 1,
      cellsRead: 396,
      unresolved: 1,
    });
  });
});

describe('assignReviewFiles + buildCityReview (property)', () => {
  it('one row per expected unit, a unit gets at most one file, every file is either matched or named as unmatched', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.array(fc.record({ pick: fc.integer({ min: 0, max: 5 }), byCode: fc.boolean() }), { maxLength: 12 }), (picks) => {
        const files = picks.map((p, i) => {
          const u = units[p.pick];
          return {
            fileName: p.byCode && u ? `${u.code}.txt` : `f${i}.txt`,
            error: null,
            parsedUnit: u && !p.byCode ? u.name : null,
            parsedYear: 2024,
          };
        });
        const assignments = assignReviewFiles(units, files);
        const matched = assignments.filter((a) => a.unitId !== null);
        expect(new Set(matched.map((a) => a.unitId)).size).toBe(matched.length);
        const reports = new Map(
          matched.map((a) => [
            a.unitId ?? 0,
            {
              fileName: a.fileName,
              matchedBy: a.matchedBy ?? 'code',
              parsedYear: 2024,
              publishedAt: '2025-01-10',
              cellsRead: 1,
              cellsTotal: 1,
              unresolved: [],
              checks: [],
              notes: [],
              error: null,
            },
          ]),
        );
        const review = buildCityReview({ year: 2024, units, assignments, reports });
        expect(review.rows.map((r) => r.unitId)).toEqual(units.map((u) => u.unitId));
        expect(review.totals.found + review.unmatched.length).toBe(files.length);
        expect(review.totals.found + review.totals.missing).toBe(units.length);
      }),
    );
  });
});
