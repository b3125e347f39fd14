// The spec's worked example end to end through the API, on both dialects: scheme.json,
// units.csv, scores/findings/events imported into two rounds, the rectifications as real items
// in the ledger (read by the engine through db/assessment/rectification-rows.repository, the one
// place the ledger feeds the rectification leaf), and the results compared with expected-*.json.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RectificationItem } from '@kaoping/contracts/rectification/rectification-item';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { insertItem } from '@kaoping/db/rectification/rectification.repository';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { exampleRows, importExampleInputs, pickReport, readExample, setUpExample } from './assessment-test-fixtures';

/** A ledger item as the office would have it after its life: issued a month before its due date. */
function ledgerItem(fields: {
  code: string;
  unitId: number;
  period: string;
  dueDate: string;
  closedOn: string | null;
  recheckFailCount: number;
  status?: RectificationItem['status'];
}): RectificationItem {
  const issuedOn = `${fields.dueDate.slice(0, 8)}01`;
  const { status, ...rest } = fields;
  return {
    id: 0,
    findingIds: [],
    title: `整改 ${fields.code}`,
    requirement: '',
    version: 1,
    issuedOn,
    issuedAt: `${issuedOn}T02:00:00.000Z`,
    dueRule: { kind: 'date' },
    updatedAt: `${issuedOn}T02:00:00.000Z`,
    acknowledgedOn: issuedOn,
    firstSubmittedOn: fields.closedOn,
    lastSubmittedOn: fields.closedOn,
    submission: null,
    returnReason: null,
    explanationRejectCount: 0,
    cancelledOn: status === 'cancelled' ? issuedOn : null,
    cancelReason: status === 'cancelled' ? '重复交办' : null,
    escalationLevel: null,
    carriedOver: false,
    carriedInto: null,
    status: status ?? (fields.closedOn === null ? 'in_progress' : 'closed'),
    ...rest,
  };
}

describe.each(testDatabases)('the worked example through the API on $name', (factory) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
  });
  afterEach(() => handle.destroy());

  it('reproduces expected-2025Q2.json and, after publishing 2025Q2, expected-2025Q3.json, with the rectification leaf read from the ledger', async () => {
    const { assessor, q2, q3, unitIds } = await setUpExample(handle);
    const id = (code: string) => unitIds.get(code) ?? 0;
    const meta = { severity: 'normal', responsiblePerson: '', responsibleLeader: '', source: 'manual', evidenceRequired: false } as const;
    for (const r of exampleRows('rectifications.csv')) {
      const item = ledgerItem({
        code: r['item'] ?? '',
        unitId: id(r['unit'] ?? ''),
        period: r['period'] ?? '',
        dueDate: r['due'] ?? '',
        closedOn: r['closed'] || null,
        recheckFailCount: Number(r['rejected'] || 0),
      });
      await insertItem(handle.db, item, meta);
    }
    // A cancelled item counts for nothing, however late: A01 keeps its full rectification points.
    await insertItem(
      handle.db,
      ledgerItem({
        code: 'ZG-099',
        unitId: id('A01'),
        period: '2025Q3',
        dueDate: '2025-07-31',
        closedOn: null,
        recheckFailCount: 2,
        status: 'cancelled',
      }),
      meta,
    );
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

    // The rectification leaf (4.1: 20 points, 2 per late item, 1 per failed re-check) from the ledger rows.
    const leaf = async (roundId: number, unit: string) =>
      (await assessor.assessment.results.sheet({ roundId, unitId: id(unit) })).rows.find((r) => r.code === '4.1');
    // A02: ZG-001 closed five days late and rejected once (−2 −1); ZG-002 closed the day before it was due.
    expect(await leaf(q3.id, 'A02')).toMatchObject({
      earned: 17,
      losses: [
        { kind: 'rectification-late', item: 'ZG-001', due: '2025-08-15', closed: '2025-08-20', points: 2 },
        { kind: 'rectification-rejected', item: 'ZG-001', rejected: 1, points: 1 },
      ],
    });
    // B202: ZG-003 still open at the quarter's end is late.
    expect(await leaf(q3.id, 'B202')).toMatchObject({
      earned: 18,
      losses: [{ kind: 'rectification-late', item: 'ZG-003', closed: null, points: 2 }],
    });
    // A03 lost in 2025Q2 (the item due that quarter), not in 2025Q3; A01's cancelled item costs nothing.
    expect(await leaf(q2.id, 'A03')).toMatchObject({ earned: 18, losses: [{ kind: 'rectification-late', item: 'ZG-004', points: 2 }] });
    expect(await leaf(q3.id, 'A03')).toMatchObject({ earned: 20, losses: [] });
    expect(await leaf(q3.id, 'A01')).toMatchObject({ earned: 20, losses: [] });

    // The published Q2 reads back from its snapshot with the same numbers.
    const publishedQ2 = await assessor.assessment.results.round({ roundId: q2.id });
    expect(publishedQ2.source).toBe('publication');
    expect(pickReport(publishedQ2.groups)).toEqual(pickReport(resultsQ2.groups));
    expect(publishedQ2.publication?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
