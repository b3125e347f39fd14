// Migration 2026-12-09-0400-ledger-version: the work calendar moves the office's data version (the
// ledger's overdue working days read it, and the HTTP host now tags ledger pages by the version),
// only that office's; and the ledger's page order is read from an index led by the office.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Db } from '../connect';
import { readOfficeDataVersion } from '../dashboard/database-version';
import { acrossOffices, scopeToOffice } from '../offices/office-scope';
import { insertOffice } from '../offices/office.repository';
import { createMigratedTestDatabase, testDatabases, type TestDatabaseHandle } from '../testing/test-databases';
import { deleteCalendarOverride, upsertCalendarOverride } from './calendar.repository';

const AT = '2031-01-01T00:00:00.000Z';

describe.each(testDatabases)('the work calendar and the ledger on $name', (factory) => {
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

  it('moves the office’s data version with every calendar change, and only that office’s', async () => {
    const other = await readOfficeDataVersion(office2);
    let version = await readOfficeDataVersion(office1);
    const moved = async () => {
      const now = await readOfficeDataVersion(office1);
      expect(now).not.toBe(version);
      version = now;
    };
    await upsertCalendarOverride(office1, { date: '2031-10-08', kind: 'holiday', name: '国庆' }, AT);
    await moved();
    await office1.updateTable('calendar_overrides').set({ name: '国庆节' }).where('date', '=', '2031-10-08').execute();
    await moved();
    await deleteCalendarOverride(office1, '2031-10-08');
    await moved();
    expect(await readOfficeDataVersion(office2)).toBe(other);
  });

  it('has the ledger order’s index led by the office', async () => {
    const columns =
      handle.dialect === 'postgres'
        ? (
            await sql<{ def: string }>`select indexdef as def from pg_indexes where indexname = 'rectification_items_ledger_idx'`.execute(
              acrossOffices(handle.root),
            )
          ).rows[0]?.def
        : (
            await sql<{ def: string }>`select sql as def from sqlite_master where name = 'rectification_items_ledger_idx'`.execute(
              acrossOffices(handle.root),
            )
          ).rows[0]?.def;
    expect(columns?.replace(/"/g, '')).toMatch(/\(office_id, period DESC, code\)/i);
  });
});
