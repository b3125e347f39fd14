import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acrossOffices } from '../offices/office-scope';
import { createMigratedTestDatabase, testDatabases, type TestDatabaseHandle } from '../testing/test-databases';
import { insertUnit } from '../units/unit.repository';
import { insertUser, setUserActive, updateUserProfile } from '../users/user.repository';
import { readOfficeDataVersion } from '../dashboard/database-version';
import { deleteSession, findLiveSessionUser, insertSession } from './session.repository';

const NOW = '2026-12-01T00:00:00.000Z';
const LATER = '2026-12-01T12:00:00.000Z';

describe.each(testDatabases)('session lookup on $name', (factory) => {
  let handle: TestDatabaseHandle;
  let userId: number;
  let unitId: number;
  beforeAll(async () => {
    handle = await createMigratedTestDatabase(factory);
    unitId = (
      await insertUnit(
        handle.db,
        { code: 'A01', name: '临江区', kind: 'county_gov', parentId: null, tags: [], validFrom: '2020-01-01', note: '' },
        NOW,
      )
    ).id;
    userId = await insertUser(handle.db, { username: 'li', displayName: '李联络员', passwordHash: 'x', role: 'liaison', unitId }, NOW);
    await insertSession(handle.db, { id: 'live', userId, createdAt: NOW, expiresAt: '2026-12-02T00:00:00.000Z' });
    await insertSession(handle.db, { id: 'expired', userId, createdAt: NOW, expiresAt: '2026-12-01T06:00:00.000Z' });
  });
  afterAll(() => handle?.destroy());

  it('reads the user, their unit and office, and the office’s data version in one statement', async () => {
    const found = await findLiveSessionUser(acrossOffices(handle.root), 'live', LATER);
    expect(found).toEqual({
      id: userId,
      username: 'li',
      displayName: '李联络员',
      role: 'liaison',
      unitId,
      unitName: '临江区',
      officeId: 1,
      officeKind: 'city',
      mustChangePassword: false,
      officeDataVersion: await readOfficeDataVersion(handle.db),
    });
  });

  it('refuses an expired session, an unknown one, a disabled user, and a session deleted meanwhile', async () => {
    const across = acrossOffices(handle.root);
    expect(await findLiveSessionUser(across, 'expired', LATER)).toBeNull();
    expect(await findLiveSessionUser(across, 'nobody', LATER)).toBeNull();
    await setUserActive(handle.db, userId, false, LATER);
    expect(await findLiveSessionUser(across, 'live', LATER)).toBeNull();
    await setUserActive(handle.db, userId, true, LATER);
    expect(await findLiveSessionUser(across, 'live', LATER)).not.toBeNull();
    // The statement is compiled once per handle: each call's own time and id are the ones compared.
    expect(await findLiveSessionUser(across, 'live', '2026-12-02T00:00:00.001Z')).toBeNull();
    expect(acrossOffices(handle.root)).toBe(across);
    await deleteSession(handle.db, 'live');
    expect(await findLiveSessionUser(across, 'live', LATER)).toBeNull();
  });

  it('is prepared once per connection on a PostgreSQL server (not planned on every request)', async (ctx) => {
    if (factory.dialect !== 'postgres' || handle.schema === undefined) return ctx.skip(); // PGlite: no pg client
    await insertSession(handle.db, { id: 'prepared', userId, createdAt: NOW, expiresAt: '2026-12-02T00:00:00.000Z' });
    await handle.root.connection().execute(async (connection) => {
      const across = acrossOffices(connection);
      expect(await findLiveSessionUser(across, 'prepared', LATER)).toMatchObject({ id: userId });
      expect(await findLiveSessionUser(across, 'prepared', '2026-12-03T00:00:00.000Z')).toBeNull();
      const prepared = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(connection);
      expect(prepared.rows.filter((r) => r.statement.includes('office_data_versions'))).toHaveLength(1);
    });
  });

  it('sees a role change on the next lookup', async () => {
    await insertSession(handle.db, { id: 'again', userId, createdAt: NOW, expiresAt: '2026-12-02T00:00:00.000Z' });
    await updateUserProfile(handle.db, userId, { displayName: '李主任', role: 'leader', unitId: null, phone: null }, LATER);
    expect(await findLiveSessionUser(acrossOffices(handle.root), 'again', LATER)).toMatchObject({
      role: 'leader',
      unitId: null,
      unitName: null,
    });
  });
});
