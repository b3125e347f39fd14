/**
 * Counts failed sign-ins per client address and per username in a sliding window.
 * In memory: Kaoping runs as one server process; a multi-process deployment would
 * move this to the database.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  private keys(ip: string, username: string): string[] {
    return [`ip:${ip}`, `user:${username.toLowerCase()}`];
  }

  private recent(key: string, nowMs: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => nowMs - t < this.windowMs);
    this.failures.set(key, list);
    return list;
  }

  /** Milliseconds until another attempt is allowed, or 0 when allowed now. */
  retryAfterMs(ip: string, username: string, nowMs: number): number {
    let wait = 0;
    for (const key of this.keys(ip, username)) {
      const list = this.recent(key, nowMs);
      if (list.length >= this.maxFailures) {
        const oldest = list[list.length - this.maxFailures] ?? nowMs;
        wait = Math.max(wait, oldest + this.windowMs - nowMs);
      }
    }
    return wait;
  }

  recordFailure(ip: string, username: string, nowMs: number): void {
    for (const key of this.keys(ip, username)) this.recent(key, nowMs).push(nowMs);
  }

  recordSuccess(ip: string, username: string): void {
    this.failures.delete(`user:${username.toLowerCase()}`);
    void ip;
  }
}
