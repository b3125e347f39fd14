import { describe, expect, it } from 'vitest';
import { GRADE_COLORS } from '../chart-palette';
import { findUnsafeOutputs, probeFormatters } from '../../../test/charts/probe-formatters';
import { buildUnitTrendOption, type UnitTrendView } from './unit-trend';

const XSS = '<img src=x onerror=alert(1)>';
const view: UnitTrendView = {
  unitName: XSS,
  passScore: 60,
  points: [
    { period: '2025Q1', score: 78.5, rank: 6, rankedCount: 20, grade: '合格' },
    { period: '2025Q2', score: 88, rank: 2, rankedCount: 20, grade: '良好' },
    { period: '2025Q3', score: null, rank: null },
  ],
};

describe('buildUnitTrendOption', () => {
  it('puts the rank on an inverted second axis, rank 1 at the top', () => {
    const option = buildUnitTrendOption(view) as {
      yAxis: { inverse?: boolean; min: number; max: number }[];
      series: { data: unknown[] }[];
    };
    expect(option.yAxis[1]).toMatchObject({ inverse: true, min: 1, max: 20 });
    expect(option.series[1]?.data).toEqual([6, 2, '-']);
  });

  it('colours each score point by its grade', () => {
    const option = buildUnitTrendOption(view) as { series: { data: unknown[] }[] };
    expect(option.series[0]?.data).toEqual([
      { value: 78.5, itemStyle: { color: GRADE_COLORS['合格'] } },
      { value: 88, itemStyle: { color: GRADE_COLORS['良好'] } },
      '-',
    ]);
  });

  it('escapes the unit name in every tooltip', () => {
    const option = buildUnitTrendOption(view);
    expect(findUnsafeOutputs(option, XSS)).toEqual([]);
    expect(probeFormatters(option).find((p) => p.path === 'tooltip.formatter')?.outputs[0]).toContain('6 / 20');
  });
});
