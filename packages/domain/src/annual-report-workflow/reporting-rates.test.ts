import { describe, expect, it } from 'vitest';
import { assessReportTimeliness, computeReportingRates, percent, type UnitReportingStatus } from './reporting-rates';

const rows = (groupKey: string, n: { onTime: number; late: number; missing: number; accepted?: number }): UnitReportingStatus[] => [
  ...Array.from({ length: n.onTime }, (_, i) => ({
    groupKey,
    groupLabel: `组${groupKey}`,
    isSubmitted: true,
    isAccepted: i < (n.accepted ?? 0),
    timeliness: 'on_time' as const,
  })),
  ...Array.from({ length: n.late }, () => ({
    groupKey,
    groupLabel: `组${groupKey}`,
    isSubmitted: true,
    isAccepted: false,
    timeliness: 'late' as const,
  })),
  ...Array.from({ length: n.missing }, () => ({
    groupKey,
    groupLabel: `组${groupKey}`,
    isSubmitted: false,
    isAccepted: false,
    timeliness: 'overdue' as const,
  })),
];

describe('reporting rates (DHIS2: actual / expected, actual on time / expected)', () => {
  it('gives the golden figures per group and overall', () => {
    const { groups, overall } = computeReportingRates(
      [
        ...rows('A', { onTime: 8, late: 1, missing: 1, accepted: 7 }),
        ...rows('B1', { onTime: 15, late: 3, missing: 2 }),
        ...rows('C', { onTime: 1, late: 1, missing: 1 }),
      ],
      '全市',
    );
    expect(groups).toEqual([
      {
        key: 'A',
        label: '组A',
        expected: 10,
        submitted: 9,
        onTime: 8,
        late: 1,
        missing: 1,
        accepted: 7,
        reportingRate: 90,
        onTimeRate: 80,
      },
      {
        key: 'B1',
        label: '组B1',
        expected: 20,
        submitted: 18,
        onTime: 15,
        late: 3,
        missing: 2,
        accepted: 0,
        reportingRate: 90,
        onTimeRate: 75,
      },
      {
        key: 'C',
        label: '组C',
        expected: 3,
        submitted: 2,
        onTime: 1,
        late: 1,
        missing: 1,
        accepted: 0,
        reportingRate: 66.7,
        onTimeRate: 33.3,
      },
    ]);
    expect(overall).toEqual({
      key: 'all',
      label: '全市',
      expected: 33,
      submitted: 29,
      onTime: 24,
      late: 5,
      missing: 4,
      accepted: 7,
      reportingRate: 87.9,
      onTimeRate: 72.7,
    });
  });

  it('has no rate when nothing is expected', () => {
    expect(computeReportingRates([]).overall).toMatchObject({ expected: 0, reportingRate: null, onTimeRate: null });
    expect(percent(1, 8)).toBe(12.5);
  });
});

describe('timeliness of a unit report', () => {
  it('judges a department by 31 January and a county government by 31 March', () => {
    expect(
      assessReportTimeliness({
        year: 2025,
        unitKind: 'city_dept',
        isSubmitted: true,
        publishedAt: '2026-01-31',
        firstSubmittedOn: '2026-02-03',
        today: '2026-04-01',
      }),
    ).toEqual({
      deadline: '2026-01-31',
      timeliness: 'on_time',
      daysLate: 0,
      reportedOn: '2026-01-31',
    });
    expect(
      assessReportTimeliness({
        year: 2025,
        unitKind: 'city_dept',
        isSubmitted: true,
        publishedAt: null,
        firstSubmittedOn: '2026-02-03',
        today: '2026-04-01',
      }),
    ).toMatchObject({ timeliness: 'late', daysLate: 3 });
    expect(
      assessReportTimeliness({
        year: 2025,
        unitKind: 'county_gov',
        isSubmitted: true,
        publishedAt: '2026-03-20',
        firstSubmittedOn: null,
        today: '2026-04-01',
      }),
    ).toMatchObject({ deadline: '2026-03-31', timeliness: 'on_time' });
  });

  it('tells not yet due from overdue for a unit that has not reported', () => {
    expect(
      assessReportTimeliness({
        year: 2025,
        unitKind: 'township',
        isSubmitted: false,
        publishedAt: '2026-01-10',
        firstSubmittedOn: null,
        today: '2026-01-20',
      }),
    ).toMatchObject({ timeliness: 'not_due', reportedOn: null });
    expect(
      assessReportTimeliness({
        year: 2025,
        unitKind: 'township',
        isSubmitted: false,
        publishedAt: null,
        firstSubmittedOn: null,
        today: '2026-02-02',
      }),
    ).toMatchObject({ timeliness: 'overdue', daysLate: 2 });
  });
});
