// Small builders for tests of the scoring engine (and the bench): a scheme from a
// partial description, units and score rows. Pure, like the rest of the package.
import { schemeSchema, type SchemeInput } from '@kaoping/contracts/scoring/scheme';
import { compileScheme, type CompiledScheme } from './compile-scheme';
import type { ScoreInput, ScoringUnit } from './scoring-inputs';

export const defaultGrading = {
  bands: [
    { grade: '优秀', min: 90 },
    { grade: '良好', min: 80 },
    { grade: '合格', min: 60 },
    { grade: '不合格', min: 0 },
  ],
};

/** A scheme with groups A and B, the default bands and no quota unless overridden. */
export function buildScheme(overrides: Partial<SchemeInput> & Pick<SchemeInput, 'indicators'>): SchemeInput {
  return {
    code: 'T-2025',
    title: '测试方案',
    year: 2025,
    groups: [
      { code: 'A', name: '甲组' },
      { code: 'B', name: '乙组' },
    ],
    grading: defaultGrading,
    ...overrides,
  };
}

/** Parses and compiles, throwing with the Chinese issues if the scheme is invalid. */
export function compileOrThrow(scheme: SchemeInput): CompiledScheme {
  const parsed = schemeSchema.safeParse(scheme);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  const compiled = compileScheme(parsed.data);
  if (!compiled.ok) throw new Error(compiled.issues.join('\n'));
  return compiled.scheme;
}

export function makeUnit(code: string, group = 'A', tags: string[] = []): ScoringUnit {
  return { code, name: `单位${code}`, group, tags };
}

/** Score rows for one unit and period from { indicator: value }. */
export function makeScores(unit: string, period: string, values: Record<string, string>): ScoreInput[] {
  return Object.entries(values).map(([indicator, value]) => ({ unit, period, indicator, value }));
}

/** A one-leaf manual scheme (leaf `1.1`, 100 points): finals equal the value given. */
export function manualScheme(overrides: Partial<SchemeInput> = {}): SchemeInput {
  return buildScheme({
    indicators: [
      { code: '1', name: '总分', points: 100, children: [{ code: '1.1', name: '评分', points: 100, rule: { kind: 'manual' } }] },
    ],
    ...overrides,
  });
}
