// The dashboard's kept answers (issue #14) follow the office's data version: the same answer object
// is served while nothing it reads changed; another office's writes and score entry leave it; a
// publication in the office replaces it. On both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acrossOffices, scopeToOffice } from '@kaoping/db/offices/office-scope';
import { insertOffice } from '@kaoping/db/offices/office.repository';
import { createMigratedTestDatabase, testDatabases, type TestDatabaseHandle } from '@kaoping/db/testing/test-databases';
import { insertUnit } from '@kaoping/db/units/unit.repository';
import { importExampleInputs, setUpExample } from '../assessment/assessment-test-fixtures';
import { TEST_NOW } from '../testing/test-context';
import { getGroupRanking } from './dashboard-ranking.service';

describe.each(testDatabases)('kept dashboard answers on $name', (factory) => {
  let handle: TestDatabaseHandle;
  let ex: Awaited<ReturnType<typeof setUpExample>>;
  const actor = () => ({ user: ex.org.users.admin, now: TEST_NOW });
  const ranking = () => getGroupRanking(handle.db, actor(), { period: null, group: 'A' });
  const publish = async (roundId: number) => {
    const { round } = await ex.assessor.assessment.rounds.get({ roundId });
    await ex.assessor.assessment.rounds.publish({ roundId, version: round.version });
  };

  beforeAll(async () => {
    handle = await createMigratedTestDatabase(factory);
    ex = await setUpExample(handle);
    await importExampleInputs(ex.assessor, ex.q2.id);
    await publish(ex.q2.id);
  }, 120_000);
  afterAll(() => handle?.destroy());

  it('serves the same answer while only another office writes, and score entry in a draft round goes on', async () => {
    const first = await ranking();
    expect(await ranking()).toBe(first);
    const other = await insertOffice(
      acrossOffices(handle.root),
      { code: 'yi', name: '乙市政务公开办公室', shortName: '乙市公开办', regionName: '乙市', kind: 'city', parentId: null },
      TEST_NOW.toISOString(),
    );
    await insertUnit(
      scopeToOffice(handle.root, other.id),
      { code: 'A01', name: '乙市的区', kind: 'county_gov', parentId: null, tags: [], validFrom: '2020-01-01', note: '' },
      TEST_NOW.toISOString(),
    );
    // Score entry (the draft 2025Q3 round): scores and the round's version, nothing the published answers read.
    await importExampleInputs(ex.assessor, ex.q3.id);
    expect(await ranking()).toBe(first);
  }, 120_000);

  it('answers anew once the office publishes', async () => {
    const before = await ranking();
    expect(before.period).toBe('2025Q2');
    await publish(ex.q3.id);
    const after = await ranking();
    expect(after).not.toBe(before);
    expect(after.period).toBe('2025Q3');
  }, 120_000);
});
