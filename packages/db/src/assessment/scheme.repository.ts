import type { SchemeStatus } from '@kaoping/contracts/assessment/assessment';
import type { Scheme } from '@kaoping/contracts/scoring/scheme';
import type { Db } from '../connect';
import type { SchemeTable } from './assessment.tables';

export interface SchemeRecord {
  id: number;
  year: number;
  code: string;
  title: string;
  scheme: Scheme;
  /** The stored JSON text, as imported (what export gives back). */
  json: string;
  contentHash: string;
  status: SchemeStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  frozenAt: string | null;
}

export type SchemeSummary = Omit<SchemeRecord, 'scheme' | 'json'>;

type Row = Omit<SchemeTable, 'id'> & { id: number };

function toSummary(row: Omit<Row, 'scheme_json'>): SchemeSummary {
  return {
    id: Number(row.id),
    year: row.year,
    code: row.code,
    title: row.title,
    contentHash: row.content_hash,
    status: row.status as SchemeStatus,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    frozenAt: row.frozen_at,
  };
}

function toRecord(row: Row): SchemeRecord {
  return { ...toSummary(row), json: row.scheme_json, scheme: JSON.parse(row.scheme_json) as Scheme };
}

export interface NewScheme {
  year: number;
  code: string;
  title: string;
  json: string;
  contentHash: string;
}

export async function insertScheme(db: Db, scheme: NewScheme, now: string): Promise<SchemeRecord> {
  const row = await db
    .insertInto('schemes')
    .values({
      year: scheme.year,
      code: scheme.code,
      title: scheme.title,
      scheme_json: scheme.json,
      content_hash: scheme.contentHash,
      status: 'draft',
      version: 1,
      created_at: now,
      updated_at: now,
      frozen_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

export async function findSchemeById(db: Db, id: number): Promise<SchemeRecord | null> {
  const row = await db.selectFrom('schemes').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function findSchemeByYear(db: Db, year: number): Promise<SchemeRecord | null> {
  const row = await db.selectFrom('schemes').selectAll().where('year', '=', year).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function listSchemes(db: Db): Promise<SchemeSummary[]> {
  const rows = await db
    .selectFrom('schemes')
    .select(['id', 'year', 'code', 'title', 'content_hash', 'status', 'version', 'created_at', 'updated_at', 'frozen_at'])
    .orderBy('year', 'desc')
    .execute();
  return rows.map(toSummary);
}

/** Replaces a draft scheme's JSON when `version` still matches; null on a concurrent change or a frozen scheme. */
export async function replaceDraftScheme(
  db: Db,
  id: number,
  version: number,
  scheme: Omit<NewScheme, 'year'>,
  now: string,
): Promise<SchemeRecord | null> {
  const row = await db
    .updateTable('schemes')
    .set({
      code: scheme.code,
      title: scheme.title,
      scheme_json: scheme.json,
      content_hash: scheme.contentHash,
      version: version + 1,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Freezes a scheme (idempotent): used by published results, it never changes again. */
export async function freezeScheme(db: Db, id: number, now: string): Promise<void> {
  await db
    .updateTable('schemes')
    .set({ status: 'frozen', frozen_at: now, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute();
}
