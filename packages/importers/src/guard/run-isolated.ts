// Runs one task in a separate Node process with a heap limit and a time limit, killed when either
// is exceeded: a hostile file costs bounded memory and time and never blocks the server's event
// loop (/healthz keeps answering meanwhile).
//
// Why a process and not worker_threads' resourceLimits: some allocations past a worker's heap limit
// (a huge string split, measured on Node 20) abort the WHOLE process with "FATAL ERROR: Reached
// heap limit" instead of ending only the worker. A child process that runs out of memory dies alone.
import { fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';

export interface IsolationLimits {
  timeoutMs: number;
  /** V8 old-generation heap of the child process. */
  maxHeapMb: number;
}

export type IsolatedFailure =
  | { kind: 'timeout' }
  | { kind: 'memory' }
  | { kind: 'crashed'; message: string }
  /** The task threw: its error's name, message and string `code` field. */
  | { kind: 'thrown'; name: string; message: string; code: string | null };

export class IsolatedTaskError extends Error {
  override readonly name = 'IsolatedTaskError';
  constructor(readonly failure: IsolatedFailure) {
    super(failure.kind === 'thrown' || failure.kind === 'crashed' ? failure.message : failure.kind);
  }
}

const ENTRY = fileURLToPath(new URL('./isolated-entry.mjs', import.meta.url));

type Reply<O> = { ok: true; value: O } | { ok: false; error: { name: string; message: string; code: string | null } };

/** `moduleUrl`'s export `exportName(input)` in a fresh process; input and result cross as structured clones. */
export function runIsolated<I, O>(moduleUrl: URL, exportName: string, input: I, limits: IsolationLimits): Promise<O> {
  return new Promise<O>((resolve, reject) => {
    const child = fork(ENTRY, [], {
      execArgv: [`--max-old-space-size=${limits.maxHeapMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    // Lower priority: on a busy machine the server answers first, the parse takes what is left.
    try {
      if (child.pid !== undefined) setPriority(child.pid, 10);
    } catch {
      // not permitted here: the limits still hold
    }
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
      fn();
    };
    const timer = setTimeout(() => settle(() => reject(new IsolatedTaskError({ kind: 'timeout' }))), limits.timeoutMs);
    child.once('message', (reply: Reply<O>) => {
      settle(() => (reply.ok ? resolve(reply.value) : reject(new IsolatedTaskError({ kind: 'thrown', ...reply.error }))));
    });
    child.once('error', (error) => settle(() => reject(new IsolatedTaskError({ kind: 'crashed', message: error.message }))));
    child.once('exit', (code, signal) => {
      const memory = /heap out of memory|Reached heap limit/.test(stderr);
      settle(() =>
        reject(new IsolatedTaskError(memory ? { kind: 'memory' } : { kind: 'crashed', message: `exited with ${signal ?? code}` })),
      );
    });
    child.send({ moduleUrl: moduleUrl.href, exportName, input });
  });
}
