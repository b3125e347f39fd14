import { describe, expect, it } from 'vitest';
import { GRADE_COLORS } from '../chart-palette';
import { findUnsafeOutputs, probeFormatters } from '../../../test/charts/probe-formatters';
import { buildWhatIfComparisonOption, orderWhatIfUnits, renderConnector, type WhatIfUnit } from './what-if-comparison';

const XSS = '<img src=x onerror=alert(1)>';
const units: WhatIfUnit[] = [
  { key: 'B01', name: '江临市教育局', official: { score: 91, rank: 1, grade: '优秀' }, scenario: { score: 88.5, rank: 2, grade: '良好' } },
  { key: 'B02', name: XSS, official: { score: 89, rank: 2, grade: '良好' }, scenario: { score: 90.2, rank: 1, grade: '优秀' } },
  { key: 'B03', name: '江临市财政局', official: { score: 70, rank: 3, grade: '合格' }, scenario: { score: 71, rank: 3, grade: '合格' } },
];

describe('buildWhatIfComparisonOption', () => {
  it('orders units by scenario rank and highlights those whose grade changes', () => {
    expect(orderWhatIfUnits(units).map((u) => u.key)).toEqual(['B02', 'B01', 'B03']);
    const option = buildWhatIfComparisonOption({ units, passScore: 60 }) as { yAxis: { data: unknown[] } };
    expect(option.yAxis.data).toEqual([
      { value: 'B02', textStyle: { color: '#c0392b', fontWeight: 'bold' } },
      { value: 'B01', textStyle: { color: '#c0392b', fontWeight: 'bold' } },
      'B03',
    ]);
  });

  it('places official and scenario scores on each row, joined by a connector', () => {
    const option = buildWhatIfComparisonOption({ units }) as { series: { name: string; data: unknown[] }[] };
    const [connector, official, scenario] = option.series;
    expect(connector?.data).toEqual([
      [0, 89, 90.2],
      [1, 91, 88.5],
      [2, 70, 71],
    ]);
    expect(official?.data.map((d) => (d as { value: unknown }).value)).toEqual([
      [89, 0],
      [91, 1],
      [70, 2],
    ]);
    expect((scenario?.data[0] as { itemStyle: { color: string } }).itemStyle.color).toBe(GRADE_COLORS['优秀']);
    const line = renderConnector({
      value: (d: number) => [0, 89, 90.2][d] ?? NaN,
      coord: ([x, y]: number[]) => [Number(x), Number(y)],
    } as never) as { shape: object };
    expect(line.shape).toEqual({ x1: 89, y1: 0, x2: 90.2, y2: 0 });
  });

  it('writes rank movement and the grade change beside the dot further right', () => {
    const option = buildWhatIfComparisonOption({ units }) as { series: { data: { label: { show: boolean } }[] }[] };
    const labels = probeFormatters(option).find((p) => p.path === 'series[2].label.formatter');
    expect(labels?.outputs).toEqual(['▲1  良好 → 优秀', '▼1  优秀 → 良好', '–']);
    // B01 drops from 91 to 88.5: its label sits on the official dot
    expect(option.series[1]?.data.map((d) => d.label.show)).toEqual([false, true, false]);
    expect(option.series[2]?.data.map((d) => d.label.show)).toEqual([true, false, true]);
  });

  it('escapes unit names in every tooltip', () => {
    const option = buildWhatIfComparisonOption({ units, passScore: 60 });
    expect(findUnsafeOutputs(option, XSS)).toEqual([]);
    const tooltip = probeFormatters(option).find((p) => p.path === 'tooltip.formatter')?.outputs[0] ?? '';
    expect(tooltip).toContain('名次 2 → 1');
    expect(tooltip).toContain('等次变化');
  });
});
