// A deterministic, realistic group for the analysis bench and for tests that want size:
// one group of N units, K level-1 indicators of two leaves each (one manual, one graded,
// one of them only for units tagged `key`), a few bonus items, major deductions and
// vetoes, the 优秀 quota; scored by the real engine, then prepared for analysis.
import type { IndicatorNode, SchemeInput } from '@kaoping/contracts/scoring/scheme';
import type { CompiledScheme } from '../../src/scoring/compile-scheme';
import { computePeriodResults } from '../../src/scoring/compute-period';
import { compileOrThrow, defaultGrading } from '../../src/scoring/scoring-fixtures';
import type { EventInput, ScoreInput, ScoringInputs, ScoringUnit } from '../../src/scoring/scoring-inputs';
import type { PeriodResults } from '../../src/scoring/scoring-result';
import { prepareAnalysisGroup, type AnalysisGroup } from '../../src/analysis/analysis-group';
import { createSeededRandom } from '../../src/random/seeded-random';

export interface AnalysisFixture {
  scheme: CompiledScheme;
  results: PeriodResults;
  group: AnalysisGroup;
}

const PERIOD = '2025Q3';

export function buildAnalysisFixture(options: { units: number; indicators: number; seed?: number }): AnalysisFixture {
  const random = createSeededRandom(options.seed ?? 7);
  const k = options.indicators;
  // level-1 points summing to 100: 100/k each (whole), the remainder to the first
  const each = Math.floor(100 / k);
  const pointsOf = (i: number) => (i === 0 ? 100 - each * (k - 1) : each);
  const indicators: IndicatorNode[] = Array.from({ length: k }, (_, i) => {
    const p = pointsOf(i);
    const manual = Math.round(p * 600) / 1000; // 60%
    const graded = Math.round((p - manual) * 1000) / 1000;
    return {
      code: String(i + 1),
      name: `一级指标${i + 1}`,
      points: p,
      children: [
        { code: `${i + 1}.1`, name: `评分项${i + 1}.1`, points: manual, rule: { kind: 'manual' as const } },
        {
          code: `${i + 1}.2`,
          name: `评分项${i + 1}.2`,
          points: graded,
          ...(i % 3 === 2 ? { appliesTo: { tags: ['key'] } } : {}),
          rule: {
            kind: 'graded' as const,
            levels: [
              { label: '优', points: graded },
              { label: '良', points: Math.round(graded * 800) / 1000 },
              { label: '中', points: Math.round(graded * 600) / 1000 },
              { label: '差', points: 0 },
            ],
          },
        },
      ],
    };
  });
  const scheme: SchemeInput = {
    code: 'BENCH-2025',
    title: '分析基准方案',
    year: 2025,
    groups: [{ code: 'A', name: '县(市、区)政府' }],
    indicators,
    vetoes: [
      { code: 'V1', name: '发生泄密等严重问题', effect: 'fail' },
      { code: 'V2', name: '网站首页两周以上未更新', effect: 'cap', capTo: 59 },
    ],
    bonus: {
      gate: 80,
      cap: 5,
      items: [
        { code: 'J1', name: '经验做法被省级以上推广', points: 2 },
        { code: 'J2', name: '获市级以上表扬', points: 1 },
      ],
    },
    majorDeductions: [{ code: 'Z1', name: '被上级通报批评', points: 10 }],
    grading: { ...defaultGrading, quota: { grade: '优秀', maxPct: 30 } },
  };
  const compiled = compileOrThrow(scheme);

  const units: ScoringUnit[] = [];
  const scores: ScoreInput[] = [];
  const events: EventInput[] = [];
  const levels = ['优', '良', '中', '差'];
  for (let u = 0; u < options.units; u++) {
    const code = `U${String(u + 1).padStart(3, '0')}`;
    const tags = random() < 0.6 ? ['key'] : [];
    units.push({ code, name: `单位${u + 1}`, group: 'A', tags });
    const quality = 0.5 + 0.4 * random();
    for (let i = 0; i < k; i++) {
      const manual = Math.round(pointsOf(i) * 600) / 1000;
      const share = Math.min(1, Math.max(0, quality + (random() - 0.5) * 0.3));
      // assessors score in half points
      const value = Math.min(manual, Math.round(manual * share * 2) / 2);
      scores.push({ unit: code, period: PERIOD, indicator: `${i + 1}.1`, value: String(value) });
      if (i % 3 !== 2 || tags.length > 0) {
        const level = levels[Math.min(3, Math.floor((1 - share) * 4 + random() * 0.8))] ?? '中';
        scores.push({ unit: code, period: PERIOD, indicator: `${i + 1}.2`, value: level });
      }
    }
    if (random() < 0.15) events.push({ unit: code, period: PERIOD, code: 'J1' });
    if (random() < 0.2) events.push({ unit: code, period: PERIOD, code: 'J2' });
    if (random() < 0.05) events.push({ unit: code, period: PERIOD, code: 'Z1' });
    if (random() < 0.02) events.push({ unit: code, period: PERIOD, code: 'V2' });
    if (random() < 0.01) events.push({ unit: code, period: PERIOD, code: 'V1' });
  }
  const inputs: ScoringInputs = { units, scores, events };
  const computed = computePeriodResults(compiled, PERIOD, inputs);
  if (!computed.ok) throw new Error(JSON.stringify(computed.issues.slice(0, 3)));
  const group = computed.results.groups[0];
  if (group === undefined) throw new Error('no group');
  return { scheme: compiled, results: computed.results, group: prepareAnalysisGroup(compiled, group) };
}
