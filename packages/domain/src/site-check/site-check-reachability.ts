// 站点无法访问 (veto): monitored for a week at ≥20 probes a day; veto when probes that failed or took
// ≥15 s make up ≥5% of them.

export const PROBE_TIMEOUT_MS = 15_000;
export const UNREACHABLE_VETO_SHARE = 0.05;
export const PROBES_PER_DAY = 20;
export const MONITOR_DAYS = 7;

export interface Probe {
  /** When the probe started (ISO instant). */
  at: string;
  /** HTTP status, 0 when the request failed. */
  status: number;
  elapsedMs: number;
}

/** A probe counts against the site when it failed (no answer, ≥400) or took 15 s or more. */
export function probeFailed(p: Probe): boolean {
  return p.status === 0 || p.status >= 400 || p.elapsedMs >= PROBE_TIMEOUT_MS;
}

export interface Reachability {
  probes: number;
  failed: number;
  /** failed / probes, 0 when there is no probe. */
  share: number;
  veto: boolean;
  /** The sample is the indicator's full week at 20 a day; otherwise the verdict is provisional. */
  sufficient: boolean;
}

export function reachability(probes: readonly Probe[]): Reachability {
  const failed = probes.filter(probeFailed).length;
  const share = probes.length === 0 ? 0 : failed / probes.length;
  // Compare in integers: failed / n ≥ 5%  ⇔  20·failed ≥ n, without float rounding at the edge.
  const veto = probes.length > 0 && failed * 20 >= probes.length;
  return { probes: probes.length, failed, share, veto, sufficient: probes.length >= PROBES_PER_DAY * MONITOR_DAYS };
}
