import type { ReportCheck, ReportFormat } from '@kaoping/contracts/annual-report/annual-report';

/** What the city-wide summary documents hold: the summed tables, whose reports they add up, the checks on the sum. */
export interface AnnualReportDocument {
  title: string;
  year: number;
  format: ReportFormat;
  cells: Readonly<Record<string, number | null>>;
  /** One line saying what was added up. */
  scope: string;
  units: readonly { code: string; name: string; versionNo: number }[];
  checks: readonly ReportCheck[];
}
