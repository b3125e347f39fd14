// A unit's share of points earned on each level-1 indicator, against its group's average.
// Indicators not applicable to the unit are left out rather than drawn as zero.
import type { RadarSeriesOption } from 'echarts/charts';
import type { LegendComponentOption, RadarComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption, EChartsCoreOption } from 'echarts/core';
import { type ChartLabels, defaultChartLabels } from '../chart-labels';
import { dataIndexOf, fillTemplate, formatSigned } from '../chart-format';
import { formatPercent } from '../../lib/format-number';
import { INK, SERIES_COLORS } from '../chart-palette';
import { tooltipHtml } from '../tooltip-html';
import { LEGEND_TEXT, TOOLTIP_BOX } from './option-blocks';

export interface RadarIndicator {
  code: string;
  name: string;
  /** 0–100; null when not applicable to the unit. */
  unitShare: number | null;
  groupShare: number | null;
}

export interface UnitRadarView {
  unitName: string;
  groupName: string;
  indicators: readonly RadarIndicator[];
}

type UnitRadarOption = ComposeOption<RadarSeriesOption | RadarComponentOption | LegendComponentOption | TooltipComponentOption>;

const UNIT_COLOR = SERIES_COLORS[0];
const GROUP_COLOR = SERIES_COLORS[6];

export function buildUnitRadarOption(view: UnitRadarView, labels: ChartLabels = defaultChartLabels): EChartsCoreOption {
  const shown = view.indicators.filter((i): i is RadarIndicator & { unitShare: number } => i.unitShare !== null);
  const groupLabel = fillTemplate(labels.groupAverageOf, { group: view.groupName });

  const option: UnitRadarOption = {
    legend: { bottom: 0, data: [view.unitName, groupLabel], ...LEGEND_TEXT },
    tooltip: {
      trigger: 'item',
      ...TOOLTIP_BOX,
      formatter: (params: unknown) => {
        const isUnit = dataIndexOf(params) === 0;
        const rows = shown.map((i) => ({
          label: i.name,
          value: isUnit
            ? `${formatPercent(i.unitShare)}${i.groupShare === null ? '' : `(${formatSigned(i.unitShare - i.groupShare, 1)})`}`
            : formatPercent(i.groupShare),
        }));
        return tooltipHtml(
          isUnit ? view.unitName : groupLabel,
          rows,
          isUnit ? [fillTemplate(labels.diffToAverage, { average: groupLabel })] : [],
        );
      },
    },
    radar: {
      radius: '62%',
      center: ['50%', '48%'],
      indicator: shown.map((i) => ({ name: i.name, max: 100, min: 0 })),
      axisName: { color: INK.text, fontSize: 12 },
      splitNumber: 4,
      splitLine: { lineStyle: { color: INK.split } },
      splitArea: { show: false },
      axisLine: { lineStyle: { color: INK.axis } },
    },
    series: [
      {
        type: 'radar',
        name: view.unitName,
        symbol: 'circle',
        symbolSize: 5,
        data: [
          {
            name: view.unitName,
            value: shown.map((i) => i.unitShare),
            itemStyle: { color: UNIT_COLOR },
            lineStyle: { color: UNIT_COLOR, width: 2 },
            areaStyle: { color: UNIT_COLOR, opacity: 0.15 },
          },
          {
            name: groupLabel,
            value: shown.map((i) => i.groupShare ?? 0),
            itemStyle: { color: GROUP_COLOR },
            lineStyle: { color: GROUP_COLOR, width: 1.5, type: 'dashed' },
          },
        ],
      },
    ],
  };
  return option;
}
