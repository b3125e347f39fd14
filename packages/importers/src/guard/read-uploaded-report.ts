// The one reader for report files that arrive over the network (annualReports.parse). The server
// turns isolation on at start-up (apps/server/src/main.ts): each upload is then read in a separate
// process with heap and time limits (read-report-source-isolated.ts). Tests and the CLI read files
// the office chose itself, in-process, unless they turn it on too.
import { readReportSource, type ReportSource } from '../annual-report/read-source';
import { readReportSourceIsolated, REPORT_READ_LIMITS } from './read-report-source-isolated';
import type { IsolationLimits } from './run-isolated';

let isolation: IsolationLimits | null = null;

/** Read every later upload in a child process with these limits (null: in-process). */
export function configureUploadReading(limits: IsolationLimits | null = REPORT_READ_LIMITS): void {
  isolation = limits;
}

export function readUploadedReportSource(input: Uint8Array | string, fileName: string | null): Promise<ReportSource> {
  return isolation ? readReportSourceIsolated(input, fileName, isolation) : readReportSource(input, fileName ?? undefined);
}
