import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse } from 'cookie';
import type { SessionCookieJar } from '@kaoping/api/context';
import { SESSION_COOKIE } from '@kaoping/api/auth/session-token';

/** Session tokens are 32 random bytes in base64url; anything else is no session (never an error). */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function readSessionToken(req: IncomingMessage): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  let value: string | undefined;
  try {
    value = parse(header)[SESSION_COOKIE];
  } catch {
    return null;
  }
  return value !== undefined && TOKEN_SHAPE.test(value) ? value : null;
}

/** HttpOnly, SameSite=Lax session cookie; Secure when served over HTTPS. */
export function createCookieJar(res: ServerResponse, secure: boolean): SessionCookieJar {
  const attrs = `Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  return {
    set: (token, maxAge) => res.appendHeader('Set-Cookie', `${SESSION_COOKIE}=${encodeURIComponent(token)}; Max-Age=${maxAge}; ${attrs}`),
    clear: () => res.appendHeader('Set-Cookie', `${SESSION_COOKIE}=; Max-Age=0; ${attrs}`),
  };
}
