// Worker tasks for run-in-worker.test.ts: each misbehaves in one way.
export function echo(input: { n: number }): { doubled: number } {
  return { doubled: input.n * 2 };
}

export function spin(): never {
  for (;;) {
    // a task that never returns: only terminate() stops it
  }
}

export function hog(): number {
  const keep: number[][] = [];
  for (;;) keep.push(Array.from({ length: 1_000_000 }, (_, i) => i));
}

export function fail(): never {
  const error = new Error('故意失败') as Error & { code: string };
  error.code = 'E_TEST';
  throw error;
}
