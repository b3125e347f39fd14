// 各市等次分布: one stacked bar per city of the province, a segment per grade, the city's mean and
// median and its units below the pass line in the tooltip. Pure: the page passes the summary and the
// labels; city names are user text and go through tooltipHtml (escaped).
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption, EChartsCoreOption } from 'echarts/core';
import { dataIndexOf, fillTemplate } from '../../charts/chart-format';
import { gradeColor, INK } from '../../charts/chart-palette';
import { CATEGORY_AXIS_LOOK, LEGEND_TEXT, TOOLTIP_BOX, VALUE_AXIS_LOOK } from '../../charts/options/option-blocks';
import { tooltipHtml } from '../../charts/tooltip-html';
import { chartsZh } from '../../i18n/areas/charts.zh';
import { provinceZh } from '../../i18n/areas/province.zh';

export interface ProvinceChartCity {
  id: number;
  name: string;
  /** On the axis (the full name in the tooltip). */
  shortName?: string;
  period: string | null;
  units: number;
  mean: number | null;
  median: number | null;
  failing: number;
  grades: readonly { grade: string; count: number }[];
}

export type ProvinceChartLabels = (typeof provinceZh)['tooltip'] & {
  notPublished: string;
  /** The standard grades in the page's language (charts area); a scheme's own grade shows as written. */
  gradeNames: Readonly<Record<string, string>>;
};

export const defaultProvinceChartLabels: ProvinceChartLabels = {
  ...provinceZh.tooltip,
  notPublished: provinceZh.notPublished,
  gradeNames: chartsZh.gradeNames,
};

type ProvinceOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

const score = (x: number | null) => (x === null ? '—' : x.toFixed(2));

export function buildProvinceChartOption(
  view: { grades: readonly string[]; cities: readonly ProvinceChartCity[] },
  labels: ProvinceChartLabels = defaultProvinceChartLabels,
): EChartsCoreOption {
  const cities = view.cities;
  const count = (n: number) => fillTemplate(labels.unitCount, { count: n });
  const gradeName = (grade: string) => labels.gradeNames[grade] ?? grade;
  const option: ProvinceOption = {
    animation: cities.length <= 50,
    legend: { top: 0, left: 0, data: view.grades.map(gradeName), ...LEGEND_TEXT },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      ...TOOLTIP_BOX,
      formatter: (params: unknown) => {
        const city = cities[dataIndexOf(params) ?? -1];
        if (!city) return '';
        if (city.period === null) return tooltipHtml(city.name, [], [labels.notPublished]);
        return tooltipHtml(city.name, [
          { label: labels.period, value: city.period },
          { label: labels.units, value: count(city.units) },
          { label: labels.mean, value: score(city.mean) },
          { label: labels.median, value: score(city.median) },
          ...city.grades.map((g) => ({ label: gradeName(g.grade), value: count(g.count), color: gradeColor(g.grade) })),
          { label: labels.failing, value: count(city.failing), isStrong: city.failing > 0 },
        ]);
      },
    },
    xAxis: {
      type: 'category',
      data: cities.map((c) => String(c.id)),
      axisTick: { show: false },
      ...CATEGORY_AXIS_LOOK,
      axisLabel: {
        ...CATEGORY_AXIS_LOOK.axisLabel,
        interval: 0,
        width: 120,
        overflow: 'truncate',
        formatter: (id: string) => {
          const city = cities.find((c) => String(c.id) === id);
          return city?.shortName || city?.name || id;
        },
      },
    },
    yAxis: { type: 'value', minInterval: 1, ...VALUE_AXIS_LOOK },
    series: view.grades.map((grade) => ({
      type: 'bar' as const,
      name: gradeName(grade),
      stack: 'grades',
      barMaxWidth: 48,
      emphasis: { focus: 'series' as const },
      itemStyle: { color: gradeColor(grade) },
      data: cities.map((c) => c.grades.find((g) => g.grade === grade)?.count ?? 0),
      label: {
        show: true,
        position: 'inside' as const,
        color: grade === '合格' ? INK.text : '#ffffff',
        fontSize: 11,
        formatter: (params: unknown) => {
          const value = (params as { value?: unknown }).value;
          return typeof value === 'number' && value > 0 ? String(value) : '';
        },
      },
    })),
  };
  return option;
}
