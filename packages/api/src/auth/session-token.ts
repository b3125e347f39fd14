import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'kp_session';
export const SESSION_TTL_SECONDS = 8 * 60 * 60;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the hash is stored: a leaked database does not leak live sessions. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
