import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { Db, DialectName } from '@kaoping/db/connect';
import type { LoginRateLimiter } from './auth/login-rate-limiter';

/** What a request can do to its session cookie; the HTTP host implements it. */
export interface SessionCookieJar {
  set(token: string, maxAgeSeconds: number): void;
  clear(): void;
}

export interface Context {
  db: Db;
  dialect: DialectName;
  user: SessionUser | null;
  /** The raw session token from the cookie, if any (for logout). */
  sessionToken: string | null;
  clientIp: string;
  cookies: SessionCookieJar;
  loginLimiter: LoginRateLimiter;
  now: () => Date;
  /**
   * The data version of the office `db` reads (db/dashboard/database-version.ts), read once per request
   * (by the HTTP host with the session): keys the dashboard's cached answers. Absent: read from `db`.
   */
  dataVersion?: () => Promise<string | null>;
  /** The ETag the HTTP host computed for this GET before the work; sent with a successful answer only. */
  etag?: string | null;
}
