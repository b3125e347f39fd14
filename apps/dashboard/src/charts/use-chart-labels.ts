import { useTranslation } from 'react-i18next';
import { chartsEn } from '../i18n/areas/charts.en';
import { chartsZh } from '../i18n/areas/charts.zh';
import type { ChartLabels } from './chart-labels';

/** The chart strings for the language the user chose; pass them to build…Option. */
export function useChartLabels(): ChartLabels {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? chartsEn : chartsZh;
}
