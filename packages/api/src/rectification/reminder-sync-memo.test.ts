import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedTestDatabase, testDatabases, type TestDatabaseHandle } from '@kaoping/db/testing/test-databases';
import { syncRemindersOnce } from './reminder-sync-memo';

const AT = '2031-01-01T00:00:00.000Z';
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

describe.each(testDatabases)('reminder sync memo on $name', (factory) => {
  let handle: TestDatabaseHandle;
  beforeAll(async () => {
    handle = await createMigratedTestDatabase(factory);
  });
  afterAll(async () => handle?.destroy());

  it('syncs once per office data version and China day, again after a write the version counts or on a new day', async () => {
    let runs = 0;
    const sync = async () => void runs++;
    expect(await syncRemindersOnce(handle.db, '2031-01-02', sync)).toBe(true);
    expect(await syncRemindersOnce(handle.db, '2031-01-02', sync)).toBe(false);
    expect(runs).toBe(1);
    await handle.db.insertInto('units').values(unit('U1')).execute();
    expect(await syncRemindersOnce(handle.db, '2031-01-02', sync)).toBe(true);
    expect(await syncRemindersOnce(handle.db, '2031-01-03', sync)).toBe(true);
    expect(await syncRemindersOnce(handle.db, '2031-01-03', sync)).toBe(false);
    expect(runs).toBe(3);
  });

  it('keeps no memo when the sync fails, so the next request tries again', async () => {
    await expect(syncRemindersOnce(handle.db, '2031-02-01', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    let runs = 0;
    await syncRemindersOnce(handle.db, '2031-02-01', async () => void runs++);
    expect(runs).toBe(1);
  });
});
