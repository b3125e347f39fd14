import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connect';
import { createMigratedTestDatabase, testDatabases } from '../testing/test-databases';
import { insertGroup, listGroups, setUnitGroup } from '../org/group.repository';
import { findUnitsByCodes, insertUnit, listAncestorIds, listUnits, updateUnit } from './unit.repository';
import { insertAuditEntry, listAuditEntries } from '../audit/audit.repository';

const NOW = '2026-01-05T02:00:00.000Z';
const base = { tags: [] as string[], validFrom: '2020-01-01', note: '', parentId: null };

describe.each(testDatabases)('unit repository on $name', (factory) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
  });
  afterEach(async () => {
    await handle.destroy();
  });

  it('stores units with tags and a parent, and lists them with their group', async () => {
    const { db } = handle;
    const county = await insertUnit(db, { ...base, code: 'A01', name: '临江区人民政府', kind: 'county_gov', tags: ['重点'] }, NOW);
    const town = await insertUnit(db, { ...base, code: 'T001', name: '临江区江口镇人民政府', kind: 'township', parentId: county.id }, NOW);
    const groupId = await insertGroup(db, { year: 2026, code: 'A', name: '区县政府', sortOrder: 1 });
    await setUnitGroup(db, county.id, 2026, groupId);

    const { rows, total } = await listUnits(db, {
      search: '',
      kind: null,
      groupId: null,
      parentId: null,
      tag: null,
      year: 2026,
      includeInactive: false,
      today: '2026-01-05',
      onlyUnitId: null,
      page: 1,
      pageSize: 50,
    });
    expect(total).toBe(2);
    const a01 = rows.find((r) => r.code === 'A01');
    expect(a01).toMatchObject({ groupCode: 'A', childCount: 1, tags: ['重点'], isActive: true });
    expect(rows.find((r) => r.code === 'T001')).toMatchObject({ parentName: '临江区人民政府', groupCode: null });
    expect(await listAncestorIds(db, town.id)).toEqual([county.id]);
    expect((await listGroups(db, 2026))[0]?.unitCount).toBe(1);
  });

  it('filters by search text, kind, tag and parent, escaping LIKE wildcards', async () => {
    const { db } = handle;
    const county = await insertUnit(db, { ...base, code: 'A01', name: '临江区人民政府', kind: 'county_gov' }, NOW);
    await insertUnit(db, { ...base, code: 'T001', name: '江口镇', kind: 'township', parentId: county.id, tags: ['试点'] }, NOW);
    await insertUnit(db, { ...base, code: 'S001', name: '100%街道', kind: 'street', parentId: county.id }, NOW);
    const list = (f: Partial<Parameters<typeof listUnits>[1]>) =>
      listUnits(db, {
        search: '',
        kind: null,
        groupId: null,
        parentId: null,
        tag: null,
        year: 2026,
        includeInactive: false,
        today: '2026-01-05',
        onlyUnitId: null,
        page: 1,
        pageSize: 50,
        ...f,
      });
    expect((await list({ search: '江口' })).rows.map((r) => r.code)).toEqual(['T001']);
    expect((await list({ search: '%' })).rows.map((r) => r.code)).toEqual(['S001']);
    expect((await list({ kind: 'street' })).rows.map((r) => r.code)).toEqual(['S001']);
    expect((await list({ tag: '试点' })).rows.map((r) => r.code)).toEqual(['T001']);
    expect((await list({ parentId: county.id })).total).toBe(2);
  });

  it('refuses an update with a stale version (optimistic concurrency)', async () => {
    const { db } = handle;
    const unit = await insertUnit(db, { ...base, code: 'B01', name: '市教育局', kind: 'city_dept' }, NOW);
    const first = await updateUnit(db, unit.id, unit.version, { name: '江临市教育局' }, NOW);
    expect(first?.version).toBe(2);
    expect(await updateUnit(db, unit.id, unit.version, { name: '另一个名字' }, NOW)).toBeNull();
    expect((await findUnitsByCodes(db, ['B01'])).get('B01')?.name).toBe('江临市教育局');
  });

  it('hides units whose validity ended unless history is asked for', async () => {
    const { db } = handle;
    const unit = await insertUnit(db, { ...base, code: 'B02', name: '市旧局', kind: 'city_dept' }, NOW);
    await updateUnit(db, unit.id, unit.version, { validTo: '2025-12-31' }, NOW);
    const f = {
      search: '',
      kind: null,
      groupId: null,
      parentId: null,
      tag: null,
      year: 2026,
      today: '2026-01-05',
      onlyUnitId: null,
      page: 1,
      pageSize: 50,
    };
    expect((await listUnits(db, { ...f, includeInactive: false })).total).toBe(0);
    expect((await listUnits(db, { ...f, includeInactive: true })).rows[0]?.isActive).toBe(false);
  });

  it('keeps audit entries with before and after', async () => {
    const { db } = handle;
    await insertAuditEntry(db, {
      at: NOW,
      actorId: null,
      actorName: 'system',
      action: 'unit.update',
      entity: 'unit',
      entityId: 7,
      unitId: 7,
      before: { name: 'a' },
      after: { name: 'b' },
    });
    const [entry] = await listAuditEntries(db, { unitId: 7, limit: 10 });
    expect(entry).toMatchObject({ action: 'unit.update', entityId: '7', before: { name: 'a' }, after: { name: 'b' } });
  });
});
