import { describe, expect, it } from 'vitest';
import { canvasOutputs, findUnsafeOutputs, probeFormatters } from '../../../test/charts/probe-formatters';
import { buildOverdueByUnitOption, orderOverdueUnits, type OverdueUnit } from './overdue-by-unit';

const XSS = '<img src=x onerror=alert(1)>';
const units: OverdueUnit[] = [
  { key: 'C01', name: '临江区某街道', overdue: 1, openOnTime: 4 },
  { key: 'C02', name: XSS, overdue: 5, openOnTime: 0 },
  { key: 'C03', name: '东湖区某镇', overdue: 1, openOnTime: 6 },
];

describe('buildOverdueByUnitOption', () => {
  it('puts the units with the most overdue items on top', () => {
    expect(orderOverdueUnits(units).map((u) => u.key)).toEqual(['C02', 'C03', 'C01']);
    const option = buildOverdueByUnitOption({ units }) as { yAxis: { data: string[] }; series: { data: number[] }[] };
    expect(option.yAxis.data).toEqual(['C02', 'C03', 'C01']);
    expect(option.series.map((s) => s.data)).toEqual([
      [5, 1, 1],
      [0, 6, 4],
    ]);
  });

  it('shows only overdue items when on-time counts are not given', () => {
    const option = buildOverdueByUnitOption({ units: units.map(({ openOnTime: _o, ...u }) => u) }) as {
      series: unknown[];
      legend: { data: string[] };
    };
    expect(option.series).toHaveLength(1);
    expect(option.legend.data).toEqual(['已逾期']);
  });

  it('escapes unit names in every tooltip and leaves zero counts unlabelled', () => {
    const option = buildOverdueByUnitOption({ units });
    expect(findUnsafeOutputs(option, XSS)).toEqual([]);
    expect(probeFormatters(option).find((p) => p.path === 'series[1].label.formatter')?.outputs).toEqual(['', '6', '4']);
    expect(canvasOutputs(option)).toContain(XSS);
  });
});
