import type { Generated } from 'kysely';

// Security tables, as stored: instants are ISO UTC text.

/** Sign-in attempts per key, counted before the password is checked (see login-throttle.repository.ts). */
export interface LoginThrottleTable {
  key: string;
  /** Attempts since the key was last quiet or reset by a successful sign-in. */
  attempts: number;
  last_attempt_at: string;
  /** The earliest instant another attempt on this key is accepted. */
  next_allowed_at: string;
}

export interface SecurityEventTable {
  id: Generated<number>;
  at: string;
  /** 'login_failed' (refused sign-ins are not logged one by one) */
  kind: string;
  username: string;
  client_ip: string;
  detail: string;
}

export interface SecurityTables {
  login_throttle: LoginThrottleTable;
  security_events: SecurityEventTable;
}
