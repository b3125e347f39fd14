// The only file that imports ECharts at run time: the tree-shaken core with exactly the charts
// and components the option builders use, the canvas renderer, and the Kaoping theme. The host
// (echart.tsx) loads this module with import(), so ECharts never enters the initial bundle.
import { BarChart, CustomChart, HeatmapChart, LineChart, RadarChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  LegendPlainComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { init, registerTheme, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { CHART_FONT, INK, SERIES_COLORS } from './chart-palette';

use([
  BarChart,
  CustomChart,
  HeatmapChart,
  LineChart,
  RadarChart,
  ScatterChart,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  LegendPlainComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  CanvasRenderer,
]);

export const KAOPING_THEME = 'kaoping';

registerTheme(KAOPING_THEME, {
  color: [...SERIES_COLORS],
  backgroundColor: 'transparent',
  textStyle: { fontFamily: CHART_FONT, color: INK.text },
  tooltip: {
    textStyle: { fontFamily: CHART_FONT, fontSize: 13, color: INK.text },
    borderColor: '#d9d9d9',
    extraCssText: 'box-shadow:0 2px 8px rgba(0,0,0,0.15);',
  },
});

export { init };
