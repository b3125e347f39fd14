import { sql, type Kysely } from 'kysely';
import { isPostgres } from './column-helpers';

// Frozen history: never edit after release; add a new migration instead.
// One deployment for many offices (issue #14 part 3): every table holding an office's data gets
// `office_id integer not null default 1 references offices(id)` (today's data is office 1's), and its
// unique keys, natural primary keys and indexes lead with office_id, so two offices may share unit
// codes, group codes, period codes and scheme years, and the schema can be distributed by office_id.
// Foreign keys to a natural key (assessment_rounds.period_code → periods.code) become composite
// (office_id, period_code) → periods(office_id, code): a round can only name its own office's period.
//
// Generic over the tables present (introspected), so every table created by an earlier migration is
// covered. Tables left global, with the reason:
const GLOBAL_TABLES = new Set([
  'offices', // the tenants themselves
  'sessions', // a token is resolved before the office is known; its user row carries the office
  'login_throttle', // counted per username/address before the account (and office) is known
  'job_leases', // one lease per periodic job of the deployment; the job runs office by office
  'kysely_migration',
  'kysely_migration_lock',
]);
// Unique keys that stay deployment-wide on purpose: a sign-in name picks the account (and so the
// office) before anything else is known, so it must be unique across offices.
const GLOBAL_UNIQUE_COLUMNS = new Set(['users.username']);
// calendar_overrides (调休 and local holidays) are per office: a city admin's correction must not move
// another city's deadlines; each office keeps its own (seeded from the national calendar in code).

const OFFICE = 'office_id';

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await upPostgres(db);
  else await upSqlite(db);
}

export async function down(): Promise<void> {
  throw new Error('the office key cannot be removed once offices may share codes; restore a backup instead');
}

// ---------------------------------------------------------------- PostgreSQL

type PgConstraint = {
  name: string;
  table: string;
  type: 'p' | 'u' | 'f';
  columns: string[];
  ref_table: string | null;
  ref_columns: string[] | null;
  def: string;
};

