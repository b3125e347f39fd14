// The readers for files that arrive over the network (annualReports.parse, units.importFile). The
// server turns isolation on at start-up (apps/server/src/main.ts): each upload is then read in a
// separate process with heap and time limits (run-isolated.ts), off the server's event loop. Tests
// and the CLI read files the office chose itself, in-process, unless they turn it on too. The in-process
// readers (parsers of docx, xlsx, html) load at first use, not with the server.
import type { ReportSource } from '../annual-report/read-source';
import { readReportSourceIsolated, REPORT_READ_LIMITS } from './read-report-source-isolated';
import type { InterchangeFileKind, InterchangeRow } from '@kaoping/contracts/scoring/interchange-rows';
import type { ImportResult } from '../interchange/import-issue';
import type { InterchangeRows } from '../interchange/read-interchange';
import type { ReadInterchangeTask } from './read-interchange-task';
import { IsolatedTaskError, runIsolated, type IsolationLimits } from './run-isolated';

let isolation: IsolationLimits | null = null;

/** Read every later upload in a child process with these limits (null: in-process). */
export function configureUploadReading(limits: IsolationLimits | null = REPORT_READ_LIMITS): void {
  isolation = limits;
}

export function readUploadedReportSource(input: Uint8Array | string, fileName: string | null): Promise<ReportSource> {
  if (isolation) return readReportSourceIsolated(input, fileName, isolation);
  return import('../annual-report/read-source').then((m) => m.readReportSource(input, fileName ?? undefined));
}

const INTERCHANGE_TASK = new URL('./read-interchange-task.ts', import.meta.url);

/** An interchange file's rows, format-checked (no cross-checks: run them on the result). */
export async function readUploadedInterchange<K extends InterchangeFileKind>(
  kind: K,
  file: { name: string; bytes: Uint8Array },
): Promise<ImportResult<InterchangeRows<InterchangeRow[K]>>> {
  if (!isolation) return (await import('../interchange/read-interchange')).readInterchangeFile(kind, file, () => undefined);
  try {
    return await runIsolated<ReadInterchangeTask, ImportResult<InterchangeRows<InterchangeRow[K]>>>(
      INTERCHANGE_TASK,
      'readInterchangeTask',
      { kind, name: file.name, bytes: file.bytes },
      isolation,
    );
  } catch (error) {
    if (!(error instanceof IsolatedTaskError)) throw error;
    const why =
      error.failure.kind === 'timeout'
        ? `读取超时(超过 ${isolation.timeoutMs / 1000} 秒)`
        : error.failure.kind === 'memory'
          ? '读取所需内存超过上限'
          : '文件无法读取';
    return { ok: false, issues: [{ file: file.name, row: null, column: null, message: `${why},请检查文件或拆分后再导入` }] };
  }
}
