import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemeSchema } from '@kaoping/contracts/scoring/scheme';
import { compileScheme } from '@kaoping/domain/scoring/compile-scheme';
import type { DatabaseHandle } from '../connect';
import { seedDemoCity } from '../demo/seed-demo-city';
import { createMigratedTestDatabase, testDatabases } from '../testing/test-databases';
import { buildDemoScheme } from './demo-scheme';
import { computeSnapshot } from '@kaoping/domain/assessment/publication-snapshot';
import { hashPublication } from './publication-snapshot';
import { findLatestPublication, listPublications } from './publication.repository';
import { listRounds } from './round.repository';
import { findSchemeByYear } from './scheme.repository';

describe('the demo schemes', () => {
  it('are valid and use every rule kind, vetoes of both effects, bonus, major deductions and a quota', () => {
    for (const year of [2025, 2026] as const) {
      const compiled = compileScheme(schemeSchema.parse(buildDemoScheme(year)));
      if (!compiled.ok) throw new Error(compiled.issues.join('\n'));
      const { scheme } = compiled;
      expect(scheme.leaves).toHaveLength(20);
      expect(new Set(scheme.leaves.map((l) => l.rule.kind))).toEqual(
        new Set(['manual', 'binary', 'checklist', 'graded', 'rate', 'deduct', 'rectification']),
      );
      expect(scheme.nodes.filter((n) => n.level === 1)).toHaveLength(5);
      expect(Math.max(...scheme.nodes.map((n) => n.level))).toBe(3);
      expect([...scheme.events.values()].map((e) => (e.type === 'veto' ? e.effect : e.type)).sort()).toEqual([
        'bonus',
        'bonus',
        'bonus',
        'cap',
        'fail',
        'major',
        'major',
      ]);
      expect(scheme.quota).toMatchObject({ grade: '优秀', maxPct: 30_000 });
    }
  });
});

describe.each(testDatabases)('the demo assessments on $name', (factory) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createMigratedTestDatabase(factory);
    await seedDemoCity(handle.db, { passwordHash: 'x', now: new Date('2026-11-22T04:00:00.000Z') });
  }, 120_000);
  afterAll(() => handle.destroy());

  it('has a round per quarter, published and locked before the current quarter, which is a draft', async () => {
    const rounds = await listRounds(handle.db, { year: null, statuses: null, includeSelf: true });
    expect(rounds.map((r) => `${r.periodCode}:${r.kind}:${r.status}`).sort()).toEqual([
      '2025Q1:office:locked',
      '2025Q2:office:locked',
      '2025Q3:office:locked',
      '2025Q4:office:locked',
      '2026Q1:office:locked',
      '2026Q2:office:locked',
      '2026Q3:office:published',
      '2026Q4:office:draft',
      '2026Q4:self:draft',
    ]);
    expect((await findSchemeByYear(handle.db, 2025))?.status).toBe('frozen');
    expect((await findSchemeByYear(handle.db, 2026))?.status).toBe('frozen');
  });

  it('publishes snapshots that recompute to their stored results and hash', async () => {
    const record = await findSchemeByYear(handle.db, 2026);
    const compiled = compileScheme(schemeSchema.parse(record?.scheme));
    if (!compiled.ok) throw new Error('scheme');
    const q3 = (await listRounds(handle.db, { year: 2026, statuses: ['published'], includeSelf: false }))[0];
    const latest = await findLatestPublication(handle.db, q3?.id ?? 0);
    if (!latest) throw new Error('no publication');
    const again = computeSnapshot(compiled.scheme, latest.snapshot, false);
    if (!again.ok) throw new Error('recompute');
    expect(hashPublication(latest.snapshot, again.results)).toBe(latest.contentHash);
    const rows = latest.results.groups.flatMap((g) => g.rows);
    expect(rows).toHaveLength(155);
    expect(rows.every((r) => r.complete)).toBe(true);
    expect(rows.some((r) => r.rankDelta !== null && r.rankDelta !== 0)).toBe(true);
    // One objection withdrawn a finding: the round has its restatement with a diff.
    const publications = await listPublications(handle.db, q3?.id ?? 0);
    expect(publications.map((p) => p.sequence)).toEqual([1, 2]);
    expect(publications[1]?.diff?.findingsRemoved).toHaveLength(1);
    const objections = await handle.db
      .selectFrom('objections')
      .select('status')
      .where('round_id', '=', q3?.id ?? 0)
      .orderBy('id')
      .execute();
    expect(objections.map((o) => o.status)).toEqual(['upheld', 'withdrawn', 'pending']);
  });

  it('spreads scores realistically, with vetoes, bonus and major deductions over the two years', async () => {
    const rounds = await listRounds(handle.db, { year: null, statuses: ['published', 'locked'], includeSelf: false });
    const rows = [];
    for (const r of rounds) rows.push(...((await findLatestPublication(handle.db, r.id))?.results.groups.flatMap((g) => g.rows) ?? []));
    const finals = rows.flatMap((r) => (r.final === null ? [] : [r.final]));
    const mean = finals.reduce((a, b) => a + b, 0) / finals.length;
    expect(mean).toBeGreaterThan(80);
    expect(mean).toBeLessThan(90);
    expect(Math.min(...finals)).toBeLessThan(60);
    expect(Math.max(...finals)).toBeGreaterThan(98);
    expect(rows.some((r) => r.isVetoFail)).toBe(true);
    expect(rows.some((r) => r.vetoes.length > 0 && !r.isVetoFail)).toBe(true);
    expect(rows.some((r) => r.bonus > 0)).toBe(true);
    expect(rows.some((r) => r.major > 0)).toBe(true);
    expect(new Set(rows.map((r) => r.grade))).toEqual(new Set(['优秀', '良好', '合格', '不合格']));
  });
});
