import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeHandle, openSqlite, type DatabaseHandle, type Db } from '../connect';
import { migrateToLatest } from '../migrate';
import { acrossOffices, scopeToOffice } from '../offices/office-scope';
import { insertOffice } from '../offices/office.repository';
import { insertGroup } from '../org/group.repository';
import { createMigratedTestDatabase, testDatabases, type TestDatabaseHandle } from '../testing/test-databases';
import { readOfficeDataVersion } from './database-version';

const AT = '2031-01-01T00:00:00.000Z';
const period = (code: string) => ({
  code,
  kind: 'quarter',
  year: 2031,
  start_date: '2031-01-01',
  end_date: '2031-03-31',
  status: 'open',
  created_at: AT,
});
const unit = (code: string) => ({
  code,
  name: `单位${code}`,
  kind: 'county_gov',
  parent_id: null,
  tags: '[]',
  valid_from: '2020-01-01',
  valid_to: null,
  successor_id: null,
  note: '',
  version: 1,
  created_at: AT,
  updated_at: AT,
});

describe.each(testDatabases)('office data version on $name', (factory) => {
  let handle: TestDatabaseHandle;
  let office1: Db;
  let office2: Db;
  beforeAll(async () => {
    handle = await createMigratedTestDatabase(factory);
    office1 = handle.db;
    const second = await insertOffice(
      acrossOffices(handle.root),
      { code: 'yi', name: '乙市政务公开办公室', shortName: '乙市公开办', regionName: '乙市', kind: 'city', parentId: null },
      AT,
    );
    office2 = scopeToOffice(handle.root, second.id);
  });
  afterAll(() => handle?.destroy());

  it('stays the same across reads and writes the dashboard does not read, and moves with every write it reads', async () => {
    const first = await readOfficeDataVersion(office1);
    expect(first).not.toBeNull();
    await office1.selectFrom('units').selectAll().execute();
    await office1.insertInto('periods').values(period('2031Q1')).execute();
    expect(await readOfficeDataVersion(office1)).toBe(first);

    await office1.insertInto('units').values(unit('V01')).execute();
    const second = await readOfficeDataVersion(office1);
    expect(second).not.toBe(first);
    await office1.transaction().execute(async (trx) => {
      await trx.updateTable('units').set({ name: '改名' }).where('code', '=', 'V01').execute();
      await insertGroup(trx, { year: 2031, code: 'A', name: '甲组', sortOrder: 1 });
    });
    const third = await readOfficeDataVersion(office1);
    expect(third).not.toBe(second);
    await office1.deleteFrom('units').where('code', '=', 'V01').execute();
    expect(await readOfficeDataVersion(office1)).not.toBe(third);
  });

  it('is per office: a write in office 2 leaves office 1’s version alone, and moves office 2’s', async () => {
    const one = await readOfficeDataVersion(office1);
    const two = await readOfficeDataVersion(office2);
    await office2.insertInto('units').values(unit('V01')).execute();
    expect(await readOfficeDataVersion(office1)).toBe(one);
    expect(await readOfficeDataVersion(office2)).not.toBe(two);
  });

  it('moves with a round’s status but not with its version (every score entry bumps that), and with findings outside draft rounds', async () => {
    const scheme = await office1
      .insertInto('schemes')
      .values({ year: 2031, code: 'S2031', title: '方案', scheme_json: '{}', content_hash: 'h', created_at: AT, updated_at: AT } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const round = await office1
      .insertInto('assessment_rounds')
      .values({
        period_code: '2031Q1',
        kind: 'office',
        scheme_id: Number(scheme.id),
        status: 'draft',
        title: '第一季度',
        version: 1,
        created_at: AT,
        updated_at: AT,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const before = await readOfficeDataVersion(office1);
    await office1
      .updateTable('assessment_rounds')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: AT }))
      .where('id', '=', Number(round.id))
      .execute();
    expect(await readOfficeDataVersion(office1)).toBe(before);
    const unitId = Number((await office1.insertInto('units').values(unit('F01')).returning('id').executeTakeFirstOrThrow()).id);
    const finding = {
      round_id: Number(round.id),
      unit_id: unitId,
      leaf_code: '1.1',
      source: 'manual',
      created_at: AT,
      updated_at: AT,
    } as never;
    const draft = await readOfficeDataVersion(office1);
    // Findings entered in a draft round are score entry: the dashboard reads published rounds only.
    await office1.insertInto('findings').values(finding).execute();
    expect(await readOfficeDataVersion(office1)).toBe(draft);
    await office1.updateTable('assessment_rounds').set({ status: 'published' }).where('id', '=', Number(round.id)).execute();
    const published = await readOfficeDataVersion(office1);
    expect(published).not.toBe(draft);
    await office1.insertInto('findings').values(finding).execute();
    expect(await readOfficeDataVersion(office1)).not.toBe(published);
  });

  it('cannot be read without an office (the root handle refuses office tables): then nothing is kept', async () => {
    expect(await readOfficeDataVersion(handle.root)).toBeNull();
  });
});

describe('office data version on SQLite with two connections (a second process, the CLI)', () => {
  let dir: string;
  let a: DatabaseHandle;
  let b: DatabaseHandle;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kp-version-'));
    a = officeHandle(openSqlite(join(dir, 'v.db')), 1);
    await migrateToLatest(a.db);
    b = officeHandle(openSqlite(join(dir, 'v.db')), 1);
  });
  afterAll(async () => {
    await a.destroy();
    await b.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves when the other connection commits a versioned write', async () => {
    const before = await readOfficeDataVersion(a.db);
    await b.db.insertInto('units').values(unit('W01')).execute();
    expect(await readOfficeDataVersion(a.db)).not.toBe(before);
  });
});
