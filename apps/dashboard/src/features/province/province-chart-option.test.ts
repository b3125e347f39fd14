import { describe, expect, it } from 'vitest';
import { canvasOutputs, findUnsafeOutputs, probeFormatters } from '../../../test/charts/probe-formatters';
import { chartsEn } from '../../i18n/areas/charts.en';
import { provinceEn } from '../../i18n/areas/province.en';
import { buildProvinceChartOption, type ProvinceChartCity } from './province-chart-option';

const XSS = '<img src=x onerror=alert(1)>';
const grades = ['优秀', '合格', '不合格'];
const cities: ProvinceChartCity[] = [
  {
    id: 1,
    name: '甲市',
    period: '2026Q2',
    units: 5,
    mean: 81.5,
    median: 80,
    failing: 1,
    grades: [
      { grade: '优秀', count: 2 },
      { grade: '合格', count: 2 },
      { grade: '不合格', count: 1 },
    ],
  },
  {
    id: 2,
    name: XSS,
    period: '2026Q1',
    units: 2,
    mean: 90,
    median: 90,
    failing: 0,
    grades: grades.map((grade) => ({ grade, count: grade === '优秀' ? 2 : 0 })),
  },
  {
    id: 3,
    name: '丙市',
    period: null,
    units: 0,
    mean: null,
    median: null,
    failing: 0,
    grades: grades.map((grade) => ({ grade, count: 0 })),
  },
];

describe('buildProvinceChartOption', () => {
  it('stacks one series per grade over the cities, in the order given', () => {
    const option = buildProvinceChartOption({ grades, cities }) as {
      xAxis: { data: string[] };
      legend: { data: string[] };
      series: { name: string; data: number[] }[];
    };
    expect(option.xAxis.data).toEqual(['1', '2', '3']);
    expect(option.legend.data).toEqual(grades);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['优秀', [2, 2, 0]],
      ['合格', [2, 0, 0]],
      ['不合格', [1, 0, 0]],
    ]);
  });

  it('names the grades and the figures in the page language; the axis shows the short name', () => {
    const labels = { ...provinceEn.tooltip, notPublished: provinceEn.notPublished, gradeNames: chartsEn.gradeNames };
    const option = buildProvinceChartOption({ grades, cities: [{ ...cities[0]!, shortName: '甲' }] }, labels);
    expect((option as { legend: { data: string[] } }).legend.data).toEqual(['Excellent', 'Pass', 'Fail']);
    const probes = probeFormatters(option);
    expect(probes.find((p) => p.path === 'xAxis.axisLabel.formatter')?.outputs).toEqual(['甲']);
    const tooltip = probes.find((p) => p.path === 'tooltip.formatter')?.outputs.join('') ?? '';
    expect(tooltip).toContain('Below pass line');
    expect(tooltip).toContain('Excellent');
  });

  it('escapes city names in every tooltip; the names are drawn as text on the axis', () => {
    const option = buildProvinceChartOption({ grades, cities });
    expect(findUnsafeOutputs(option, XSS)).toEqual([]);
    expect(canvasOutputs(option)).toContain(XSS);
    const tooltip = probeFormatters(option).find((p) => p.path === 'tooltip.formatter')?.outputs ?? [];
    expect(tooltip.join('')).toContain('平均分');
    expect(tooltip.join('')).toContain('尚未发布');
    expect(tooltip.join('')).toContain('&lt;img');
  });
});
