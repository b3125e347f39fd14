import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connect';
import { createMigratedTestDatabase, testDatabases } from '../testing/test-databases';
import { insertUser } from '../users/user.repository';
import { insertNotifications, listNotifications, type NewNotification } from './notification.repository';

const NOW = '2026-12-07T08:00:00.000Z';

describe.each(testDatabases)('notification repository on $name', (factory) => {
  let handle: DatabaseHandle;
  let userId: number;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    userId = await insertUser(
      handle.db,
      { username: 'liaison1', displayName: '联络员', passwordHash: 'x', role: 'liaison', unitId: null },
      NOW,
    );
  });
  afterEach(async () => {
    await handle.destroy();
  });

  const note = (key: string): NewNotification => ({
    userId,
    kind: 'before_due',
    title: '整改将于 2026-12-09 到期:ZG-2026-001 栏目未更新',
    body: '距整改时限还有 2 个工作日。',
    values: { code: 'ZG-2026-001', title: '栏目未更新', dueDate: '2026-12-09', workingDays: 2 },
    itemId: null,
    dedupeKey: key,
  });

  it('adds each dedupe key once and counts only what it added', async () => {
    expect(await insertNotifications(handle.db, [note('a'), note('b'), note('a')], NOW)).toBe(2);
    expect(await insertNotifications(handle.db, [note('b'), note('c')], NOW)).toBe(1);
    expect((await listNotifications(handle.db, userId, 10)).items).toHaveLength(3);
  });

  it('two processes writing the same reminders at once neither fail nor duplicate (the unique key settles the race)', async () => {
    const batch = [note('r1'), note('r2'), note('r3')];
    const results = await Promise.all([insertNotifications(handle.db, batch, NOW), insertNotifications(handle.db, batch, NOW)]);
    expect(results.reduce((a, b) => a + b, 0)).toBe(3);
    expect((await listNotifications(handle.db, userId, 10)).unread).toBe(3);
  });

  it('keeps the values of a notice beside its Chinese text; a notice stored before values were kept reads as null', async () => {
    await insertNotifications(handle.db, [note('v')], NOW);
    await handle.db
      .insertInto('notifications')
      .values({
        user_id: userId,
        kind: 'issued',
        title: '新的整改任务:ZG-1 x',
        body: '整改时限 2026-12-20',
        item_id: null,
        dedupe_key: 'old',
        created_at: NOW,
        read_at: null,
      })
      .execute();
    const { items } = await listNotifications(handle.db, userId, 10);
    expect(items.map((n) => [n.kind, n.values])).toEqual([
      ['issued', null],
      ['before_due', { code: 'ZG-2026-001', title: '栏目未更新', dueDate: '2026-12-09', workingDays: 2 }],
    ]);
    expect(items[1]?.title).toBe('整改将于 2026-12-09 到期:ZG-2026-001 栏目未更新');
  });
});
