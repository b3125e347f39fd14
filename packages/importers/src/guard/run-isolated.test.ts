import { describe, expect, it } from 'vitest';
import { runIsolated, IsolatedTaskError } from './run-isolated';

const TASKS = new URL('../../test/guard-tasks.ts', import.meta.url);
const limits = { timeoutMs: 10_000, maxHeapMb: 64 };

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IsolatedTaskError);
  return (error as IsolatedTaskError).failure;
}

describe('runIsolated (a child process with heap and time limits)', () => {
  it('returns the task result', async () => {
    await expect(runIsolated(TASKS, 'echo', { n: 21 }, limits)).resolves.toEqual({ doubled: 42 });
  });

  it('kills a task that runs past its time, while the event loop stays free', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 50);
    const started = Date.now();
    const failure = await failureOf(runIsolated(TASKS, 'spin', {}, { ...limits, timeoutMs: 1500 }));
    clearInterval(ticker);
    expect(failure).toEqual({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(ticks).toBeGreaterThan(10); // the main thread kept running meanwhile
  });

  it('stops a task that exceeds its heap, and the caller lives on', async () => {
    const roomy = { ...limits, timeoutMs: 60_000 };
    expect(await failureOf(runIsolated(TASKS, 'hog', {}, roomy))).toEqual({ kind: 'memory' });
  }, 150_000);

  it('carries a thrown error back with its name, message and code', async () => {
    expect(await failureOf(runIsolated(TASKS, 'fail', {}, limits))).toEqual({
      kind: 'thrown',
      name: 'Error',
      message: '故意失败',
      code: 'E_TEST',
    });
  });
});
