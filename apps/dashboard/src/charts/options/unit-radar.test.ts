import { describe, expect, it } from 'vitest';
import { canvasOutputs, findUnsafeOutputs, probeFormatters } from '../../../test/charts/probe-formatters';
import { buildUnitRadarOption, type UnitRadarView } from './unit-radar';

const XSS = '<img src=x onerror=alert(1)>';
const view: UnitRadarView = {
  unitName: XSS,
  groupName: 'A类',
  indicators: [
    { code: '1', name: '主动公开', unitShare: 85, groupShare: 88.2 },
    { code: '2', name: XSS, unitShare: 60, groupShare: 71.5 },
    { code: '3', name: '年度报告', unitShare: null, groupShare: 90 },
    { code: '4', name: '问题整改', unitShare: 100, groupShare: null },
  ],
};
type Radar = {
  radar: { indicator: { name: string; max: number }[] };
  series: { data: { name: string; value: number[] }[] }[];
  legend: { data: string[] };
};

describe('buildUnitRadarOption', () => {
  it('draws the applicable indicators only, unit against the group average, on a 0–100 scale', () => {
    const option = buildUnitRadarOption(view) as Radar;
    expect(option.radar.indicator).toEqual([
      { name: '主动公开', max: 100, min: 0 },
      { name: XSS, max: 100, min: 0 },
      { name: '问题整改', max: 100, min: 0 },
    ]);
    expect(option.series[0]?.data.map((d) => [d.name, d.value])).toEqual([
      [XSS, [85, 60, 100]],
      ['A类平均', [88.2, 71.5, 0]],
    ]);
    expect(option.legend.data).toEqual([XSS, 'A类平均']);
  });

  it('shows the difference to the group average in the unit tooltip, everything escaped', () => {
    const option = buildUnitRadarOption(view);
    expect(findUnsafeOutputs(option, XSS)).toEqual([]);
    const [unitTip = '', , groupTip = ''] = probeFormatters(option).find((p) => p.path === 'tooltip.formatter')?.outputs ?? [];
    expect(unitTip).toContain('85.0%(−3.2)');
    expect(unitTip).toContain('括号内为与A类平均之差');
    expect(groupTip).toContain('A类平均');
    expect(groupTip).not.toContain('括号内');
    expect(canvasOutputs(option)).toEqual([]);
  });
});
