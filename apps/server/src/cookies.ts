import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SessionCookieJar } from '@kaoping/api/context';
import { SESSION_COOKIE } from '@kaoping/api/auth/session-token';

export function readSessionToken(req: IncomingMessage): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** HttpOnly, SameSite=Lax session cookie; Secure when served over HTTPS. */
export function createCookieJar(res: ServerResponse, secure: boolean): SessionCookieJar {
  const attrs = `Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  return {
    set: (token, maxAge) => res.appendHeader('Set-Cookie', `${SESSION_COOKIE}=${encodeURIComponent(token)}; Max-Age=${maxAge}; ${attrs}`),
    clear: () => res.appendHeader('Set-Cookie', `${SESSION_COOKIE}=; Max-Age=0; ${attrs}`),
  };
}
