import { describe, expect, it } from 'vitest';
import { findUnsafeOutputs, probeFormatters } from '../../../test/charts/probe-formatters';
import { buildScoreWaterfallOption, layOutWaterfall, type ScoreWaterfallView } from './score-waterfall';

const XSS = '<img src=x onerror=alert(1)>';
// 100 − 3.5 − 8 = 88.5 (subtotal) − 2 (major) + 1.5 (bonus) = 88, capped to 59 by a veto.
const view: ScoreWaterfallView = {
  full: 100,
  steps: [
    { kind: 'loss', label: '主动公开', delta: -3.5 },
    { kind: 'loss', label: XSS, delta: -8 },
    { kind: 'subtotal', label: '小计', delta: 0 },
    { kind: 'major', label: '重大扣分', delta: -2 },
    { kind: 'bonus', label: '加分', delta: 1.5 },
    { kind: 'veto-cap', label: '否决封顶', delta: -29 },
  ],
  final: 59,
};
type Series = { name: string; data: unknown[] };

describe('buildScoreWaterfallOption', () => {
  it('keeps a running total from full marks to the final score', () => {
    expect(layOutWaterfall(view).map((b) => [b.label, b.total, b.base])).toEqual([
      ['满分', 100, 0],
      ['主动公开', 96.5, 96.5],
      [XSS, 88.5, 88.5],
      ['小计', 88.5, 0],
      ['重大扣分', 86.5, 86.5],
      ['加分', 88, 86.5],
      ['否决封顶', 59, 59],
      ['最终得分', 59, 0],
    ]);
  });

  it('floats changes on an invisible base and stands totals on the axis', () => {
    const series = (buildScoreWaterfallOption(view) as { series: Series[] }).series;
    expect(series.map((s) => s.name)).toEqual(['base', '失分', '加分', '得分']);
    expect(series[0]?.data).toEqual([0, 96.5, 88.5, 0, 86.5, 86.5, 59, 0]);
    expect(series[1]?.data.map((d) => (typeof d === 'object' && d ? (d as { value: number }).value : d))).toEqual([
      '-',
      3.5,
      8,
      '-',
      2,
      '-',
      29,
      '-',
    ]);
    expect(series[2]?.data).toEqual(['-', '-', '-', '-', '-', 1.5, '-', '-']);
    expect(series[3]?.data).toEqual([100, '-', '-', 88.5, '-', '-', '-', 59]);
  });

  it('labels changes signed and totals plainly', () => {
    const label = probeFormatters(buildScoreWaterfallOption(view)).find((p) => p.path === 'series[1].label.formatter');
    expect(label?.outputs).toEqual(['100.00', '−3.50', '−8.00', '88.50', '−2.00', '+1.50', '−29.00', '59.00']);
  });

  it('escapes indicator names in every tooltip', () => {
    const option = buildScoreWaterfallOption(view);
    expect(findUnsafeOutputs(option, XSS)).toEqual([]);
    const tooltip = probeFormatters(option).find((p) => p.path === 'tooltip.formatter');
    expect(tooltip?.outputs[4]).toContain('−8.00');
    expect(tooltip?.outputs[4]).toContain('88.50');
  });
});
