import type { Shape } from '../shape';
import type { provinceZh } from './province.zh';

export const provinceEn: Shape<typeof provinceZh> = {
  title: 'Cities of the province',
  intro: "Each city's latest published assessment results (read-only). Click a city to open its overview and rankings.",
  picker: {
    label: 'City',
    placeholder: 'Choose a city',
    none: 'No cities in this province yet',
  },
  columns: {
    city: 'City',
    period: 'Period',
    publishedAt: 'Published',
    units: 'Units',
    ranked: 'Ranked',
    mean: 'Mean',
    median: 'Median',
    grades: 'Grades',
    failing: 'Below pass line',
  },
  notPublished: 'Not published yet',
  latest: "Each city's latest",
  empty: 'No cities in this province yet, or none has published results',
  open: 'Open',
  chartTitle: 'Grades by city',
  chartAria: 'Bar chart of the grades of each city in the province',
  tooltip: {
    period: 'Period',
    units: 'Units',
    mean: 'Mean',
    median: 'Median',
    failing: 'Below pass line',
    unitCount: '{{count}}',
  },
};
