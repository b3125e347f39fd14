import { describe, expect, it } from 'vitest';
import { HEAT_COLORS, INK } from '../chart-palette';
import { canvasOutputs, findUnsafeOutputs, probeFormatters } from '../../../test/charts/probe-formatters';
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

type Heat = {
  series: { data: unknown[]; label: { show: boolean } }[];
  yAxis: { data: unknown[] };
  visualMap: { inRange: { color: string[] }; seriesIndex: number; min: number; max: number; show?: boolean }[];
};

describe('buildHeatMapOption', () => {
  it('lays out one cell per unit × indicator, the average row first, not applicable cells grey in a series of their own', () => {
    const option = buildHeatMapOption(view) as Heat;
    expect(option.yAxis.data).toEqual([{ value: ' average', textStyle: { fontWeight: 'bold' } }, 'A01', 'A02']);
    const data = option.series[0]?.data ?? [];
    expect(data).toHaveLength(8);
    expect(data[3]).toEqual([0, 1, 92.5]);
    expect(data[4]).toEqual({ value: [1, 1, 40], label: { color: '#ffffff' } });
    expect(option.series[1]?.data).toEqual([[2, 1, 0]]);
    expect(option.visualMap[0]).toMatchObject({ seriesIndex: 0, min: 0, max: 100, inRange: { color: [...HEAT_COLORS] } });
    expect(option.visualMap[1]).toMatchObject({ seriesIndex: 1, show: false, inRange: { color: [INK.notApplicable, INK.notApplicable] } });
  });

  it('labels each cell with its rounded share, a dash when not applicable', () => {
    const probes = probeFormatters(buildHeatMapOption(view));
    expect(probes.find((p) => p.path === 'series[0].label.formatter')?.outputs).toEqual(['96', '53', '80', '93', '40', '100', '67', '80']);
    expect(probes.find((p) => p.path === 'series[1].label.formatter')?.outputs).toEqual(['—']);
  });

  it('stacks indicator names vertically above 6 indicators, or on request', () => {
    const axisLabel = (v: HeatMapView) =>
      probeFormatters(buildHeatMapOption(v)).find((p) => p.path === 'xAxis.axisLabel.formatter')?.outputs;
    expect(axisLabel(view)?.[0]).toBe('主动公开');
    expect(axisLabel({ ...view, columnLabels: 'vertical' })?.[0]).toBe('主\n动\n公\n开');
    const many = {
      ...view,
      indicators: Array.from({ length: 7 }, (_, i) => ({ code: String(i), name: i === 0 ? '重点领域信息公开情况' : '年报' })),
      units: [],
    };
    expect(axisLabel(many)?.[0]).toBe('重\n点\n领\n域\n信\n息\n公\n…');
  });

  it('escapes unit and indicator names in every tooltip; axis labels draw them as plain text', () => {
    const option = buildHeatMapOption(view);
    expect(findUnsafeOutputs(option, XSS)).toEqual([]);
    const tooltip = probeFormatters(option).find((p) => p.path === 'tooltip.formatter');
    // each cell is formatted twice (axis-style array and item params); the not-applicable series comes last
    expect(tooltip?.outputs.at(-1)).toContain('不适用');
    expect(tooltip?.outputs[0]).toContain('组平均');
    expect(canvasOutputs(option)).toEqual(expect.arrayContaining([XSS, '组平均', '主动公开']));
    expect(probeFormatters(option).every((p) => !p.isRich)).toBe(true);
  });

  it('handles 300 units × 12 indicators with a scrolling window and no animation', () => {
    const indicators = Array.from({ length: 12 }, (_, i) => ({ code: String(i + 1), name: `指标${i + 1}` }));
    const units = Array.from({ length: 300 }, (_, u) => ({
      key: `U${u}`,
      name: `单位${u}`,
      shares: indicators.map((_, i) => (u * 7 + i * 13) % 101),
    }));
    const started = performance.now();
    const option = buildHeatMapOption({ indicators, units }) as Heat & { dataZoom: { endValue: number }[]; animation: boolean };
    expect(performance.now() - started).toBeLessThan(200);
    expect((option.series[0]?.data.length ?? 0) + (option.series[1]?.data.length ?? 0)).toBe(3600);
    expect(option.dataZoom[0]?.endValue).toBe(29);
    expect(option.animation).toBe(false);
    expect(heatMapHeight({ indicators, units })).toBe(30 * 22 + 150);
    expect(heatMapHeight(view)).toBe(3 * 22 + 150);
  });
});
