// Bytes of an office's 考核细则 → the proposed scheme, or the reasons it is refused (never throws for
// a bad file). In-process for files the office chose itself (CLI); `proposeSchemeIsolated` reads an
// upload in a child process with heap and time limits (guard/run-isolated.ts), like annual reports,
// so a hostile file costs one bounded, killed process and the server's event loop stays free.
import type { SchemeProposal } from '@kaoping/contracts/scoring/scheme-proposal';
import { IsolatedTaskError, runIsolated, type IsolationLimits } from '../guard/run-isolated';
import { proposeScheme, type ProposeOptions } from './propose-scheme';
import { readSchemeSource, SchemeImportError } from './read-scheme-source';

export interface ProposeDocumentOptions extends ProposeOptions {
  fileName: string;
}

/** Limits of one upload's read: 30 s, 512 MB of heap (a 细则 needs a few MB). */
export const SCHEME_READ_LIMITS: IsolationLimits = { timeoutMs: 30_000, maxHeapMb: 512 };

const refusal = (fileName: string, message: string): SchemeProposal => ({
  ok: false,
  errors: [{ where: fileName, row: null, message }],
  warnings: [],
});

export async function proposeSchemeDocument(bytes: Uint8Array, options: ProposeDocumentOptions): Promise<SchemeProposal> {
  try {
    return proposeScheme(await readSchemeSource(bytes), options);
  } catch (error) {
    if (error instanceof SchemeImportError) return refusal(options.fileName, error.message);
    throw error;
  }
}

/** The child process's task (structured-clone input and output). */
export function proposeSchemeTask(task: { bytes: Uint8Array; options: ProposeDocumentOptions }): Promise<SchemeProposal> {
  return proposeSchemeDocument(new Uint8Array(task.bytes), task.options);
}

const TASK = new URL('./propose-scheme-document.ts', import.meta.url);

export async function proposeSchemeIsolated(
  bytes: Uint8Array,
  options: ProposeDocumentOptions,
  limits: IsolationLimits = SCHEME_READ_LIMITS,
): Promise<SchemeProposal> {
  try {
    return await runIsolated<{ bytes: Uint8Array; options: ProposeDocumentOptions }, SchemeProposal>(
      TASK,
      'proposeSchemeTask',
      { bytes, options },
      limits,
    );
  } catch (error) {
    if (!(error instanceof IsolatedTaskError)) throw error;
    const f = error.failure;
    const message =
      f.kind === 'timeout'
        ? `读取文件超时(超过 ${limits.timeoutMs / 1000} 秒),文件可能已损坏或过于复杂,已停止;请检查文件或另存为 .xlsx / .docx 后再导入`
        : f.kind === 'memory'
          ? `读取文件所需内存超过 ${limits.maxHeapMb} MB 上限,文件可能是压缩炸弹或过于复杂,已停止`
          : `读取文件时出错,已停止:${f.message}`;
    return refusal(options.fileName, message);
  }
}
