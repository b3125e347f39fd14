// Long loops in request handlers give the event loop a turn now and then, so other requests (and
// /healthz) are answered while an import of 100,000 rows runs. On SQLite the one connection stays
// with the import's transaction; requests that need the database wait for it, the rest go on.

/** Resolves after pending I/O callbacks have run. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A counter that yields every `every` calls: `await tick()` inside a loop. */
export function cooperativeTicker(every = 200): () => Promise<void> {
  let n = 0;
  return () => (++n % every === 0 ? yieldToEventLoop() : Promise.resolve());
}
