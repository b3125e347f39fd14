// Finished answers of versioned queries, kept as bytes (issue #14). A versioned GET's strong ETag is
// computed before any work (http-cache.ts) from everything its answer depends on: this process's boot
// id, the office read and its data version, China's date, the user (id, role, unit, office, kind,
// must-change-password), the tRPC accept and Accept-Encoding headers and the URL (procedures and
// input). A strong ETag promises the same bytes, so the bytes sent once under a tag can be sent again
// for it: the serialized and compressed body and the headers the answer set (Content-Type, ETag,
// Cache-Control, Vary, Content-Encoding, Content-Length), without running tRPC, JSON or compression.
// Only a 200 that carries the request's own ETag (tRPC gives it to successful answers only) and no
// Set-Cookie is kept. A write that moves the office's version changes the tag, so its answers are
// computed anew; kept answers of old versions age out of the LRU. Bounded by bytes; concurrent misses
// of one tag wait for the first (single flight) instead of computing the same answer again.
import type { OutgoingHttpHeader, ServerResponse } from 'node:http';
import { LRUCache } from 'lru-cache';

/** The default bound of one process's kept answers. */
export const ANSWER_CACHE_BYTES = 32 * 1024 * 1024;

export interface KeptAnswer {
  /** The headers the answer set (never Set-Cookie), in the order they were set. */
  headers: ReadonlyArray<readonly [string, OutgoingHttpHeader]>;
  /** The body as it was sent (compressed when the request's Accept-Encoding chose it). */
  body: Buffer;
  size: number;
}

/** Headers never kept: they belong to one response, not to the answer. */
const PER_RESPONSE_HEADERS = new Set(['set-cookie', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

/** What an entry costs beyond its body and headers (the key, the entry, the map's slot): a rough constant. */
const ENTRY_OVERHEAD_BYTES = 256;

export class AnswerCache {
  private readonly entries: LRUCache<string, KeptAnswer>;
  private readonly inFlight = new Map<string, Promise<KeptAnswer | null>>();
  /** How many times get() found a kept answer (tests and benches read it). */
  hits = 0;
  /** How many times pending() found another request computing the answer. */
  waits = 0;

  constructor(maxBytes: number = ANSWER_CACHE_BYTES) {
    // An answer larger than an eighth of the bound is not kept: it would push out many others.
    this.entries = new LRUCache({ maxSize: maxBytes, maxEntrySize: Math.floor(maxBytes / 8), sizeCalculation: (a) => a.size });
  }

  get size(): number {
    return this.entries.size;
  }

  get byteSize(): number {
    return this.entries.calculatedSize;
  }

  /** The kept answer for `key`, marked as the most recently used. */
  get(key: string): KeptAnswer | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) this.hits++;
    return entry;
  }

  /** The answer another request is computing for `key`, if any (resolves to null when it was not kept). */
  pending(key: string): Promise<KeptAnswer | null> | undefined {
    const computing = this.inFlight.get(key);
    if (computing !== undefined) this.waits++;
    return computing;
  }

  /**
   * Marks `key` as being computed by the caller; returns the function that ends it with the answer
   * (kept, and handed to the requests that waited) or null (nothing kept: the waiters compute their
   * own). Only the first call of the returned function counts.
   */
  lead(key: string): (answer: KeptAnswer | null) => void {
    let settle!: (answer: KeptAnswer | null) => void;
    this.inFlight.set(key, new Promise<KeptAnswer | null>((resolve) => (settle = resolve)));
    let done = false;
    return (answer) => {
      if (done) return;
      done = true;
      this.inFlight.delete(key);
      if (answer !== null) this.set(key, answer);
      settle(answer);
    };
  }

  /** Keeps `answer` (not when larger than an eighth of the bound), dropping the least recently used past the bound. */
  set(key: string, answer: KeptAnswer): void {
    if (answer.size > this.entries.maxEntrySize) return;
    this.entries.set(key, answer);
  }
}

/**
 * The answer `res` is about to send with `body`, if it may be sent again for the same ETag: a 200
 * carrying `etag` (so no call of the request failed) and no Set-Cookie. Its headers are those set
 * since `before` (the names set before the handler ran: security headers, the worker's name).
 */
export function keepableAnswer(res: ServerResponse, etag: string, body: Buffer, before: ReadonlySet<string>): KeptAnswer | null {
  if (res.statusCode !== 200 || res.headersSent || res.getHeader('etag') !== etag || res.hasHeader('set-cookie')) return null;
  const headers: Array<readonly [string, OutgoingHttpHeader]> = [];
  const bytes = ownBytes(body);
  let size = ENTRY_OVERHEAD_BYTES + etag.length + bytes.byteLength;
  for (const name of res.getHeaderNames()) {
    if (before.has(name) || PER_RESPONSE_HEADERS.has(name)) continue;
    const value = res.getHeader(name);
    if (value === undefined) continue;
    headers.push([name, value]);
    size += name.length + String(value).length;
  }
  return { headers, body: bytes, size };
}

/**
 * `body` on memory of its own: a small Buffer is often a slice of Node's shared 8 KB pool (and a
 * zlib output may be a view into a larger chunk), which keeping it would hold whole, unaccounted.
 */
export function ownBytes(body: Buffer): Buffer {
  if (body.byteOffset === 0 && body.buffer.byteLength === body.byteLength) return body;
  const own = Buffer.allocUnsafeSlow(body.byteLength);
  body.copy(own);
  return own;
}

/** Sends a kept answer on `res` (whose per-response headers are already set). */
export function sendKeptAnswer(res: ServerResponse, answer: KeptAnswer): void {
  res.statusCode = 200;
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  res.end(answer.body);
}
