// Revalidation for tRPC queries (issue #14): a GET answer carries a strong ETag (SHA-256 of its
// body) and `Cache-Control: private, no-cache`, so the browser keeps it but asks every time
// (answers depend on the session: never shared caches); when the client's If-None-Match names the
// same body, the answer is 304 without it. The body is still computed (the ETag is its hash),
// but nothing is sent, and the browser skips parsing. Mutations (POST) and errors pass through.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Chunk = string | Buffer | Uint8Array;

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === etag || t === '*' || t === `W/${etag}`;
  });
}

/** Runs `handler` with the response buffered when the request is a GET, then answers 200 with an ETag or 304. */
export function withHttpCache(
  req: IncomingMessage,
  res: ServerResponse,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): void {
  if (req.method !== 'GET') {
    handler(req, res);
    return;
  }
  const chunks: Buffer[] = [];
  const toBuffer = (chunk: Chunk, encoding?: BufferEncoding) =>
    typeof chunk === 'string' ? Buffer.from(chunk, encoding ?? 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const originalWrite = res.write.bind(res) as (chunk: Chunk) => boolean;
  const originalEnd = res.end.bind(res) as (chunk?: Chunk) => ServerResponse;
  res.write = ((chunk: Chunk, encoding?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void) => {
    chunks.push(toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (done) process.nextTick(done);
    return true;
  }) as ServerResponse['write'];
  res.end = ((chunk?: Chunk | (() => void), encoding?: BufferEncoding | (() => void), callback?: () => void) => {
    if (chunk !== undefined && typeof chunk !== 'function')
      chunks.push(toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined));
    const done = typeof chunk === 'function' ? chunk : typeof encoding === 'function' ? encoding : callback;
    res.write = originalWrite as ServerResponse['write'];
    res.end = originalEnd as ServerResponse['end'];
    const body = Buffer.concat(chunks);
    if (res.statusCode === 200 && !res.headersSent) {
      const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
      res.setHeader('ETag', etag);
      res.setHeader('Cache-Control', 'private, no-cache');
      if (matches(req.headers['if-none-match'], etag)) {
        res.statusCode = 304;
        res.removeHeader('Content-Type');
        res.removeHeader('Content-Length');
        originalEnd();
        if (done) process.nextTick(done);
        return res;
      }
      res.setHeader('Content-Length', body.byteLength);
    }
    originalEnd(body);
    if (done) process.nextTick(done);
    return res;
  }) as ServerResponse['end'];
  handler(req, res);
}
