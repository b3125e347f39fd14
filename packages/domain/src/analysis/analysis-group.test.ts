// The adapter from the engine's results to the analysis arrays.
import { describe, expect, it } from 'vitest';
import { computePeriodResults } from '../scoring/compute-period';
import { compileOrThrow, makeScores, makeUnit, manualScheme } from '../scoring/scoring-fixtures';
import { eventsGroup } from '../../test/analysis/analysis-golden-cases';
import { fromAnalysisGroupData, prepareAnalysisGroup, toAnalysisGroupData } from './analysis-group';
import { computeOrThrow, PERIOD } from '../../test/analysis/analysis-test-cases';
import { NO_FINAL } from './score-scenario';
import { computeWhatIf } from './what-if';

describe('prepareAnalysisGroup', () => {
  it('lays out earned and applicable points, events and official standings as exact integers', () => {
    const g = eventsGroup();
    expect(g.units.map((u) => u.unit)).toEqual(['A', 'B', 'C', 'D']);
    // A: 45 and 40 of 50 each, in millionths
    expect([...g.earned.subarray(0, 2)]).toEqual([45_000_000, 40_000_000]);
    expect([...g.applicable.subarray(0, 2)]).toEqual([50_000_000, 50_000_000]);
    // bonus: A two J (4) capped to 3; B one J; major B 5; cap C 60; fail D
    expect([...g.bonus]).toEqual([3000, 2000, 0, 0]);
    expect([...g.major]).toEqual([0, 5000, 0, 0]);
    expect([...g.capTo]).toEqual([-1, -1, 60_000, -1]);
    expect([...g.isVetoFail]).toEqual([0, 0, 0, 1]);
    expect([...g.officialFinals]).toEqual([8800, 8200, 6000, 6000]);
    expect([...g.officialRanks]).toEqual([1, 2, 3, 0]);
    expect(g.bonusGate).toBe(80_000);
  });

  it('marks an unscored unit (no applicable points) with NO_FINAL', () => {
    const scheme = compileOrThrow(
      manualScheme({
        indicators: [
          {
            code: '1',
            name: '仅甲组',
            points: 100,
            appliesTo: { groups: ['A'] },
            children: [{ code: '1.1', name: '评分', points: 100, rule: { kind: 'manual' } }],
          },
        ],
      }),
    );
    const results = computeOrThrow(scheme, { units: [makeUnit('B1', 'B')], scores: [] });
    const g = prepareAnalysisGroup(scheme, results.groups[1] ?? { code: '', name: '', rows: [] });
    expect([...g.officialFinals]).toEqual([NO_FINAL]);
    expect(g.units[0]?.officialRank).toBeNull();
  });

  it('refuses results computed without the score sheet', () => {
    const scheme = compileOrThrow(manualScheme());
    const computed = computePeriodResults(
      scheme,
      PERIOD,
      { units: [makeUnit('U1')], scores: makeScores('U1', PERIOD, { '1.1': '80' }) },
      { breakdown: false },
    );
    if (!computed.ok) throw new Error('unexpected');
    expect(() => prepareAnalysisGroup(scheme, computed.results.groups[0] ?? { code: '', name: '', rows: [] })).toThrow('缺少评分明细');
  });

  it('refuses results that its own arrays do not reproduce', () => {
    const scheme = compileOrThrow(manualScheme());
    const results = computeOrThrow(scheme, { units: [makeUnit('U1')], scores: makeScores('U1', PERIOD, { '1.1': '80' }) });
    const group = results.groups[0];
    if (group === undefined) throw new Error('no group');
    const tampered = { ...group, rows: group.rows.map((r) => ({ ...r, final: 81 })) };
    expect(() => prepareAnalysisGroup(scheme, tampered)).toThrow('不一致');
  });

  it('travels as plain JSON and comes back equal, refusing tampered data', () => {
    const group = eventsGroup();
    const data = JSON.parse(JSON.stringify(toAnalysisGroupData(group))) as ReturnType<typeof toAnalysisGroupData>;
    const restored = fromAnalysisGroupData(data);
    expect(restored).toEqual(group);
    expect(computeWhatIf(restored, { '1': 70, '2': 30 })).toEqual(computeWhatIf(group, { '1': 70, '2': 30 }));
    expect(() => fromAnalysisGroupData({ ...data, earned: data.earned.map((x, i) => (i === 0 ? x - 1_000_000 : x)) })).toThrow('不一致');
    expect(() => fromAnalysisGroupData({ ...data, major: [] })).toThrow('长度');
  });
});
