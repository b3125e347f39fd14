import { describe, expect, it } from 'vitest';
import { describeChange } from './audit-table';

describe('describeChange', () => {
  it('lists only changed fields, ignoring bookkeeping', () => {
    expect(describeChange({ name: '甲', kind: 'city_dept', version: 1 }, { name: '乙', kind: 'city_dept', version: 2 })).toEqual([{ field: 'name', from: '甲', to: '乙' }]);
  });
  it('treats a creation as every field from nothing', () => {
    expect(describeChange(null, { code: 'A01', tags: ['x'] })).toEqual([
      { field: 'code', from: '—', to: 'A01' },
      { field: 'tags', from: '—', to: '["x"]' },
    ]);
  });
});
