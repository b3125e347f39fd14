// Runs a rank-stability analysis off the main thread (long runs would freeze the page). The
// same domain function as inline: a seed gives the same result in either place.
import { fromAnalysisGroupData, type AnalysisGroupData } from '@kaoping/domain/analysis/analysis-group';
import { computeRankStability, type RankStabilityOptions } from '@kaoping/domain/analysis/rank-stability';

export interface StabilityRequest {
  data: AnalysisGroupData;
  options: RankStabilityOptions;
}

self.onmessage = (event: MessageEvent<StabilityRequest>) => {
  try {
    const started = performance.now();
    const result = computeRankStability(fromAnalysisGroupData(event.data.data), event.data.options);
    self.postMessage({ ok: true, result, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
