import { describe, expect, it } from 'vitest';
import { chartsEn } from '../../i18n/areas/charts.en';
import { findUnsafeOutputs, probeFormatters } from '../../../test/charts/probe-formatters';
import { buildGroupTrendOption, scoreAxisMin, type GroupTrendView } from './group-trend';

const XSS = '<img src=x onerror=alert(1)>';
const view: GroupTrendView = {
  groupName: XSS,
  spread: 'p10-p90',
  passScore: 60,
  points: [
    { period: '2025Q1', average: 81.2, low: 70, high: 90.5, passRate: 95 },
    { period: '2025Q2', average: null, low: null, high: null, passRate: null },
    { period: '2025Q3', average: 84, low: 72.5, high: 93, passRate: 100 },
  ],
};
type Series = { name: string; stack?: string; data: unknown[]; yAxisIndex?: number; markLine?: { data: unknown[] } };

describe('buildGroupTrendOption', () => {
  it('draws the spread as a band stacked on an invisible lower line, a gap where a period is missing', () => {
    const series = (buildGroupTrendOption(view) as { series: Series[] }).series;
    expect(series.map((s) => s.name)).toEqual(['spread-base', '10%–90% 分位', '平均分', '合格率']);
    expect(series[0]?.data).toEqual([70, '-', 72.5]);
    expect(series[1]?.data).toEqual([20.5, '-', 20.5]);
    expect(series.slice(0, 2).every((s) => s.stack === 'spread')).toBe(true);
    expect(series[2]?.data).toEqual([81.2, '-', 84]);
    expect(series[2]?.markLine?.data).toEqual([{ yAxis: 60 }]);
    expect(series[3]?.yAxisIndex).toBe(1);
  });

  it('starts the score axis near the lowest value', () => {
    expect(scoreAxisMin([70, 81.2, 60])).toBe(50);
    expect(scoreAxisMin([3])).toBe(0);
    expect(scoreAxisMin([null])).toBe(0);
  });

  it('escapes the group name in every tooltip', () => {
    const option = buildGroupTrendOption(view);
    expect(findUnsafeOutputs(option, XSS)).toEqual([]);
    const tooltip = probeFormatters(option).find((p) => p.path === 'tooltip.formatter');
    expect(tooltip?.outputs[0]).toContain('70.00–90.50');
    expect(tooltip?.outputs[0]).toContain('95.0%');
  });

  it('names the min–max band in English', () => {
    const option = buildGroupTrendOption({ ...view, spread: 'min-max' }, chartsEn) as { legend: { data: string[] } };
    expect(option.legend.data).toEqual(['Average', 'Min–max', 'Pass rate']);
  });
});
