import { describe, expect, it } from 'vitest';
import { HEAT_COLORS, INK } from '../chart-palette';
import { canvasOutputs, findUnsafeOutputs, probeFormatters } from '../testing/probe-formatters';
import { buildHeatMapOption, heatMapHeight, type HeatMapView } from './heat-map';

const XSS = '<img src=x onerror=alert(1)>';

const view: HeatMapView = {
  indicators: [
    { code: '1', name: '主动公开' },
    { code: '2', name: XSS },
    { code: '3', name: '年度报告' },
  ],
  units: [
    { key: 'A01', name: XSS, shares: [92.5, 40, null] },
    { key: 'A02', name: '江临市东湖区人民政府', shares: [100, 66.7, 80] },
  ],
  average: [96.25, 53.35, 80],
};

type Heat = { series: { data: unknown[]; label: { show: boolean } }[]; yAxis: { data: unknown[] }; visualMap: { inRange: { color: string[] }; outOfRange: { color: string }; min: number; max: number } };

describe('buildHeatMapOption', () => {
  it('lays out one cell per unit × indicator, the average row first, not applicable as out of range', () => {
    const option = buildHeatMapOption(view) as Heat;
    expect(option.yAxis.data).toEqual([{ value: ' average', textStyle: { fontWeight: 'bold' } }, 'A01', 'A02']);
    const data = option.series[0]?.data ?? [];
    expect(data).toHaveLength(9);
    expect(data[3]).toEqual([0, 1, 92.5]);
    expect(data[4]).toEqual({ value: [1, 1, 40], label: { color: '#ffffff' } });
    expect(data[5]).toEqual([2, 1, -1]);
    expect(option.visualMap).toMatchObject({ min: 0, max: 100, inRange: { color: [...HEAT_COLORS] }, outOfRange: { color: INK.notApplicable } });
  });

  it('labels each cell with its rounded share, a dash when not applicable', () => {
    const labels = probeFormatters(buildHeatMapOption(view)).find((p) => p.path === 'series[0].label.formatter');
    expect(labels?.outputs).toEqual(['96', '53', '80', '93', '40', '—', '100', '67', '80']);
  });

  it('escapes unit and indicator names in every tooltip; axis labels draw them as plain text', () => {
    const option = buildHeatMapOption(view);
    expect(findUnsafeOutputs(option, XSS)).toEqual([]);
    const tooltip = probeFormatters(option).find((p) => p.path === 'tooltip.formatter');
    // each cell is formatted twice (axis-style array and item params): cell 5 is A01 × 年度报告
    expect(tooltip?.outputs[10]).toContain('不适用');
    expect(tooltip?.outputs[0]).toContain('组平均');
    expect(canvasOutputs(option)).toEqual(expect.arrayContaining([XSS, '组平均', '主动公开']));
    expect(probeFormatters(option).every((p) => !p.isRich)).toBe(true);
  });

  it('handles 300 units × 12 indicators with a scrolling window and no animation', () => {
    const indicators = Array.from({ length: 12 }, (_, i) => ({ code: String(i + 1), name: `指标${i + 1}` }));
    const units = Array.from({ length: 300 }, (_, u) => ({ key: `U${u}`, name: `单位${u}`, shares: indicators.map((_, i) => ((u * 7 + i * 13) % 101)) }));
    const started = performance.now();
    const option = buildHeatMapOption({ indicators, units }) as Heat & { dataZoom: { endValue: number }[]; animation: boolean };
    expect(performance.now() - started).toBeLessThan(200);
    expect(option.series[0]?.data).toHaveLength(3600);
    expect(option.dataZoom[0]?.endValue).toBe(29);
    expect(option.animation).toBe(false);
    expect(heatMapHeight({ indicators, units })).toBe(30 * 22 + 150);
    expect(heatMapHeight(view)).toBe(3 * 22 + 150);
  });
});
