// Runs rank stability inline when it is quick, in a Web Worker when it would block the page
// for more than 100 ms. The cost is projected from a short calibration run on the same group.
import type { AnalysisGroup, AnalysisGroupData } from '@kaoping/domain/analysis/analysis-group';
import {
  computeRankStability,
  defaultRankStabilityOptions,
  type RankStabilityOptions,
  type RankStabilityResult,
} from '@kaoping/domain/analysis/rank-stability';

/** Longest a run may block the page; above it goes to a worker. */
export const INLINE_BUDGET_MS = 100;
const CALIBRATION_DRAWS = 20;

export interface StabilityRun {
  result: RankStabilityResult;
  /** Wall time from the click to the result (worker: including start-up and transfer). */
  ms: number;
  where: 'inline' | 'worker';
  /** What the calibration projected for an inline run. */
  projectedMs: number;
}

export interface StabilityJob {
  promise: Promise<StabilityRun>;
  cancel(): void;
}

type WorkerReply = { ok: true; result: RankStabilityResult; ms: number } | { ok: false; message: string };

/**
 * Projected inline time of a full run, from a few draws: the faster of two short runs (the
 * first one warms the JIT up, as the full run would be warm after a few hundred draws).
 */
export function projectStabilityMs(group: AnalysisGroup, options: RankStabilityOptions): number {
  const draws = options.draws ?? defaultRankStabilityOptions.draws;
  const sample = Math.min(draws, CALIBRATION_DRAWS);
  let fastest = Infinity;
  for (let i = 0; i < 2; i++) {
    const started = performance.now();
    computeRankStability(group, { ...options, draws: sample });
    fastest = Math.min(fastest, performance.now() - started);
  }
  return (fastest / sample) * draws;
}

export function startRankStability(group: AnalysisGroup, data: AnalysisGroupData, options: RankStabilityOptions): StabilityJob {
  const started = performance.now();
  const projectedMs = projectStabilityMs(group, options);
  if (projectedMs <= INLINE_BUDGET_MS || typeof Worker === 'undefined') {
    const result = computeRankStability(group, options);
    return { promise: Promise.resolve({ result, ms: performance.now() - started, where: 'inline', projectedMs }), cancel: () => undefined };
  }
  const worker = new Worker(new URL('./stability.worker.ts', import.meta.url), { type: 'module' });
  const promise = new Promise<StabilityRun>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      worker.terminate();
      const reply = event.data;
      if (reply.ok) resolve({ result: reply.result, ms: performance.now() - started, where: 'worker', projectedMs });
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'worker failed'));
    };
  });
  worker.postMessage({ data, options });
  return { promise, cancel: () => worker.terminate() };
}
