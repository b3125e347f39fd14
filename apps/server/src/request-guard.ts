// Refusals made before tRPC sees a request: cross-site mutations (CSRF, clickjacking's partner)
// and bodies the API never accepts. The dashboard sends JSON from its own origin, so a browser
// POST that is cross-site, or that is a form (multipart, urlencoded, text/plain), is not ours.
import type { IncomingMessage } from 'node:http';

export interface OriginPolicy {
  allowedOrigins: readonly string[];
}

/** Null when the request may go on, else the Chinese reason for a 403. */
export function refuseCrossSite(req: IncomingMessage, policy: OriginPolicy): string | null {
  if (req.method !== 'POST') return null;
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return '拒绝来自其他网站的请求';
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return '拒绝来源不明的请求';
    }
    if (host !== req.headers.host && !policy.allowedOrigins.includes(origin)) return '拒绝来自其他网站的请求';
  } else if (origin === 'null') {
    return '拒绝来源不明的请求';
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return '请求格式不受支持:接口只接受 JSON';
  return null;
}