async function upPostgres(db: Kysely<any>): Promise<void> {
  const tables = (
    await sql<{ table_name: string }>`select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)
  ).rows
    .map((r) => r.table_name)
    .filter((t) => !GLOBAL_TABLES.has(t));
  const officeTables = new Set(tables);

  for (const table of tables) {
    const has = await sql<{ n: number }>`select count(*)::int as n from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} and column_name = ${OFFICE}`.execute(db);
    if ((has.rows[0]?.n ?? 0) === 0)
      await sql`alter table ${sql.table(table)} add column office_id integer not null default 1 references offices(id)`.execute(db);
  }

  const constraints = (
    await sql<PgConstraint>`select c.conname as name, t.relname as "table", c.contype as type,
        array(select a.attname::text from unnest(c.conkey) with ordinality k(n, o) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.o) as columns,
        rt.relname as ref_table,
        case when c.contype = 'f' then array(select a.attname::text from unnest(c.confkey) with ordinality k(n, o) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.o) end as ref_columns,
        pg_get_constraintdef(c.oid) as def
      from pg_constraint c
      join pg_class t on t.oid = c.conrelid
      join pg_namespace ns on ns.oid = t.relnamespace and ns.nspname = current_schema()
      left join pg_class rt on rt.oid = c.confrelid
      where c.contype in ('p', 'u', 'f')`.execute(db)
  ).rows;

  // Foreign keys onto a natural key of an office table must follow that key: dropped now, re-added composite.
  const naturalForeignKeys = constraints.filter(
    (c) =>
      c.type === 'f' &&
      c.ref_table !== null &&
      officeTables.has(c.ref_table) &&
      !(c.ref_columns?.length === 1 && c.ref_columns[0] === 'id'),
  );
  for (const fk of naturalForeignKeys) await sql`alter table ${sql.table(fk.table)} drop constraint ${sql.id(fk.name)}`.execute(db);

  for (const c of constraints) {
    if (c.type === 'f' || !officeTables.has(c.table)) continue;
    if (c.columns[0] === OFFICE) continue;
    if (c.type === 'p' && c.columns.length === 1 && c.columns[0] === 'id') continue; // identity: unique deployment-wide
    if (c.columns.length === 1 && GLOBAL_UNIQUE_COLUMNS.has(`${c.table}.${c.columns[0] ?? ''}`)) continue;
    const columns = sql.join([sql.id(OFFICE), ...c.columns.map((col) => sql.id(col))]);
    await sql`alter table ${sql.table(c.table)} drop constraint ${sql.id(c.name)}`.execute(db);
    if (c.type === 'p') await sql`alter table ${sql.table(c.table)} add constraint ${sql.id(c.name)} primary key (${columns})`.execute(db);
    else await sql`alter table ${sql.table(c.table)} add constraint ${sql.id(c.name)} unique (${columns})`.execute(db);
  }

  for (const fk of naturalForeignKeys) {
    if (!officeTables.has(fk.table) || fk.ref_table === null || fk.ref_columns === null) continue;
    const onDelete = /on delete (cascade|set null|restrict)/i.exec(fk.def)?.[0] ?? '';
    await sql`alter table ${sql.table(fk.table)} add constraint ${sql.id(fk.name)} foreign key (${sql.join([
      sql.id(OFFICE),
      ...fk.columns.map((x) => sql.id(x)),
    ])}) references ${sql.table(fk.ref_table)} (${sql.join([sql.id(OFFICE), ...fk.ref_columns.map((x) => sql.id(x))])}) ${sql.raw(onDelete)}`.execute(
      db,
    );
  }

  // Plain indexes (not backing a constraint) lead with office_id too.
  const indexes = (
    await sql<{ name: string; table: string; def: string }>`select i.indexname as name, i.tablename as "table", i.indexdef as def
      from pg_indexes i
      where i.schemaname = current_schema()
        and not exists (select 1 from pg_constraint c join pg_class ic on ic.oid = c.conindid
          join pg_namespace n on n.oid = ic.relnamespace and n.nspname = current_schema() where ic.relname = i.indexname)`.execute(db)
  ).rows;
  for (const index of indexes) {
    if (!officeTables.has(index.table)) continue;
    const match = /^(.* USING \w+ \()(.*)\)(.*)$/.exec(index.def);
    if (!match) throw new Error(`office key: cannot read index ${index.name}: ${index.def}`);
    const [, head, cols, tail] = match as unknown as [string, string, string, string];
    if (cols.split(',')[0]?.trim() === OFFICE) continue;
    await sql`drop index ${sql.id(index.name)}`.execute(db);
    await sql.raw(`${head}${OFFICE}, ${cols})${tail}`).execute(db);
  }
}

// ---------------------------------------------------------------- SQLite

/** Splits a parenthesised list at top-level commas (quotes and nested parentheses respected). */
export function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(body.slice(start).trim());
  return parts.filter((p) => p !== '');
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The CREATE TABLE statement of a table rebuilt with the office key: the column added, inline UNIQUE and
 * natural PRIMARY KEY moved to table constraints leading with office_id, table-level UNIQUE/PRIMARY KEY
 * lists led by office_id, and references to another office table's natural key made composite.
 * Reads the statements Kysely generated (and SQLite stored): quoted identifiers, lower-case keywords.
 */
export function officeKeyedCreateTable(
  table: string,
  createSql: string,
  officeTables: ReadonlySet<string>,
  newName: string,
): { sql: string; columns: string[] } {
  const open = createSql.indexOf('(');
  const close = createSql.lastIndexOf(')');
  if (open < 0 || close < open) throw new Error(`office key: cannot read ${table}: ${createSql}`);
  const items = splitTopLevel(createSql.slice(open + 1, close));
  const columnDefs: string[] = [];
  const constraints: string[] = [];
  const columns: string[] = [];
  for (const item of items) {
    const tableConstraint = /^(constraint\s+"[^"]+"\s+)?(unique|primary key)\s*\((.*)\)$/is.exec(item);
    if (tableConstraint) {
      const [, named = '', kind = '', list = ''] = tableConstraint;
      const cols = splitTopLevel(list);
      constraints.push(cols[0] === q(OFFICE) ? item : `${named}${kind} (${[q(OFFICE), ...cols].join(', ')})`);
      continue;
    }
    if (/^(constraint\s+"[^"]+"\s+)?(foreign key|check)\b/is.test(item)) {
      if (/^(constraint\s+"[^"]+"\s+)?foreign key/is.test(item)) {
        const fk = /foreign key\s*\((.*?)\)\s*references\s+"([^"]+)"\s*\((.*?)\)(.*)$/is.exec(item);
        if (fk && officeTables.has(fk[2] ?? '') && (fk[3] ?? '').trim() !== '"id"' && !(fk[1] ?? '').includes(q(OFFICE))) {
          constraints.push(
            `foreign key (${q(OFFICE)}, ${fk[1] ?? ''}) references "${fk[2] ?? ''}" (${q(OFFICE)}, ${fk[3] ?? ''})${fk[4] ?? ''}`,
          );
          continue;
        }
      }
      constraints.push(item);
      continue;
    }
    const nameMatch = /^"((?:[^"]|"")+)"/.exec(item);
    if (!nameMatch) throw new Error(`office key: cannot read column of ${table}: ${item}`);
    const column = (nameMatch[1] ?? '').replaceAll('""', '"');
    columns.push(column);
    let def = item;
    if (/\bprimary key\b/i.test(def) && !/\bautoincrement\b/i.test(def) && column !== 'id') {
      def = def.replace(/\s+primary key\b/i, '');
      if (!/\bnot null\b/i.test(def)) def = `${def} not null`;
      constraints.push(`primary key (${q(OFFICE)}, ${q(column)})`);
    }
    if (/\sunique\b/i.test(def.replace(/'[^']*'/g, '')) && !GLOBAL_UNIQUE_COLUMNS.has(`${table}.${column}`)) {
      def = def.replace(/\s+unique\b/i, '');
      constraints.push(`unique (${q(OFFICE)}, ${q(column)})`);
    }
    const ref =
      /\s+references\s+"([^"]+)"\s*\("([^"]+)"\)((?:\s+on\s+(?:delete|update)\s+(?:cascade|set null|set default|restrict|no action))*)/i.exec(
        def,
      );
    if (ref && officeTables.has(ref[1] ?? '') && ref[2] !== 'id') {
      def = def.replace(ref[0], '');
      constraints.push(
        `foreign key (${q(OFFICE)}, ${q(column)}) references "${ref[1] ?? ''}" (${q(OFFICE)}, "${ref[2] ?? ''}")${ref[3] ?? ''}`,
      );
    }
    columnDefs.push(def);
  }
  if (!columns.includes(OFFICE)) columnDefs.push(`${q(OFFICE)} integer default 1 not null references "offices" ("id")`);
  return { sql: `CREATE TABLE ${q(newName)} (${[...columnDefs, ...constraints].join(', ')})`, columns };
}

/** An index statement led by office_id (unchanged when it already is). */
export function officeKeyedCreateIndex(createSql: string): string {
  const match = /^(.*\bon\s+"[^"]+"\s*\()(.*)\)(.*)$/is.exec(createSql);
  if (!match) throw new Error(`office key: cannot read index: ${createSql}`);
  const [, head = '', cols = '', tail = ''] = match;
  if (splitTopLevel(cols)[0] === q(OFFICE)) return createSql;
  return `${head}${q(OFFICE)}, ${cols})${tail}`;
}

async function upSqlite(db: Kysely<any>): Promise<void> {
  const objects = (
    await sql<{ type: string; name: string; tbl_name: string; sql: string | null }>`select type, name, tbl_name, sql from sqlite_master
      where name not like 'sqlite_%' order by name`.execute(db)
  ).rows;
  const tables = objects.filter((o) => o.type === 'table' && !GLOBAL_TABLES.has(o.name));
  const officeTables = new Set(tables.map((t) => t.name));
  if (objects.some((o) => o.type === 'trigger' || o.type === 'view'))
    throw new Error('office key: triggers and views are not rebuilt by this migration; extend it first');

  // The documented way to change constraints in SQLite (https://sqlite.org/lang_altertable.html#otheralter):
  // foreign keys off, in one transaction create the new table, copy, drop the old, rename, recreate the
  // indexes, check the foreign keys, commit. The pragma has no effect inside a transaction, so it is set
  // before (Kysely runs SQLite migrations outside a transaction, on the one connection).
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      for (const table of tables) {
        const temp = `${table.name}__office_key`;
        const rebuilt = officeKeyedCreateTable(table.name, table.sql ?? '', officeTables, temp);
        await sql.raw(rebuilt.sql).execute(trx);
        const list = rebuilt.columns.map(q).join(', ');
        await sql.raw(`INSERT INTO ${q(temp)} (${list}) SELECT ${list} FROM ${q(table.name)}`).execute(trx);
        await sql.raw(`DROP TABLE ${q(table.name)}`).execute(trx);
        await sql.raw(`ALTER TABLE ${q(temp)} RENAME TO ${q(table.name)}`).execute(trx);
        for (const index of objects.filter((o) => o.type === 'index' && o.tbl_name === table.name && o.sql !== null))
          await sql.raw(officeKeyedCreateIndex(index.sql ?? '')).execute(trx);
      }
      const broken = await sql<{ table: string }>`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0)
        throw new Error(`office key: foreign keys broken after the rebuild: ${JSON.stringify(broken.rows.slice(0, 5))}`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
