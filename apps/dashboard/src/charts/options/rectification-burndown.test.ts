import { describe, expect, it } from 'vitest';
import { findUnsafeOutputs, probeFormatters } from '../../../test/charts/probe-formatters';
import { buildRectificationBurndownOption } from './rectification-burndown';

const XSS = '<img src=x onerror=alert(1)>';

describe('buildRectificationBurndownOption', () => {
  const points = [
    { date: '2025-10-08', open: 40, closed: 0, overdue: 0 },
    { date: '2025-10-15', open: 31, closed: 9, overdue: 2 },
    { date: XSS, open: 20, closed: 20, overdue: null },
  ];

  it('draws open, closed and overdue counts over the dates', () => {
    const option = buildRectificationBurndownOption({ points }) as {
      series: { name: string; data: unknown[] }[];
      xAxis: { data: string[] };
    };
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['未销号', [40, 31, 20]],
      ['已销号', [0, 9, 20]],
      ['已逾期', [0, 2, '-']],
    ]);
    const noOverdue = buildRectificationBurndownOption({ points: points.map(({ overdue: _overdue, ...p }) => p) }) as { series: unknown[] };
    expect(noOverdue.series).toHaveLength(2);
  });

  it('opens a long time line on its latest days', () => {
    const long = Array.from({ length: 200 }, (_, i) => ({ date: `d${i}`, open: 200 - i, closed: i }));
    const option = buildRectificationBurndownOption({ points: long }) as { dataZoom: { startValue: number; endValue: number }[] };
    expect(option.dataZoom[0]).toMatchObject({ startValue: 110, endValue: 199 });
  });

  it('escapes every tooltip', () => {
    const option = buildRectificationBurndownOption({ points });
    expect(findUnsafeOutputs(option, XSS)).toEqual([]);
    expect(probeFormatters(option).find((p) => p.path === 'tooltip.formatter')?.outputs[2]).toContain('9 项');
  });
});
