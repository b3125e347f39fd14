import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { insertAuditEntry, listAuditEntries } from '@kaoping/db/audit/audit.repository';
import { insertGroup } from '@kaoping/db/org/group.repository';
import { callerFor, seedMinimalOrg, TEST_NOW } from '../testing/test-context';

const DETAILS = { name: '临江市人民政府办公室政务公开科', shortName: '市政务公开办', regionName: '临江市' };

describe.each(testDatabases)('office router on $name', (factory) => {
  let handle: DatabaseHandle;
  let org: Awaited<ReturnType<typeof seedMinimalOrg>>;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    org = await seedMinimalOrg(handle);
  });
  afterEach(() => handle.destroy());

  it('starts not set up: no office name before sign-in, no demo accounts, the checklist from the data', async () => {
    const anonymous = callerFor(handle, null);
    await expect(anonymous.org.office.signInInfo()).resolves.toEqual({ officeName: null, demo: false });
    const admin = callerFor(handle, org.users.admin);
    await expect(admin.org.office.get()).resolves.toMatchObject({ id: 1, setUpAt: null, version: 1 });
    // seedMinimalOrg wrote two units and a liaison; nothing else exists yet.
    await expect(admin.org.office.setup()).resolves.toEqual({
      year: 2026,
      setUp: false,
      demo: false,
      done: { office: false, groups: false, units: true, liaisons: true, scheme: false, round: false },
    });
    await insertGroup(handle.db, { year: 2026, code: 'XQ', name: '县区', sortOrder: 1 });
    expect((await admin.org.office.setup()).done.groups).toBe(true);
  });

  it('saves the details once confirmed (audited), names the office on the sign-in page, and refuses a stale version', async () => {
    const admin = callerFor(handle, org.users.admin);
    const saved = await admin.org.office.update({ version: 1, ...DETAILS });
    expect(saved).toMatchObject({ ...DETAILS, setUpAt: TEST_NOW.toISOString(), version: 2 });
    await expect(callerFor(handle, null).org.office.signInInfo()).resolves.toEqual({ officeName: DETAILS.name, demo: false });
    const setup = await admin.org.office.setup();
    expect(setup.setUp).toBe(true);
    expect(setup.done.office).toBe(true);
    const [entry] = await listAuditEntries(handle.db, { entity: 'office', limit: 5 });
    expect(entry).toMatchObject({ action: 'org.office.update', entityId: '1', actorName: '测试admin', after: DETAILS });
    expect(entry?.before).toMatchObject({ name: '政务公开办公室', regionName: '' });

    await expect(admin.org.office.update({ version: 1, ...DETAILS, shortName: '公开办' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '机构信息已被他人修改,请刷新后重试',
    });
    await expect(admin.org.office.update({ version: 2, ...DETAILS, regionName: ' ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // Any signed-in user reads the details; only the office changes them.
    const liaison = callerFor(handle, org.users.liaison);
    await expect(liaison.org.office.get()).resolves.toMatchObject({ name: DETAILS.name, version: 2 });
    await expect(liaison.org.office.update({ version: 2, ...DETAILS })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('knows a database seeded with the demo city by the seed’s audit entry: demo accounts listed, no checklist', async () => {
    await insertAuditEntry(handle.db, {
      at: TEST_NOW.toISOString(),
      actorId: null,
      actorName: '系统',
      action: 'demo.seed',
      entity: 'system',
      entityId: 'demo',
      unitId: null,
      before: null,
      after: { city: '江临市' },
    });
    await expect(callerFor(handle, null).org.office.signInInfo()).resolves.toEqual({ officeName: null, demo: true });
    await expect(callerFor(handle, org.users.admin).org.office.setup()).resolves.toMatchObject({ setUp: false, demo: true });
  });
});
