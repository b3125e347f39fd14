import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { listAuditEntries } from '@kaoping/db/audit/audit.repository';
import { insertGroup } from '@kaoping/db/org/group.repository';
import { callerFor, seedMinimalOrg } from '../testing/test-context';

describe.each(testDatabases)('units router on $name', (factory) => {
  let handle: DatabaseHandle;
  let org: Awaited<ReturnType<typeof seedMinimalOrg>>;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    org = await seedMinimalOrg(handle);
  });
  afterEach(() => handle.destroy());

  it('creates a unit in a group and records it in the audit log', async () => {
    const admin = callerFor(handle, org.users.admin);
    const groupId = await admin.groups.upsert({ year: 2026, code: 'C', name: '乡镇(街道)' });
    const unit = await admin.units.create({
      code: 'A01-T01',
      name: '临江区江口镇人民政府',
      kind: 'township',
      parentId: org.own.id,
      validFrom: '2026-01-01',
      group: { year: 2026, groupId },
    });
    const profile = await admin.units.get({ id: unit.id });
    expect(profile.parent?.code).toBe('A01');
    expect(profile.groups).toEqual([{ year: 2026, groupCode: 'C', groupName: '乡镇(街道)' }]);
    const history = await admin.audit.forUnit({ unitId: unit.id });
    expect(history.map((h) => h.action)).toEqual(['unit.create']);
    expect(history[0]?.actorName).toBe('测试admin');
  });

  it('refuses a duplicate code, a missing parent and a parent cycle', async () => {
    const admin = callerFor(handle, org.users.admin);
    await expect(admin.units.create({ code: 'A01', name: '重复单位', kind: 'other', validFrom: '2026-01-01' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '单位编码 A01 已存在',
    });
    await expect(
      admin.units.create({ code: 'Z1', name: '无上级单位', kind: 'other', parentId: 9999, validFrom: '2026-01-01' }),
    ).rejects.toMatchObject({ message: '上级单位不存在' });
    const child = await admin.units.create({
      code: 'A01-S01',
      name: '某街道',
      kind: 'street',
      parentId: org.own.id,
      validFrom: '2026-01-01',
    });
    await expect(
      admin.units.update({
        id: org.own.id,
        version: org.own.version,
        name: org.own.name,
        kind: 'county_gov',
        parentId: child.id,
        tags: [],
        validFrom: '2020-01-01',
        note: '',
      }),
    ).rejects.toMatchObject({
      message: '上级单位不能是本单位或其下级单位',
    });
  });

  it('records before → after on update and refuses a stale version', async () => {
    const admin = callerFor(handle, org.users.admin);
    const input = {
      id: org.own.id,
      version: org.own.version,
      name: '江临市临江区人民政府',
      kind: 'county_gov' as const,
      parentId: null,
      tags: ['主城区'],
      validFrom: '2020-01-01',
      note: '',
    };
    const updated = await admin.units.update(input);
    expect(updated.version).toBe(org.own.version + 1);
    await expect(admin.units.update({ ...input, name: '并发修改' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '该单位已被他人修改,请刷新后重试',
    });
    const [entry] = await listAuditEntries(handle.db, { unitId: org.own.id, limit: 10 });
    expect(entry).toMatchObject({
      action: 'unit.update',
      before: { name: '临江区人民政府' },
      after: { name: '江临市临江区人民政府', tags: ['主城区'] },
    });
  });

  it('retires a unit without deleting it, naming its successor', async () => {
    const admin = callerFor(handle, org.users.admin);
    await admin.units.deactivate({
      id: org.other.id,
      version: org.other.version,
      validTo: '2026-02-28',
      successorId: org.own.id,
      reason: '区划调整,并入临江区',
    });
    const profile = await admin.units.get({ id: org.other.id });
    expect(profile).toMatchObject({ isActive: false, successor: { code: 'A01' }, unit: { validTo: '2026-02-28' } });
    expect((await admin.units.list({ year: 2026 })).rows.map((r) => r.code)).toEqual(['A01']);
    expect((await admin.units.list({ year: 2026, includeInactive: true })).total).toBe(2);
    await expect(
      admin.units.deactivate({
        id: org.other.id,
        version: profile.unit.version,
        validTo: '2026-03-01',
        successorId: null,
        reason: '再次撤销',
      }),
    ).rejects.toMatchObject({ message: '该单位已撤销' });
  });

  it('scopes a liaison to their own unit on the server', async () => {
    const liaison = callerFor(handle, org.users.liaison);
    const list = await liaison.units.list({ year: 2026 });
    expect(list.rows.map((r) => r.code)).toEqual(['A01']);
    await expect(liaison.units.get({ id: org.other.id })).rejects.toMatchObject({ code: 'FORBIDDEN', message: '无权查看其他单位的数据' });
    await expect(liaison.audit.forUnit({ unitId: org.other.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await liaison.units.get({ id: org.own.id })).unit.code).toBe('A01');
  });

  it('moves periods open → closed → locked and never back from locked', async () => {
    const admin = callerFor(handle, org.users.admin);
    await admin.periods.create({ code: '2026Q1' });
    expect((await admin.periods.list())[0]).toMatchObject({
      code: '2026Q1',
      startDate: '2026-01-01',
      endDate: '2026-03-31',
      status: 'open',
    });
    await expect(admin.periods.create({ code: '2026Q1' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(admin.periods.setStatus({ code: '2026Q1', status: 'locked' })).rejects.toMatchObject({ message: '不允许的状态变更' });
    await admin.periods.setStatus({ code: '2026Q1', status: 'closed' });
    await admin.periods.setStatus({ code: '2026Q1', status: 'locked' });
    await expect(admin.periods.setStatus({ code: '2026Q1', status: 'open' })).rejects.toMatchObject({ message: '期次已锁定,不能再更改' });
  });

  it('assigns a group only of the same year', async () => {
    const admin = callerFor(handle, org.users.admin);
    const g2025 = await insertGroup(handle.db, { year: 2025, code: 'A', name: '区县政府', sortOrder: 1 });
    await expect(admin.groups.assign({ year: 2026, unitId: org.own.id, groupId: g2025 })).rejects.toMatchObject({
      message: '分组不存在或不属于2026年度',
    });
    await admin.groups.assign({ year: 2025, unitId: org.own.id, groupId: g2025 });
    expect((await admin.groups.list({ year: 2025 }))[0]?.unitCount).toBe(1);
  });
});
