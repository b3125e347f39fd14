// Reads an uploaded report (bytes of .docx/.pdf/.html/.txt) in a separate process with memory and
// time limits (run-isolated.ts): a zip bomb or a pathological PDF costs one bounded, killed process,
// never the server.
// Same result and errors as readReportSource (annual-report/read-source.ts), so callers swap one
// call for the other.
import { ReportParseError, type ReportParseErrorCode } from '../annual-report/parse-error';
import type { ReportSource } from '../annual-report/read-source';
import { runIsolated, IsolatedTaskError, type IsolationLimits } from './run-isolated';
import type { ReadReportSourceTask } from './read-report-source-task';

export const REPORT_READ_LIMITS: IsolationLimits = { timeoutMs: 30_000, maxHeapMb: 512 };

const TASK = new URL('./read-report-source-task.ts', import.meta.url);

export async function readReportSourceIsolated(
  input: Uint8Array | string,
  fileName?: string | null,
  limits: IsolationLimits = REPORT_READ_LIMITS,
): Promise<ReportSource> {
  // Text already decoded has no container to unpack: read it here.
  if (typeof input === 'string') return (await import('../annual-report/read-source')).readReportSource(input, fileName ?? undefined);
  try {
    return await runIsolated<ReadReportSourceTask, ReportSource>(
      TASK,
      'readReportSourceTask',
      { bytes: input, fileName: fileName ?? null },
      limits,
    );
  } catch (error) {
    if (!(error instanceof IsolatedTaskError)) throw error;
    const f = error.failure;
    switch (f.kind) {
      case 'timeout':
        throw new ReportParseError('timeout', `读取文件超时(超过 ${limits.timeoutMs / 1000} 秒), 文件可能已损坏或过于复杂, 已停止`, {
          cause: error,
        });
      case 'memory':
        throw new ReportParseError('too_large', `读取文件所需内存超过 ${limits.maxHeapMb} MB 上限, 文件可能是压缩炸弹或过于复杂, 已停止`, {
          cause: error,
        });
      case 'thrown':
        if (f.name === 'ReportParseError' && f.code !== null)
          throw new ReportParseError(f.code as ReportParseErrorCode, f.message, { cause: error });
        throw new Error(f.message, { cause: error });
      case 'crashed':
        throw new Error(`读取文件的进程异常退出: ${f.message}`, { cause: error });
    }
  }
}
