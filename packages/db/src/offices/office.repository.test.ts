import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connect';
import { createMigratedTestDatabase, testDatabases } from '../testing/test-databases';
import { findOffice, insertOffice, listOffices, updateOfficeDetails } from './office.repository';

const NOW = '2026-12-07T08:00:00.000Z';

describe.each(testDatabases)('office repository on $name', (factory) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
  });
  afterEach(async () => {
    await handle.destroy();
  });

  it('starts with one office that is not yet set up', async () => {
    const offices = await listOffices(handle.db);
    expect(offices).toHaveLength(1);
    expect(offices[0]).toMatchObject({ id: 1, kind: 'city', setUpAt: null, version: 1 });
  });

  it('records the first confirmation time once and refuses a stale version', async () => {
    const first = await updateOfficeDetails(
      handle.db,
      1,
      1,
      { name: '江临市政务公开办公室', shortName: '市政务公开办', regionName: '江临市' },
      NOW,
    );
    expect(first).toMatchObject({ name: '江临市政务公开办公室', regionName: '江临市', setUpAt: NOW, version: 2 });
    const later = await updateOfficeDetails(
      handle.db,
      1,
      2,
      { name: '江临市人民政府办公室', shortName: '市政府办', regionName: '江临市' },
      '2026-12-08T08:00:00.000Z',
    );
    expect(later?.setUpAt).toBe(NOW);
    expect(await updateOfficeDetails(handle.db, 1, 2, { name: 'x', shortName: 'x', regionName: 'x' }, NOW)).toBeNull();
  });

  it('adds further offices after the first (the identity sequence continues past id 1)', async () => {
    const province = await insertOffice(
      handle.db,
      { code: 'prov', name: '省政务公开办', shortName: '省公开办', regionName: '某省', kind: 'province', parentId: null },
      NOW,
    );
    expect(province.id).toBe(2);
    const city = await insertOffice(
      handle.db,
      { code: 'c2', name: '乙市政务公开办', shortName: '乙市公开办', regionName: '乙市', kind: 'city', parentId: province.id },
      NOW,
    );
    expect((await findOffice(handle.db, city.id))?.parentId).toBe(province.id);
  });
});
