// The spec's worked example end to end through the API, on both dialects: scheme.json,
// units.csv, scores/findings/events imported into two rounds, the rectification rows fed
// through the ledger's one swap point, and the results compared with expected-*.json.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { exampleRows, importExampleInputs, pickReport, readExample, setUpExample } from './assessment-test-fixtures';

const ledger = vi.hoisted(() => ({ rows: new Map<string, { unitId: number; unit: string; period: string; item: string; due: string; closed: string | null; rejected: number }[]>() }));
vi.mock('@kaoping/db/assessment/rectification-rows.repository', () => ({
  loadRectificationRows: async (_db: unknown, period: string) => ledger.rows.get(period) ?? [],
}));

describe.each(testDatabases)('the worked example through the API on $name', (factory) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
  });
  afterEach(() => handle.destroy());

  it('reproduces expected-2025Q2.json and, after publishing 2025Q2, expected-2025Q3.json', async () => {
    const { assessor, q2, q3, unitIds } = await setUpExample(handle);
    ledger.rows.clear();
    for (const r of exampleRows('rectifications.csv')) {
      const list = ledger.rows.get(r['period'] ?? '') ?? [];
      list.push({ unitId: unitIds.get(r['unit'] ?? '') ?? 0, unit: r['unit'] ?? '', period: r['period'] ?? '', item: r['item'] ?? '', due: r['due'] ?? '', closed: r['closed'] || null, rejected: Number(r['rejected'] || 0) });
      ledger.rows.set(r['period'] ?? '', list);
    }
    await importExampleInputs(assessor, q2.id);
    await importExampleInputs(assessor, q3.id);

    const resultsQ2 = await assessor.assessment.results.round({ roundId: q2.id });
    expect(resultsQ2.issues).toEqual([]);
    expect(pickReport(resultsQ2.groups)).toEqual(pickReport(JSON.parse(readExample('expected-2025Q2.json')).groups));
    const round = await assessor.assessment.rounds.get({ roundId: q2.id });
    await assessor.assessment.rounds.publish({ roundId: q2.id, version: round.round.version });

    const resultsQ3 = await assessor.assessment.results.round({ roundId: q3.id });
    expect(pickReport(resultsQ3.groups)).toEqual(pickReport(JSON.parse(readExample('expected-2025Q3.json')).groups));
    expect(resultsQ3.completeness).toMatchObject({ units: 10, complete: 10 });

    // The published Q2 reads back from its snapshot with the same numbers.
    const publishedQ2 = await assessor.assessment.results.round({ roundId: q2.id });
    expect(publishedQ2.source).toBe('publication');
    expect(pickReport(publishedQ2.groups)).toEqual(pickReport(resultsQ2.groups));
    expect(publishedQ2.publication?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
