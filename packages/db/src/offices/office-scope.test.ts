import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Dialect,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../schema';
import { acrossOffices, guardOffices, officeOf, OfficeScopeError, scopeToOffice } from './office-scope';

// The plugins work on the query tree; these tests read the SQL they compile to on both dialects.
const dialects: { name: string; dialect: Dialect }[] = [
  {
    name: 'sqlite',
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  },
  {
    name: 'postgres',
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  },
];

const norm = (s: string) => s.replaceAll('`', '"').replace(/\$\d+/g, '?');

describe.each(dialects)('office scope on $name', ({ dialect }) => {
  const root = guardOffices(new Kysely<Database>({ dialect }));
  const db = scopeToOffice(root, 7);

  it('adds the office to a select of one table, beside its own filter', () => {
    const q = db.selectFrom('units').select(['id', 'code']).where('code', '=', 'A01').compile();
    expect(norm(q.sql)).toBe('select "id", "code" from "units" where ("code" = ?) and "units"."office_id" = ?');
    expect(q.parameters).toEqual(['A01', 7]);
  });

  it('qualifies by alias and scopes each joined table in its ON (a left join stays a left join)', () => {
    const q = db
      .selectFrom('units as u')
      .leftJoin('unit_groups as ug', (j) => j.onRef('ug.unit_id', '=', 'u.id').on('ug.year', '=', 2026))
      .innerJoin('groups as g', 'g.id', 'ug.group_id')
      .select(['u.code', 'g.code as group_code'])
      .compile();
    expect(norm(q.sql)).toBe(
      'select "u"."code", "g"."code" as "group_code" from "units" as "u"' +
        ' left join "unit_groups" as "ug" on ("ug"."unit_id" = "u"."id" and "ug"."year" = ?) and "ug"."office_id" = ?' +
        ' inner join "groups" as "g" on ("g"."id" = "ug"."group_id") and "g"."office_id" = ?' +
        ' where "u"."office_id" = ?',
    );
    expect(q.parameters).toEqual([2026, 7, 7, 7]);
  });

  it('scopes subqueries in WHERE and in selections on their own', () => {
    const q = db
      .selectFrom('assessment_rounds as r')
      .select((eb) => [
        'r.id',
        eb
          .selectFrom('assessment_publications as p')
          .select((e) => e.fn.countAll().as('n'))
          .whereRef('p.round_id', '=', 'r.id')
          .as('n'),
      ])
      .where('r.period_code', 'in', (eb) => eb.selectFrom('periods').select('code').where('status', '=', 'open'))
      .compile();
    expect(norm(q.sql)).toBe(
      'select "r"."id", (select count(*) as "n" from "assessment_publications" as "p" where ("p"."round_id" = "r"."id") and "p"."office_id" = ?) as "n"' +
        ' from "assessment_rounds" as "r"' +
        ' where ("r"."period_code" in (select "code" from "periods" where ("status" = ?) and "periods"."office_id" = ?)) and "r"."office_id" = ?',
    );
    expect(q.parameters).toEqual([7, 'open', 7, 7]);
  });

  it("keeps an OR of the query's own filter inside parentheses, so it cannot reach other offices", () => {
    const q = db
      .selectFrom('units')
      .select('id')
      .where(sql<boolean>`code = ${'A01'} or code = ${'A02'}`)
      .compile();
    expect(norm(q.sql)).toBe('select "id" from "units" where (code = ? or code = ?) and "units"."office_id" = ?');
  });

  it('leaves global tables alone (sessions, offices)', () => {
    const q = db.selectFrom('sessions').innerJoin('offices', 'offices.id', 'sessions.user_id').select('sessions.id').compile();
    expect(norm(q.sql)).toBe('select "sessions"."id" from "sessions" inner join "offices" on "offices"."id" = "sessions"."user_id"');
  });

  it('limits updates and deletes to the office', () => {
    const u = db.updateTable('units').set({ name: 'x' }).where('id', '=', 3).compile();
    expect(norm(u.sql)).toBe('update "units" set "name" = ? where ("id" = ?) and "units"."office_id" = ?');
    expect(u.parameters).toEqual(['x', 3, 7]);
    const d = db.deleteFrom('notifications').where('user_id', '=', 2).compile();
    expect(norm(d.sql)).toBe('delete from "notifications" where ("user_id" = ?) and "notifications"."office_id" = ?');
  });

  it('scopes the subquery of an update', () => {
    const u = db
      .updateTable('findings')
      .set({ status: 'withdrawn' })
      .where('round_id', 'in', (eb) => eb.selectFrom('assessment_rounds').select('id').where('status', '=', 'draft'))
      .compile();
    expect(norm(u.sql)).toBe(
      'update "findings" set "status" = ? where ("round_id" in (select "id" from "assessment_rounds" where ("status" = ?) and "assessment_rounds"."office_id" = ?)) and "findings"."office_id" = ?',
    );
  });

  it('sets office_id on every inserted row and leads ON CONFLICT with it', () => {
    const q = db
      .insertInto('bulletin_drafts')
      .values([
        {
          period_code: '2026Q1',
          paragraphs_json: '{}',
          document_number: '',
          version: 1,
          updated_by: null,
          updated_by_name: 'a',
          created_at: 't',
          updated_at: 't',
        },
        {
          period_code: '2026Q2',
          paragraphs_json: '{}',
          document_number: '',
          version: 1,
          updated_by: null,
          updated_by_name: 'a',
          created_at: 't',
          updated_at: 't',
        },
      ])
      .onConflict((oc) => oc.column('period_code').doNothing())
      .compile();
    expect(norm(q.sql)).toMatch(
      /^insert into "bulletin_drafts" \(.*"updated_at", "office_id"\) values \(.*\?, \?\), \(.*\?, \?\) on conflict \("office_id", "period_code"\) do nothing$/,
    );
    expect(q.parameters.filter((p) => p === 7)).toHaveLength(2);
    expect(q.parameters.at(-1)).toBe(7);
  });

  it('refuses an insert that names office_id and an update that moves rows', () => {
    expect(() =>
      db
        .insertInto('calendar_overrides')
        .values({ date: '2026-10-08', kind: 'workday', name: '', updated_at: 't', office_id: 2 })
        .compile(),
    ).toThrow(OfficeScopeError);
    expect(() => db.updateTable('units').set({ office_id: 2 }).compile()).toThrow(OfficeScopeError);
  });

  it('refuses ON CONFLICT on a named constraint (its columns cannot be led by office_id)', () => {
    expect(() =>
      db
        .insertInto('login_throttle')
        .values({ key: 'k', attempts: 1, last_attempt_at: 't', next_allowed_at: 't' })
        .onConflict((oc) => oc.constraint('login_throttle_pkey').doNothing())
        .compile(),
    ).not.toThrow(); // a global table: untouched
    expect(() =>
      db
        .insertInto('groups')
        .values({ year: 2026, code: 'g', name: 'g', sort_order: 1 })
        .onConflict((oc) => oc.constraint('groups_year_code_uq').doNothing())
        .compile(),
    ).toThrow(OfficeScopeError);
  });

  it('the root handle refuses office tables, in joins and subqueries too, and lets global tables through', () => {
    expect(() => root.selectFrom('units').selectAll().compile()).toThrow(/units/);
    expect(() =>
      root
        .selectFrom('sessions')
        .select('id')
        .where('user_id', 'in', (eb) => eb.selectFrom('users').select('users.id'))
        .compile(),
    ).toThrow(/users/);
    expect(() => root.deleteFrom('audit_log').compile()).toThrow(OfficeScopeError);
    expect(() =>
      root.insertInto('security_events').values({ at: 't', kind: 'k', username: 'u', client_ip: '', detail: '' }).compile(),
    ).toThrow(OfficeScopeError);
    expect(root.selectFrom('offices').select('id').compile().sql).toContain('offices');
    expect(root.selectFrom('sessions').select('id').compile().sql).toContain('sessions');
  });

  it('the root handle refuses raw statements naming an office table, not catalog reads', () => {
    expect(() => sql`select * from units`.compile(root)).toThrow(OfficeScopeError);
    expect(() => sql`delete from "audit_log"`.compile(db)).toThrow(OfficeScopeError);
    expect(sql`select name from sqlite_master`.compile(root).sql).toContain('sqlite_master');
  });

  it('acrossOffices reads every office, by decision', () => {
    const q = acrossOffices(root).selectFrom('units').select(['office_id', 'code']).compile();
    expect(norm(q.sql)).toBe('select "office_id", "code" from "units"');
  });

  it('a scoped transaction stays scoped and a re-scope replaces the office', () => {
    const other = scopeToOffice(db, 9);
    const q = other.selectFrom('units').select('id').compile();
    expect(q.parameters).toEqual([9]);
    expect(() => scopeToOffice(root, 0)).toThrow(OfficeScopeError);
  });

  it('tells the office of a handle (caches of office data key by it)', () => {
    expect(officeOf(db)).toBe(7);
    expect(officeOf(scopeToOffice(db, 9))).toBe(9);
    expect(officeOf(root)).toBeNull();
    expect(officeOf(acrossOffices(db))).toBeNull();
    // The same handle object for the same office (per-handle caches stay per office), another for another office.
    expect(scopeToOffice(root, 7)).toBe(db);
    expect(scopeToOffice(root, 8)).not.toBe(db);
  });
});
