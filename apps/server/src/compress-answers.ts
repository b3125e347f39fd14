// API answers compressed for the browser (issue #14): a ranking of 3,000 units is about 630 KB of
// JSON, some 60 KB compressed. The answer is collected (tRPC writes it whole: the dashboard's batch
// link does not stream), then, when it is worth it and the browser accepts it, compressed off the
// event loop (zlib's thread pool) with Brotli at a fast quality or gzip, and sent with its length.
// Bodiless answers (304), small ones and errors pass as they are. `onAnswer` sees the bytes sent, with
// every header set, just before they go (answer-cache.ts keeps those of versioned queries).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Answers smaller than this are sent as they are: compressing saves less than it costs. */
export const COMPRESS_MIN_BYTES = 2048;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

type Chunk = string | Buffer | Uint8Array;

export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const allows = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (allows('br')) return 'br';
  if (allows('gzip')) return 'gzip';
  return null;
}

/** Makes `res` compress the answer the handler is about to write, when the request accepts it. */
export function compressAnswer(req: IncomingMessage, res: ServerResponse, onAnswer?: (body: Buffer) => void): void {
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  res.appendHeader('Vary', 'Accept-Encoding');
  if (encoding === null && onAnswer === undefined) return;
  const chunks: Buffer[] = [];
  const toBuffer = (chunk: Chunk, enc?: BufferEncoding) =>
    typeof chunk === 'string' ? Buffer.from(chunk, enc ?? 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const originalWrite = res.write.bind(res) as (chunk: Chunk) => boolean;
  const originalEnd = res.end.bind(res) as (chunk?: Chunk, cb?: () => void) => ServerResponse;
  res.write = ((chunk: Chunk, enc?: BufferEncoding | ((error?: Error | null) => void), cb?: (error?: Error | null) => void) => {
    chunks.push(toBuffer(chunk, typeof enc === 'string' ? enc : undefined));
    const done = typeof enc === 'function' ? enc : cb;
    if (done) process.nextTick(done);
    return true;
  }) as ServerResponse['write'];
  res.end = ((chunk?: Chunk | (() => void), enc?: BufferEncoding | (() => void), cb?: () => void) => {
    if (chunk !== undefined && typeof chunk !== 'function') chunks.push(toBuffer(chunk, typeof enc === 'string' ? enc : undefined));
    const done = typeof chunk === 'function' ? chunk : typeof enc === 'function' ? enc : cb;
    res.write = originalWrite as ServerResponse['write'];
    res.end = originalEnd as ServerResponse['end'];
    const body = chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks);
    const type = String(res.getHeader('Content-Type') ?? '');
    if (
      encoding === null ||
      res.headersSent ||
      res.statusCode !== 200 ||
      body.byteLength < COMPRESS_MIN_BYTES ||
      !type.includes('json') ||
      res.hasHeader('Content-Encoding')
    ) {
      if (!res.headersSent) {
        res.setHeader('Content-Length', body.byteLength);
        onAnswer?.(body);
      }
      originalEnd(body, done);
      return res;
    }
    const compressed =
      encoding === 'br'
        ? brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 3, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } })
        : gz(body, { level: 6 });
    compressed.then(
      (out) => {
        res.setHeader('Content-Encoding', encoding);
        res.setHeader('Content-Length', out.byteLength);
        onAnswer?.(out);
        originalEnd(out, done);
      },
      () => {
        res.setHeader('Content-Length', body.byteLength);
        onAnswer?.(body);
        originalEnd(body, done);
      },
    );
    return res;
  }) as ServerResponse['end'];
}
