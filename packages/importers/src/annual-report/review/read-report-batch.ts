// A whole folder (or .zip) of published reports, read off the caller's event loop: groups of files
// go to a separate process with memory and time limits (guard/run-isolated). When a group's process
// dies (timeout, memory, crash), its files are read again one process each, so one hostile file
// costs only itself.
import { IsolatedTaskError, runIsolated } from '../../guard/run-isolated';
import type { IsolationLimits as WorkerLimits } from '../../guard/run-isolated';
import { expandBatchFiles } from './read-report-batch-task';
import type { BatchFile, BatchFileRead, ReadReportBatchTask } from './read-report-batch-task';

const TASK = new URL('./read-report-batch-task.ts', import.meta.url);
const GROUP_SIZE = 25;
export const BATCH_GROUP_LIMITS: WorkerLimits = { timeoutMs: 120_000, maxHeapMb: 768 };
export const BATCH_FILE_LIMITS: WorkerLimits = { timeoutMs: 30_000, maxHeapMb: 512 };

function failureMessage(error: IsolatedTaskError, limits: WorkerLimits): string {
  const f = error.failure;
  if (f.kind === 'timeout') return `读取超时(超过 ${limits.timeoutMs / 1000} 秒), 文件可能已损坏或过于复杂`;
  if (f.kind === 'memory') return `读取所需内存超过 ${limits.maxHeapMb} MB 上限, 文件可能是压缩炸弹或过于复杂`;
  return `读取失败: ${error.message}`;
}

function runGroup(files: BatchFile[], year: number | null, limits: WorkerLimits): Promise<BatchFileRead[]> {
  return runIsolated<ReadReportBatchTask, BatchFileRead[]>(TASK, 'readReportBatchTask', { files, year }, limits);
}

export interface ReadReportBatchOptions {
  year: number | null;
  /** Called after each group with how many files are done. */
  onProgress?: (done: number, total: number) => void;
}

/** Every report file of the batch read; .zip files are unpacked first. Never throws for a bad file. */
export async function readReportBatch(files: readonly BatchFile[], options: ReadReportBatchOptions): Promise<BatchFileRead[]> {
  const expanded = expandBatchFiles(files);
  const out: BatchFileRead[] = [...expanded.refused];
  const all = expanded.files;
  for (let i = 0; i < all.length; i += GROUP_SIZE) {
    const group = all.slice(i, i + GROUP_SIZE);
    try {
      out.push(...(await runGroup(group, options.year, BATCH_GROUP_LIMITS)));
    } catch (error) {
      if (!(error instanceof IsolatedTaskError)) throw error;
      for (const file of group) {
        try {
          out.push(...(await runGroup([file], options.year, BATCH_FILE_LIMITS)));
        } catch (single) {
          if (!(single instanceof IsolatedTaskError)) throw single;
          out.push({ fileName: file.fileName, report: null, error: failureMessage(single, BATCH_FILE_LIMITS) });
        }
      }
    }
    options.onProgress?.(Math.min(all.length, i + GROUP_SIZE), all.length);
  }
  return out;
}
