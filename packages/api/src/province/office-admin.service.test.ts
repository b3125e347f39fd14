import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acrossOffices } from '@kaoping/db/offices/office-scope';
import { listOffices } from '@kaoping/db/offices/office.repository';
import { createMigratedTestDatabase, testDatabases, type TestDatabaseHandle } from '@kaoping/db/testing/test-databases';
import { createOffice, firstAccountRole } from './office-admin.service';

const NOW = new Date('2026-12-07T08:00:00.000Z');

describe.each(testDatabases)('createOffice on $name', (factory) => {
  let handle: TestDatabaseHandle;
  beforeAll(async () => {
    handle = await createMigratedTestDatabase(factory);
  });
  afterAll(() => handle.destroy());

  it('adds a province and a city under it, audited in the new office and its province', async () => {
    const province = await createOffice(handle.db, null, { kind: 'province', name: '某省政务公开办公室', shortName: '省公开办' }, NOW);
    expect(province).toMatchObject({ id: 2, kind: 'province', parentId: null, code: 'province-2', regionName: '某省政务公开办公室' });
    const city = await createOffice(handle.db, null, { kind: 'city', name: '甲市政务公开办公室', regionName: '甲市', parentId: 2 }, NOW);
    expect(city).toMatchObject({ id: 3, kind: 'city', parentId: 2, code: 'city-3', shortName: '甲市政务公开办公室' });
    const audit = await acrossOffices(handle.root)
      .selectFrom('audit_log')
      .select(['office_id', 'entity_id', 'action'])
      .where('action', '=', 'org.office.create')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [Number(a.office_id), a.entity_id])).toEqual([
      [2, '2'],
      [3, '3'],
      [2, '3'],
    ]);
    expect(firstAccountRole(province)).toBe('leader');
    expect(firstAccountRole(city)).toBe('admin');
  });

  it('refuses a bad parent, a province with a parent and a duplicate, and adds nothing', async () => {
    const attempts: [Parameters<typeof createOffice>[2], string][] = [
      [{ kind: 'city', name: '乙市政务公开办公室', parentId: 1 }, '市级机构的上级只能是省级机构'],
      [{ kind: 'city', name: '乙市政务公开办公室', parentId: 42 }, '上级机构 42 不存在'],
      [{ kind: 'province', name: '他省政务公开办公室', parentId: 2 }, '省级机构没有上级机构'],
      [{ kind: 'city', name: '甲市政务公开办公室' }, '已有名为 甲市政务公开办公室 的机构(编号 3)'],
      [{ kind: 'city', name: '丙市政务公开办公室', code: 'city-3' }, '机构代码 city-3 已被使用'],
      [{ kind: 'city', name: ' ' }, '机构全称'],
    ];
    for (const [input, message] of attempts) await expect(createOffice(handle.db, null, input, NOW), input.name).rejects.toThrow(message);
    expect(await listOffices(acrossOffices(handle.root))).toHaveLength(3);
  });
});
