import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, COMPRESS_MIN_BYTES, compressAnswer } from './compress-answers';

const big = JSON.stringify({ result: { data: Array.from({ length: 2000 }, (_, i) => ({ unitId: i, name: `单位${i}`, final: i / 7 })) } });

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    compressAnswer(req, res);
    const url = new URL(req.url ?? '/', 'http://x');
    res.statusCode = Number(url.searchParams.get('status') ?? 200);
    res.setHeader('Content-Type', url.searchParams.get('type') ?? 'application/json');
    const body = url.searchParams.get('small') ? '{"result":{"data":1}}' : big;
    // Written in two pieces, as a handler may.
    res.write(body.slice(0, 100));
    res.end(body.slice(100));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((ok) => server.close(ok)));

function get(path: string, acceptEncoding?: string): Promise<{ headers: Record<string, unknown>; body: Buffer; status: number }> {
  return new Promise((resolve, reject) => {
    request(`${base}${path}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks), status: res.statusCode ?? 0 }));
    })
      .on('error', reject)
      .end();
  });
}

describe('compressed API answers', () => {
  it('sends Brotli to a browser that accepts it, with the compressed length', async () => {
    const answer = await get('/', 'gzip, deflate, br, zstd');
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['vary']).toContain('Accept-Encoding');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.byteLength);
    expect(answer.body.byteLength).toBeLessThan(Buffer.byteLength(big) / 4);
    expect(brotliDecompressSync(answer.body).toString('utf8')).toBe(big);
  });

  it('sends gzip when Brotli is not accepted', async () => {
    const answer = await get('/', 'gzip');
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(answer.body).toString('utf8')).toBe(big);
  });

  it('leaves the answer as it is without Accept-Encoding, for small answers, errors and non-JSON', async () => {
    for (const [path, accept] of [
      ['/', undefined],
      ['/', 'br;q=0, gzip;q=0'],
      ['/?small=1', 'br'],
      ['/?status=500', 'br'],
      ['/?type=text/plain', 'br'],
    ] as const) {
      const answer = await get(path, accept);
      expect(answer.headers['content-encoding'], path).toBeUndefined();
      expect(answer.body.toString('utf8'), path).toBe(path.includes('small') ? '{"result":{"data":1}}' : big);
    }
    expect((await get('/?small=1', 'br')).body.byteLength).toBeLessThan(COMPRESS_MIN_BYTES);
  });

  it('reads Accept-Encoding with its weights', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});
