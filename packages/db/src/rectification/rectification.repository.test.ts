import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connect';
import { createMigratedTestDatabase, testDatabases } from '../testing/test-databases';
import { insertUnit } from '../units/unit.repository';
import { nextItemCode } from './rectification.repository';

const NOW = '2026-01-05T02:00:00.000Z';

describe.each(testDatabases)('rectification repository on $name', (factory) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
  });
  afterEach(() => handle.destroy());

  it('numbers ledger items per year past 999 (regression: text max put ZG-2026-1000 below ZG-2026-999)', async () => {
    const unit = await insertUnit(
      handle.db,
      { code: 'A01', name: '临江区', kind: 'county_gov', parentId: null, tags: [], validFrom: '2020-01-01', note: '' },
      NOW,
    );
    expect(await nextItemCode(handle.db, 2026)).toBe('ZG-2026-001');
    const row = (code: string) => ({
      code,
      unit_id: unit.id,
      period: '2026Q1',
      title: 't',
      requirement: '',
      status: 'issued',
      version: 1,
      issued_at: NOW,
      issued_on: '2026-01-05',
      due_date: '2026-01-20',
      due_rule: '{"kind":"date"}',
      updated_at: NOW,
      severity: 'normal',
      responsible_person: '',
      responsible_leader: '',
      source: 'manual',
      recheck_fail_count: 0,
      explanation_reject_count: 0,
    });
    await handle.db
      .insertInto('rectification_items')
      .values([row('ZG-2026-999'), row('ZG-2026-1000'), row('ZG-2025-1200')])
      .execute();
    expect(await nextItemCode(handle.db, 2026)).toBe('ZG-2026-1001');
    expect(await nextItemCode(handle.db, 2027)).toBe('ZG-2027-001');
  });
});
