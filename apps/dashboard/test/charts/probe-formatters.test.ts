import { describe, expect, it } from 'vitest';
import { findUnsafeOutputs, probeFormatters } from './probe-formatters';

const XSS = '<img src=x onerror=alert(1)>';
const names = ['甲', XSS];

describe('findUnsafeOutputs', () => {
  it('catches a tooltip that concatenates a raw name', () => {
    const option = {
      tooltip: { formatter: (p: { dataIndex: number }[]) => `<b>${names[p[0]?.dataIndex ?? 0]}</b>` },
      series: [{ type: 'bar', data: [1, 2] }],
    };
    expect(findUnsafeOutputs(option, XSS)).toEqual(expect.arrayContaining([expect.stringContaining('raw payload')]));
  });

  it('catches a string template tooltip and a missing formatter', () => {
    expect(findUnsafeOutputs({ tooltip: { formatter: '{b}: {c}' }, series: [{ type: 'bar', data: [1] }] }, XSS)).toEqual(
      expect.arrayContaining(['tooltip: no formatter function', 'tooltip.formatter: template in html']),
    );
    expect(findUnsafeOutputs({ tooltip: { trigger: 'item' }, series: [] }, XSS)).toContain('tooltip: no formatter function');
  });

  it('catches user text in a rich-text label', () => {
    const option = {
      tooltip: { formatter: () => '&lt;img src=x onerror=alert(1)&gt;' },
      series: [
        { type: 'bar', data: [1, 2], label: { rich: { a: {} }, formatter: (p: { dataIndex: number }) => `{a|${names[p.dataIndex]}}` } },
      ],
    };
    expect(findUnsafeOutputs(option, XSS)).toEqual(['series[0].label.formatter: user text in a rich-text label']);
  });

  it('calls category axis label formatters once per category, markLine labels once per line', () => {
    const probes = probeFormatters({
      yAxis: { type: 'category', data: ['a', { value: 'b' }], axisLabel: { formatter: (v: string, i: number) => `${i}:${v}` } },
      series: [
        { type: 'line', data: [], markLine: { data: [{ xAxis: 60 }], label: { formatter: (p: { value: number }) => `pass ${p.value}` } } },
      ],
    });
    expect(probes.map((p) => [p.path, p.sink, p.outputs])).toEqual([
      ['yAxis.axisLabel.formatter', 'canvas', ['0:a', '1:b']],
      ['series[0].markLine.label.formatter', 'canvas', ['pass 60']],
    ]);
  });
});
