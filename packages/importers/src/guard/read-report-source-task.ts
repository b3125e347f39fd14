// Runs inside the isolated process (see read-report-source-isolated.ts): the zip guard, then the reader.
import { readReportSource, type ReportSource } from '../annual-report/read-source';
import { ReportParseError } from '../annual-report/parse-error';
import { checkZipArchive, DOCX_LIMITS, isZip } from './zip-guard';

export interface ReadReportSourceTask {
  bytes: Uint8Array;
  fileName: string | null;
}

export async function readReportSourceTask(task: ReadReportSourceTask): Promise<ReportSource> {
  const bytes = new Uint8Array(task.bytes);
  // Only zips that claim to be Word documents reach mammoth; other zips are refused by the reader.
  if (isZip(bytes)) {
    const refusal = checkZipArchive(bytes, { ...DOCX_LIMITS, requiredEntries: [] });
    if (refusal !== null) throw new ReportParseError('bad_docx', refusal);
  }
  return readReportSource(bytes, task.fileName ?? undefined);
}
