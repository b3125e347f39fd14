// The byte cache's own rules: least recently used first out within its byte bound, one computation
// per key at a time, and only a 200 carrying the request's own ETag and no Set-Cookie is keepable,
// with the headers the answer set (not those set before it, nor per-response ones).
import { createServer, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AnswerCache, keepableAnswer, ownBytes, type KeptAnswer } from './answer-cache';

const answer = (bytes: number): KeptAnswer => ({
  headers: [['content-type', 'application/json']],
  body: Buffer.alloc(bytes, 1),
  size: bytes,
});

describe('AnswerCache', () => {
  it('keeps answers within its byte bound, pushing out the least recently used first', () => {
    const cache = new AnswerCache(8000);
    cache.set('a', answer(900));
    cache.set('b', answer(900));
    cache.set('c', answer(900));
    expect(cache.get('a')?.body.byteLength).toBe(900); // a is now the most recently used
    for (let i = 0; i < 7; i++) cache.set(`x${i}`, answer(900)); // 10 × 900 B: the two least recently used go
    expect(cache.byteSize).toBeLessThanOrEqual(8000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('x6')).toBeDefined();
  });

  it('does not keep an answer larger than an eighth of its bound', () => {
    const cache = new AnswerCache(8000);
    cache.set('big', answer(1001));
    expect(cache.get('big')).toBeUndefined();
    expect(cache.byteSize).toBe(0);
  });

  it('counts a replaced answer once', () => {
    const cache = new AnswerCache(8000);
    cache.set('a', answer(500));
    cache.set('a', answer(700));
    expect(cache.byteSize).toBe(700);
    expect(cache.size).toBe(1);
  });

  it('lets one request compute a key while the others wait for its answer, and keeps it', async () => {
    const cache = new AnswerCache(8000);
    const settle = cache.lead('k');
    const waiting = [cache.pending('k'), cache.pending('k')];
    expect(waiting.every((w) => w !== undefined)).toBe(true);
    const kept = answer(10);
    settle(kept);
    settle(null); // only the first settlement counts
    expect(await Promise.all(waiting)).toEqual([kept, kept]);
    expect(cache.pending('k')).toBeUndefined();
    expect(cache.get('k')).toBe(kept);
  });

  it('keeps nothing when the computing request had no answer to keep: the waiters learn it', async () => {
    const cache = new AnswerCache(8000);
    const settle = cache.lead('k');
    const waiting = cache.pending('k');
    settle(null);
    expect(await waiting).toBeNull();
    expect(cache.get('k')).toBeUndefined();
    expect(cache.pending('k')).toBeUndefined();
  });
});

describe('ownBytes', () => {
  it('copies a slice of a larger memory (Node’s Buffer pool) so that keeping it holds only its bytes', () => {
    const pooled = Buffer.from('{"result":{"data":1}}');
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength);
    const own = ownBytes(pooled);
    expect(own.equals(pooled)).toBe(true);
    expect(own.buffer.byteLength).toBe(own.byteLength);
    const whole = Buffer.allocUnsafeSlow(10);
    expect(ownBytes(whole)).toBe(whole);
  });
});

describe('keepableAnswer', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((ok) => (server ? server.close(() => ok()) : ok())));

  /** What keepableAnswer says of a response shaped by `shape` (headers set before it: X-Before). */
  async function keepable(shape: (res: ServerResponse) => void): Promise<KeptAnswer | null> {
    let result: KeptAnswer | null = null;
    server = createServer((_req, res) => {
      res.setHeader('X-Before', '1');
      const before = new Set(res.getHeaderNames());
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('ETag', '"tag"');
      shape(res);
      result = keepableAnswer(res, '"tag"', Buffer.from('{}'), before);
      res.end('{}');
    });
    await new Promise<void>((ok) => server?.listen(0, '127.0.0.1', ok));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((ok, fail) =>
      request(`http://127.0.0.1:${port}/`, (res) => res.resume().on('end', ok))
        .on('error', fail)
        .end(),
    );
    return result;
  }

  it('keeps a 200 with its own ETag, with the headers the answer set and not those set before it', async () => {
    const kept = await keepable(() => {});
    expect(kept?.headers).toEqual([
      ['content-type', 'application/json'],
      ['etag', '"tag"'],
    ]);
    expect(kept?.body.toString()).toBe('{}');
    expect(kept?.body.buffer.byteLength).toBe(2);
  });

  it('keeps no error, no answer without the ETag or with another, and none that sets a cookie', async () => {
    expect(
      await keepable((res) => {
        res.statusCode = 404;
      }),
    ).toBeNull();
    expect(await keepable((res) => res.removeHeader('ETag'))).toBeNull();
    expect(await keepable((res) => res.setHeader('ETag', '"other"'))).toBeNull();
    expect(await keepable((res) => res.setHeader('Set-Cookie', 'kp_session=x'))).toBeNull();
  });
});
