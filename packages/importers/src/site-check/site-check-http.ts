// One HTTP request of a site check through undici: a time limit, a size bound on the body (the rest is
// not read), redirects left to the caller (so it can refuse to leave the unit's hosts), cancellable.
import { createHash } from 'node:crypto';
import { request } from 'undici';
import type { Dispatcher } from 'undici';

export const USER_AGENT = 'KaopingSiteCheck/1.0';

export interface HttpOptions {
  method?: 'GET' | 'HEAD';
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
  dispatcher?: Dispatcher;
}

export interface HttpAnswer {
  url: string;
  /** HTTP status, 0 when no answer came (see error). */
  status: number;
  error?: string;
  contentType: string;
  location: string | null;
  lastModified: string | null;
  body: Uint8Array;
  /** The body was longer than maxBytes and was cut. */
  truncated: boolean;
  startedAt: string;
  elapsedMs: number;
}

const header = (headers: Record<string, string | string[] | undefined>, name: string): string | null => {
  const v = headers[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
};

/** The code of a network error (ECONNREFUSED, ENOTFOUND…), or what timed out. */
function errorCode(error: unknown, timedOut: boolean): string {
  if (timedOut) return 'TIMEOUT';
  const e = error as { code?: string; cause?: { code?: string }; name?: string };
  return e.code ?? e.cause?.code ?? e.name ?? 'ERROR';
}

export async function httpRequest(url: string, options: HttpOptions): Promise<HttpAnswer> {
  const startedAt = new Date();
  const t0 = performance.now();
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const base = {
    url,
    contentType: '',
    location: null,
    lastModified: null,
    body: new Uint8Array(0),
    truncated: false,
    startedAt: startedAt.toISOString(),
  };
  try {
    const res = await request(url, {
      method: options.method ?? 'GET',
      signal,
      dispatcher: options.dispatcher,
      headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    // Cutting the body short destroys the stream, which then reports an abort nobody needs to hear.
    res.body.on('error', () => undefined);
    const chunks: Uint8Array[] = [];
    let size = 0;
    let truncated = false;
    if (options.method !== 'HEAD') {
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        const room = options.maxBytes - size;
        if (chunk.byteLength > room) {
          chunks.push(chunk.subarray(0, room));
          size += room;
          truncated = true;
          break;
        }
        chunks.push(chunk);
        size += chunk.byteLength;
      }
    }
    if (options.method === 'HEAD') await res.body.dump();
    else if (truncated) res.body.destroy();
    const body = Buffer.concat(chunks);
    return {
      ...base,
      status: res.statusCode,
      contentType: header(res.headers, 'content-type') ?? '',
      location: header(res.headers, 'location'),
      lastModified: header(res.headers, 'last-modified'),
      body,
      truncated,
      elapsedMs: performance.now() - t0,
    };
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason ?? error;
    return { ...base, status: 0, error: errorCode(error, timeout.aborted), elapsedMs: performance.now() - t0 };
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Bytes → text by the charset the server or the page declares (many 政府网站 are still GBK). */
export function decodeHtml(body: Uint8Array, contentType: string): string {
  const declared =
    /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ??
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(Buffer.from(body.subarray(0, 2048)).toString('latin1'))?.[1] ??
    'utf-8';
  try {
    return new TextDecoder(declared.toLowerCase() === 'gb2312' ? 'gbk' : declared).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
