import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE, serveDashboard } from './static-assets';

const script = `export const x = ${JSON.stringify('考评'.repeat(2000))};`;
let dir: string;
let server: Server;
let base: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kaoping-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dir, 'assets/app-Abc123.js'), script);
  writeFileSync(join(dir, 'assets/app-Abc123.js.br'), brotliCompressSync(script));
  writeFileSync(join(dir, 'assets/app-Abc123.js.gz'), gzipSync(script));
  const assets = serveDashboard(dir);
  server = createServer((req, res) =>
    assets(req, res, () => {
      res.statusCode = 404;
      res.end();
    }),
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  rmSync(dir, { recursive: true, force: true });
});

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

describe('the built dashboard', () => {
  it('sends a hashed asset precompressed, kept for a year', async () => {
    const br = await get('/assets/app-Abc123.js', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.body.byteLength).toBeLessThan(Buffer.byteLength(script) / 4);
    expect((await get('/assets/app-Abc123.js', 'gzip')).headers['content-encoding']).toBe('gzip');
    const plain = await get('/assets/app-Abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(script);
  });

  it('asks again for index.html, also as the fallback of a page address', async () => {
    for (const path of ['/', '/rankings/heat-map']) {
      const page = await get(path, 'br');
      expect(page.status).toBe(200);
      expect(page.body.toString('utf8')).toContain('id="root"');
      expect(page.headers['cache-control']).toBe('no-cache');
    }
  });

  it('answers 404 for a missing asset, never a page that would be kept for a year', async () => {
    const missing = await get('/assets/app-Old999.js', 'br');
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBeUndefined();
  });
});
