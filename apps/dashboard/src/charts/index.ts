// The charts' public face for other workspace packages: the test-only chart preview page in
// apps/e2e renders the real host with every option builder through this file, so the
// dashboard itself carries no test-only page.
export { chartsEn } from '../i18n/areas/charts.en';
export { chartsZh } from '../i18n/areas/charts.zh';
export { CHART_FONT, GRADE_COLORS, GRADE_ORDER } from './chart-palette';
export { EChart } from './echart';
export { buildGroupTrendOption } from './options/group-trend';
export { buildHeatMapOption, heatMapHeight, type HeatMapIndicator, type HeatMapUnit } from './options/heat-map';
export { buildOverdueByUnitOption } from './options/overdue-by-unit';
export { buildRankingBarOption, type RankingUnit } from './options/ranking-bar';
export { buildRectificationBurndownOption } from './options/rectification-burndown';
export { buildScoreWaterfallOption } from './options/score-waterfall';
export { buildUnitRadarOption } from './options/unit-radar';
export { buildUnitTrendOption } from './options/unit-trend';
export { buildWhatIfComparisonOption } from './options/what-if-comparison';
