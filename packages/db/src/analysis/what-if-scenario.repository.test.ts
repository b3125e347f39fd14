import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connect';
import { createMigratedTestDatabase, testDatabases } from '../testing/test-databases';
import { insertUser } from '../users/user.repository';
import { deleteScenario, findScenarioById, findScenarioByName, insertScenario, listScenarios } from './what-if-scenario.repository';

const NOW = '2026-11-20T02:00:00.000Z';
const LATER = '2026-11-21T02:00:00.000Z';

describe.each(testDatabases)('what-if scenario repository on $name', (factory) => {
  let handle: DatabaseHandle;
  let userId: number;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    userId = await insertUser(
      handle.db,
      { username: 'leader', displayName: '王领导', passwordHash: 'x', role: 'leader', unitId: null },
      NOW,
    );
  });
  afterEach(() => handle.destroy());

  it('stores points as JSON with sorted keys and lists a group newest first', async () => {
    const { db } = handle;
    const first = await insertScenario(
      db,
      {
        name: '加重依申请公开',
        period: '2026Q3',
        groupCode: 'B1',
        points: { '2': 30, '1': 25.5 },
        createdBy: userId,
        createdByName: '王领导',
      },
      NOW,
    );
    expect(first).toMatchObject({
      name: '加重依申请公开',
      period: '2026Q3',
      groupCode: 'B1',
      points: { '1': 25.5, '2': 30 },
      createdBy: userId,
      version: 1,
      createdAt: NOW,
    });
    const stored = await db.selectFrom('what_if_scenarios').select('points_json').where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(stored.points_json).toBe('{"1":25.5,"2":30}');
    const second = await insertScenario(
      db,
      { name: '去掉平台建设', period: '2026Q3', groupCode: 'B1', points: { '3': 0 }, createdBy: userId, createdByName: '王领导' },
      LATER,
    );
    await insertScenario(
      db,
      { name: '其他分组', period: '2026Q3', groupCode: 'B2', points: {}, createdBy: null, createdByName: '系统' },
      LATER,
    );
    expect((await listScenarios(db, { period: '2026Q3', groupCode: 'B1' })).map((s) => s.id)).toEqual([second.id, first.id]);
    expect(await listScenarios(db, { period: '2026Q2', groupCode: 'B1' })).toEqual([]);
    expect((await findScenarioByName(db, '2026Q3', 'B1', '去掉平台建设'))?.id).toBe(second.id);
    expect(await findScenarioByName(db, '2026Q3', 'B2', '去掉平台建设')).toBeNull();
  });

  it('refuses a second scenario of the same name in the same group and period', async () => {
    const { db } = handle;
    const base = { period: '2026Q3', groupCode: 'B1', points: {}, createdBy: userId, createdByName: '王领导' };
    await insertScenario(db, { ...base, name: '方案甲' }, NOW);
    await expect(insertScenario(db, { ...base, name: '方案甲' }, NOW)).rejects.toThrow();
    await expect(insertScenario(db, { ...base, groupCode: 'B2', name: '方案甲' }, NOW)).resolves.toMatchObject({ groupCode: 'B2' });
  });

  it('deletes only at the version read', async () => {
    const { db } = handle;
    const s = await insertScenario(
      db,
      { name: '方案乙', period: '2026Q3', groupCode: 'B1', points: { '1': 40 }, createdBy: userId, createdByName: '王领导' },
      NOW,
    );
    expect(await deleteScenario(db, s.id, 2)).toBe(false);
    expect(await findScenarioById(db, s.id)).not.toBeNull();
    expect(await deleteScenario(db, s.id, 1)).toBe(true);
    expect(await findScenarioById(db, s.id)).toBeNull();
    expect(await deleteScenario(db, s.id, 1)).toBe(false);
  });
});
