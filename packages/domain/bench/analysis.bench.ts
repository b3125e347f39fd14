// `pnpm bench analysis`: the issue #7 figures on a 300-unit group × 10 level-1 indicators
// (scored by the real engine, then prepared once):
//   - rank stability: 1,000 Monte Carlo draws (±20%), ms total and draws/s, cold (first
//     run in the process, JIT included) and warm (median of repeated runs);
//   - one what-if recompute: the typed core (finals + ranks) and the full computeWhatIf
//     (with grades and the row objects a slider would render), median µs over many repeats;
//   - leave-one-out and one explanation, for scale.
import { buildAnalysisFixture } from '../test/analysis/analysis-fixtures';
import { officialPoints } from '../src/analysis/analysis-group';
import { explainUnit } from '../src/analysis/explain-unit';
import { computeLeaveOneOut, computeRankStability } from '../src/analysis/rank-stability';
import { computeWhatIf, createWhatIfScratch, recomputeScenario } from '../src/analysis/what-if';

const UNITS = 300;
const INDICATORS = 10;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function percentile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0;
}

export default async function bench(): Promise<void> {
  const t0 = performance.now();
  const { group } = buildAnalysisFixture({ units: UNITS, indicators: INDICATORS, seed: 7 });
  console.log(
    `fixture: ${UNITS} units × ${INDICATORS} level-1 indicators, scored by the engine and prepared in ${(performance.now() - t0).toFixed(0)} ms`,
  );

  // rank stability
  const draws = 1000;
  let t = performance.now();
  const first = computeRankStability(group, { draws });
  const cold = performance.now() - t;
  const warmRuns: number[] = [];
  for (let i = 0; i < 9; i++) {
    t = performance.now();
    computeRankStability(group, { draws });
    warmRuns.push(performance.now() - t);
  }
  const warm = median(warmRuns);
  const flagged = first.pairs.filter((p) => p.status === 'not-significant').length;
  console.log(
    `rank stability, ${draws} draws ±20%: cold ${cold.toFixed(1)} ms (${Math.round((draws / cold) * 1000).toLocaleString('en')} draws/s), ` +
      `warm median ${warm.toFixed(1)} ms (${Math.round((draws / warm) * 1000).toLocaleString('en')} draws/s); ` +
      `${flagged} of ${first.pairs.length} adjacent pairs 与相邻单位差异不显著`,
  );

  // what-if: alternate two scenarios so every repeat really recomputes
  const official = officialPoints(group);
  const moved = Int32Array.from(official, (p, i) => (i === 0 ? p + 5000 : i === 1 ? Math.max(0, p - 5000) : p));
  const scratch = createWhatIfScratch(group);
  const repeats = 5000;
  const core: number[] = [];
  for (let i = 0; i < repeats; i++) {
    t = performance.now();
    recomputeScenario(group, i % 2 === 0 ? moved : official, scratch);
    core.push((performance.now() - t) * 1000);
  }
  const scenarioA = {
    [group.indicators[0]?.code ?? '1']: (official[0] ?? 0) / 1000 + 5,
    [group.indicators[1]?.code ?? '2']: Math.max(0, (official[1] ?? 0) - 5000) / 1000,
  };
  const full: number[] = [];
  let changed = 0;
  for (let i = 0; i < 2000; i++) {
    t = performance.now();
    const result = computeWhatIf(group, i % 2 === 0 ? scenarioA : {}, scratch);
    full.push((performance.now() - t) * 1000);
    if (i === 0) changed = result.changedCount;
  }
  console.log(
    `what-if recompute, ${UNITS} units: typed core median ${median(core).toFixed(1)} µs (p95 ${percentile(core, 0.95).toFixed(1)} µs, ${repeats} repeats); ` +
      `computeWhatIf with grades and rows median ${median(full).toFixed(1)} µs (p95 ${percentile(full, 0.95).toFixed(1)} µs, 2000 repeats); ` +
      `budget 16 ms; ${changed} units change rank or grade when indicator 1 gains 5 points from indicator 2`,
  );

  t = performance.now();
  computeLeaveOneOut(group);
  const loo = performance.now() - t;
  const explainTimes: number[] = [];
  for (const unit of group.units.slice(0, 100)) {
    t = performance.now();
    explainUnit(group, unit.unit);
    explainTimes.push((performance.now() - t) * 1000);
  }
  console.log(`leave-one-out (${INDICATORS} indicators): ${loo.toFixed(2)} ms; explainUnit median ${median(explainTimes).toFixed(1)} µs`);
}
