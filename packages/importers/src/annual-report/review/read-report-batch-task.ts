// Runs in an isolated process (see read-report-batch.ts): reads and parses a group of published
// reports. A file that cannot be read is reported as such; the others still come back.
import { unzipSync } from 'fflate';
import { checkZipArchive, isZip } from '../../guard/zip-guard';
import { isReportParseError } from '../parse-error';
import { readPublishedReportSource } from '../read-published-report';
import type { PublishedReport } from '../read-published-report';
import { readReportSource } from '../read-source';

export interface BatchFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface BatchFileRead {
  fileName: string;
  report: PublishedReport | null;
  /** Why the file could not be read at all (Chinese), else null. */
  error: string | null;
}

export interface ReadReportBatchTask {
  files: BatchFile[];
  year: number | null;
}

export const REPORT_FILE = /\.(txt|md|markdown|html?|docx|pdf)$/i;

const MB = 1024 * 1024;
export const REPORT_ZIP_LIMITS = { maxUncompressedBytes: 500 * MB, maxEntries: 5_000, what: '压缩包' };

/** The report files inside a .zip of published reports (folders flattened, macOS debris skipped). */
export function unpackReportZip(bytes: Uint8Array): BatchFile[] {
  const refusal = checkZipArchive(bytes, REPORT_ZIP_LIMITS);
  if (refusal !== null) throw new Error(refusal);
  const entries = unzipSync(bytes, { filter: (f) => REPORT_FILE.test(f.name) && !/(^|\/)(__MACOSX|\.)/.test(f.name) });
  return Object.entries(entries)
    .map(([name, data]) => ({ fileName: name.replace(/^.*\//, ''), bytes: data }))
    .sort((a, b) => a.fileName.localeCompare(b.fileName));
}

/** .zip files are unpacked into their report files; other files pass through. */
export function expandBatchFiles(files: readonly BatchFile[]): { files: BatchFile[]; refused: BatchFileRead[] } {
  const out: BatchFile[] = [];
  const refused: BatchFileRead[] = [];
  for (const f of files) {
    if (/\.zip$/i.test(f.fileName) || (isZip(f.bytes) && !/\.docx$/i.test(f.fileName))) {
      try {
        out.push(...unpackReportZip(f.bytes));
      } catch (error) {
        refused.push({ fileName: f.fileName, report: null, error: error instanceof Error ? error.message : String(error) });
      }
    } else out.push(f);
  }
  return { files: out, refused };
}

export async function readOneReport(file: BatchFile, year: number | null): Promise<BatchFileRead> {
  try {
    const bytes = new Uint8Array(file.bytes);
    if (isZip(bytes)) {
      const refusal = checkZipArchive(bytes, {
        maxUncompressedBytes: 100 * MB,
        maxEntries: 5_000,
        requiredEntries: ['word/document.xml'],
        what: 'Word 文档',
      });
      if (refusal !== null) return { fileName: file.fileName, report: null, error: refusal };
    }
    const source = await readReportSource(bytes, file.fileName);
    return {
      fileName: file.fileName,
      report: readPublishedReportSource(source, { fileName: file.fileName, year: year ?? undefined }),
      error: null,
    };
  } catch (error) {
    if (isReportParseError(error)) return { fileName: file.fileName, report: null, error: error.message };
    throw error;
  }
}

export async function readReportBatchTask(task: ReadReportBatchTask): Promise<BatchFileRead[]> {
  const out: BatchFileRead[] = [];
  for (const file of task.files) out.push(await readOneReport(file, task.year));
  return out;
}
