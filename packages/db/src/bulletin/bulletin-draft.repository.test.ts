import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connect';
import { createMigratedTestDatabase, testDatabases } from '../testing/test-databases';
import { findBulletinDraft, insertBulletinDraft, updateBulletinDraft } from './bulletin-draft.repository';

const NOW = '2026-10-12T02:00:00.000Z';
const LATER = '2026-10-12T03:00:00.000Z';

describe.each(testDatabases)('bulletin draft repository on $name', (factory) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
  });
  afterEach(() => handle.destroy());

  it('stores one draft per period, JSON paragraphs round-tripped', async () => {
    const { db } = handle;
    expect(await findBulletinDraft(db, '2026Q3')).toBeNull();
    const write = {
      periodCode: '2026Q3',
      paragraphs: { intro: '根据《考核办法》', requirements: [{ text: '整改', deadline: '2026-10-30' }] },
      documentNumber: '江政公办〔2026〕1号',
      updatedBy: null,
      updatedByName: '系统',
    };
    const first = await insertBulletinDraft(db, write, NOW);
    expect(first).toMatchObject({ periodCode: '2026Q3', version: 1, documentNumber: '江政公办〔2026〕1号', createdAt: NOW });
    expect(await insertBulletinDraft(db, write, NOW)).toBeNull();
    expect((await findBulletinDraft(db, '2026Q3'))?.paragraphs).toEqual(write.paragraphs);
  });

  it('saves over the loaded version only (optimistic concurrency)', async () => {
    const { db } = handle;
    const write = { periodCode: '2026Q3', paragraphs: { intro: 'a' }, documentNumber: '', updatedBy: null, updatedByName: '甲' };
    await insertBulletinDraft(db, write, NOW);
    const second = await updateBulletinDraft(db, { ...write, paragraphs: { intro: 'b' }, updatedByName: '乙' }, 1, LATER);
    expect(second).toMatchObject({ version: 2, updatedByName: '乙', updatedAt: LATER, paragraphs: { intro: 'b' } });
    expect(await updateBulletinDraft(db, { ...write, paragraphs: { intro: 'c' } }, 1, LATER)).toBeNull();
    expect((await findBulletinDraft(db, '2026Q3'))?.paragraphs).toEqual({ intro: 'b' });
  });
});
