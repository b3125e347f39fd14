// Names that hide or reorder text, NULs and impossible dates are refused the same way on both
// databases, before anything is stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { callerFor, seedMinimalOrg } from '../testing/test-context';

describe.each(testDatabases)('input validation on $name', (factory) => {
  let handle: DatabaseHandle;
  let org: Awaited<ReturnType<typeof seedMinimalOrg>>;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    org = await seedMinimalOrg(handle);
  });
  afterEach(() => handle.destroy());

  const create = (name: string, validFrom = '2026-01-01') =>
    callerFor(handle, org.users.admin).units.create({ code: 'X01', name, kind: 'city_dept', validFrom });

  it.each([
    ['only zero-width characters', '\u200b\u200c\u200d\u2060', /单位名称至少2个字/],
    ['an RTL override', '临江\u202e区政府', /改变文字方向/],
    ['a NUL', '临江\u0000区政府', /控制字符/],
  ])('refuses a unit name of %s with 400 and stores nothing', async (_what, name, message) => {
    await expect(create(name)).rejects.toMatchObject({ code: 'BAD_REQUEST', message });
    expect(await handle.db.selectFrom('units').select('id').where('code', '=', 'X01').execute()).toEqual([]);
  });

  it('refuses a date that does not exist', async () => {
    await expect(create('临江区档案局', '2026-13-45')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(create('临江区档案局', '2026-02-30')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(create('临江区档案局', '2028-02-29')).resolves.toMatchObject({ code: 'X01' });
  });
});
