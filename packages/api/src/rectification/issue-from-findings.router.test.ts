import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { importExampleInputs, setUpExample } from '../assessment/assessment-test-fixtures';

// 交办 from the spec example's 2025Q3 findings once the round is published.
describe.each(testDatabases)('issue from findings on $name', (factory) => {
  let handle: DatabaseHandle;
  let ex: Awaited<ReturnType<typeof setUpExample>>;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    ex = await setUpExample(handle);
    await importExampleInputs(ex.assessor, ex.q3.id);
  });
  afterEach(() => handle.destroy());

  const findingIds = async () =>
    (await handle.db.selectFrom('findings').select('id').where('round_id', '=', ex.q3.id).orderBy('id').execute()).map((f) => Number(f.id));
  const publish = async () => {
    const { round } = await ex.assessor.assessment.rounds.get({ roundId: ex.q3.id });
    await ex.assessor.assessment.rounds.publish({ roundId: ex.q3.id, version: round.version });
  };
  const due = { kind: 'working_days' as const, days: 10 };

  it('refuses findings of an unpublished round, and writes nothing', async () => {
    const ids = await findingIds();
    await expect(ex.admin.rectification.issueFromFindings({ findingIds: ids, grouping: 'per_finding', due })).rejects.toThrow(
      /所在测评尚未发布/,
    );
    expect(await handle.db.selectFrom('rectification_items').select('id').execute()).toEqual([]);
  });

  it('groups per unit and indicator, links every finding, and refuses to order a finding twice', async () => {
    await publish();
    const ids = await findingIds();
    // The example's 2025Q3 findings: A02 1.2, A04 1.2, A04 2.1, B102 2.1, B202 1.2, B202 2.1 → 6 unit-indicator pairs.
    const items = await ex.admin.rectification.issueFromFindings({ findingIds: ids, grouping: 'per_unit_indicator', due });
    expect(items).toHaveLength(6);
    expect(items.every((i) => i.source === 'finding' && i.period === '2025Q3')).toBe(true);
    expect(items.flatMap((i) => i.findingIds).sort((a, b) => a - b)).toEqual(ids);
    await expect(ex.admin.rectification.issueFromFindings({ findingIds: ids.slice(0, 1), grouping: 'per_finding', due })).rejects.toThrow(
      /已交办/,
    );
    await expect(ex.admin.rectification.issueRound({ roundId: ex.q3.id, grouping: 'per_finding', due })).rejects.toThrow(
      /没有待交办的问题/,
    );
  });

  it('orders a whole round at once, one item per finding', async () => {
    await publish();
    const items = await ex.admin.rectification.issueRound({ roundId: ex.q3.id, grouping: 'per_finding', due });
    expect(items).toHaveLength((await findingIds()).length);
  });
});
