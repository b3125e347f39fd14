import { chartsZh } from '../i18n/areas/charts.zh';

/** The strings a chart draws; every builder takes them last, defaulting to Chinese. */
export type ChartLabels = typeof chartsZh;
export const defaultChartLabels: ChartLabels = chartsZh;
