import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle, Db } from '../connect';
import { migrateToLatest, migrateUpTo } from '../migrate';
import { testDatabases } from '../testing/test-databases';
import { acrossOffices, GLOBAL_TABLES, OFFICE_COLUMN, scopeToOffice } from './office-scope';

// The schema side of tenancy: every table holding office data has office_id, and every unique key,
// natural primary key and index leads with it (ready to distribute by office_id). Read from the
// database's own catalog on both dialects, so a table added later without the key fails here.

/** Deployment-wide on purpose (the office-key migration says why). */
const GLOBAL_UNIQUE = new Set(['users(username)']);

interface Introspected {
  tables: string[];
  columns: Map<string, { name: string; notNull: boolean }[]>;
  /** Unique keys and primary keys: table → column lists. */
  uniques: { table: string; name: string; columns: string[] }[];
  /** Plain indexes. */
  indexes: { table: string; name: string; columns: string[] }[];
}

async function introspect(db: Db, dialect: 'sqlite' | 'postgres'): Promise<Introspected> {
  const across = acrossOffices(db);
  const result: Introspected = { tables: [], columns: new Map(), uniques: [], indexes: [] };
  if (dialect === 'sqlite') {
    const tables = (
      await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(across)
    ).rows;
    for (const { name } of tables) {
      result.tables.push(name);
      const cols = (
        await sql<{ name: string; notnull: number; pk: number }>`select name, "notnull", pk from pragma_table_info(${name})`.execute(across)
      ).rows;
      result.columns.set(
        name,
        cols.map((c) => ({ name: c.name, notNull: c.notnull === 1 || c.pk > 0 })),
      );
      const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
      if (pk.length > 0) result.uniques.push({ table: name, name: 'primary key', columns: pk.map((c) => c.name) });
      const indexes = (
        await sql<{ name: string; unique: number; origin: string }>`select name, "unique", origin from pragma_index_list(${name})`.execute(
          across,
        )
      ).rows;
      for (const index of indexes) {
        if (index.origin === 'pk') continue;
        const columns = (
          await sql<{ name: string }>`select name from pragma_index_info(${index.name}) order by seqno`.execute(across)
        ).rows.map((c) => c.name);
        (index.unique === 1 ? result.uniques : result.indexes).push({ table: name, name: index.name, columns });
      }
    }
  } else {
    const tables = (
      await sql<{
        table_name: string;
      }>`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(
        across,
      )
    ).rows;
    for (const { table_name: name } of tables) {
      result.tables.push(name);
      const cols = (
        await sql<{ column_name: string; is_nullable: string }>`select column_name, is_nullable from information_schema.columns
          where table_schema = current_schema() and table_name = ${name}`.execute(across)
      ).rows;
      result.columns.set(
        name,
        cols.map((c) => ({ name: c.column_name, notNull: c.is_nullable === 'NO' })),
      );
    }
    const indexes = (
      await sql<{
        table: string;
        name: string;
        unique: boolean;
        columns: string[];
      }>`select t.relname as "table", i.relname as name, x.indisunique as "unique",
          array(select a.attname::text from unnest(x.indkey) with ordinality k(n, o) join pg_attribute a on a.attrelid = t.oid and a.attnum = k.n order by k.o) as columns
        from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
        join pg_namespace n on n.oid = t.relnamespace and n.nspname = current_schema()`.execute(across)
    ).rows;
    for (const index of indexes) (index.unique ? result.uniques : result.indexes).push(index);
  }
  return result;
}

describe.each(testDatabases)('office key in the schema on $name', (factory) => {
  let handle: DatabaseHandle | undefined;
  afterEach(async () => {
    await handle?.destroy();
    handle = undefined;
  });

  it('every office table has a non-null office_id, and its unique keys and indexes lead with it', async () => {
    handle = await factory.create();
    await migrateToLatest(handle.db, handle.schema);
    const schema = await introspect(handle.db, factory.dialect);
    const officeTables = schema.tables.filter((t) => !GLOBAL_TABLES.has(t));
    expect(officeTables).toEqual(
      expect.arrayContaining(['units', 'groups', 'periods', 'schemes', 'users', 'audit_log', 'calendar_overrides']),
    );
    const missing = officeTables.filter((t) => !schema.columns.get(t)?.some((c) => c.name === OFFICE_COLUMN && c.notNull));
    expect(missing, 'office tables without a non-null office_id').toEqual([]);

    const badUnique = schema.uniques
      .filter((u) => officeTables.includes(u.table))
      .filter((u) => !(u.columns.length === 1 && u.columns[0] === 'id')) // identity: unique deployment-wide
      .filter((u) => !GLOBAL_UNIQUE.has(`${u.table}(${u.columns.join(',')})`))
      .filter((u) => u.columns[0] !== OFFICE_COLUMN)
      .map((u) => `${u.table}(${u.columns.join(',')})`);
    expect(badUnique, 'unique keys not led by office_id').toEqual([]);
    const badIndex = schema.indexes
      .filter((i) => officeTables.includes(i.table) && i.columns[0] !== OFFICE_COLUMN)
      .map((i) => `${i.table}.${i.name}(${i.columns.join(',')})`);
    expect(badIndex, 'indexes not led by office_id').toEqual([]);
    // The natural keys that two offices share must now be unique per office only.
    const keyOf = (table: string) => schema.uniques.filter((u) => u.table === table).map((u) => u.columns.join(','));
    expect(keyOf('units')).toContain('office_id,code');
    expect(keyOf('periods')).toContain('office_id,code');
    expect(keyOf('schemes')).toContain('office_id,year');
    expect(keyOf('groups')).toContain('office_id,year,code');
  });

  it('keeps existing data in office 1, ids continuing, and lets a second office reuse the same codes', async () => {
    handle = await factory.create();
    await migrateUpTo(handle.db, '2026-12-07-0901-offices', handle.schema);
    const before = acrossOffices(handle.db);
    const at = '2026-12-07T00:00:00.000Z';
    const unit = {
      name: '临江区',
      kind: 'county_gov',
      parent_id: null,
      tags: '[]',
      valid_from: '2020-01-01',
      valid_to: null,
      successor_id: null,
      note: '',
      version: 1,
      created_at: at,
      updated_at: at,
    };
    await before
      .insertInto('units')
      .values({ ...unit, code: 'A01' } as never)
      .execute();
    await before
      .insertInto('periods')
      .values({
        code: '2026Q3',
        kind: 'quarter',
        year: 2026,
        start_date: '2026-07-01',
        end_date: '2026-09-30',
        status: 'open',
        created_at: at,
      } as never)
      .execute();
    const scheme = await before
      .insertInto('schemes')
      .values({
        year: 2026,
        code: 's',
        title: 's',
        scheme_json: '{}',
        content_hash: 'h',
        status: 'draft',
        version: 1,
        created_at: at,
        updated_at: at,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await before
      .insertInto('assessment_rounds')
      .values({
        period_code: '2026Q3',
        scheme_id: scheme.id,
        kind: 'quarter',
        status: 'draft',
        title: '',
        objection_days: 10,
        version: 1,
        created_by: null,
        created_at: at,
        updated_at: at,
      } as never)
      .execute();

    await migrateToLatest(handle.db, handle.schema);
    const after = acrossOffices(handle.db);
    expect(await after.selectFrom('units').select(['office_id', 'code']).execute()).toEqual([{ office_id: 1, code: 'A01' }]);
    expect(await after.selectFrom('assessment_rounds').select(['office_id', 'period_code']).execute()).toEqual([
      { office_id: 1, period_code: '2026Q3' },
    ]);

    const second = await after
      .insertInto('offices')
      .values({
        code: 'c2',
        name: '乙市',
        short_name: '乙市',
        region_name: '乙市',
        kind: 'city',
        parent_id: null,
        set_up_at: at,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const office2 = scopeToOffice(handle.db, second.id);
    const inserted = await office2
      .insertInto('units')
      .values({ ...unit, code: 'A01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(inserted.id).toBe(2); // the identity continues after the rebuild
    await office2
      .insertInto('periods')
      .values({
        code: '2026Q3',
        kind: 'quarter',
        year: 2026,
        start_date: '2026-07-01',
        end_date: '2026-09-30',
        status: 'open',
        created_at: at,
      })
      .execute();
    // The same code twice within one office is still refused.
    await expect(
      scopeToOffice(handle.db, 1)
        .insertInto('units')
        .values({ ...unit, code: 'A01' })
        .execute(),
    ).rejects.toThrow();
    // A round may only name a period of its own office (composite foreign key).
    await expect(
      after
        .insertInto('assessment_rounds')
        .values({
          office_id: second.id,
          period_code: '2025Q1',
          scheme_id: scheme.id,
          kind: 'quarter',
          status: 'draft',
          title: '',
          objection_days: 10,
          version: 1,
          created_by: null,
          created_at: at,
          updated_at: at,
        })
        .execute(),
    ).rejects.toThrow();
    expect(await scopeToOffice(handle.db, 1).selectFrom('units').select('code').execute()).toHaveLength(1);
  });
});
