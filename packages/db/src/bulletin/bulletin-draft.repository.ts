import type { Db } from '../connect';
import type { BulletinDraftTable } from './bulletin.tables';

/** The office's saved wording of one period's bulletin. `paragraphs` is parsed JSON, checked by the service. */
export interface BulletinDraft {
  id: number;
  periodCode: string;
  paragraphs: unknown;
  documentNumber: string;
  version: number;
  updatedBy: number | null;
  updatedByName: string;
  createdAt: string;
  updatedAt: string;
}

type Row = Omit<BulletinDraftTable, 'id'> & { id: number };

function toDraft(row: Row): BulletinDraft {
  return {
    id: Number(row.id),
    periodCode: row.period_code,
    paragraphs: JSON.parse(row.paragraphs_json) as unknown,
    documentNumber: row.document_number,
    version: row.version,
    updatedBy: row.updated_by,
    updatedByName: row.updated_by_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findBulletinDraft(db: Db, periodCode: string): Promise<BulletinDraft | null> {
  const row = await db.selectFrom('bulletin_drafts').selectAll().where('period_code', '=', periodCode).executeTakeFirst();
  return row ? toDraft(row) : null;
}

export interface BulletinDraftWrite {
  periodCode: string;
  paragraphs: unknown;
  documentNumber: string;
  updatedBy: number | null;
  updatedByName: string;
}

/** The first save of a period's wording (version 1); null when another save created it meanwhile. */
export async function insertBulletinDraft(db: Db, draft: BulletinDraftWrite, now: string): Promise<BulletinDraft | null> {
  const row = await db
    .insertInto('bulletin_drafts')
    .values({
      period_code: draft.periodCode,
      paragraphs_json: JSON.stringify(draft.paragraphs),
      document_number: draft.documentNumber,
      version: 1,
      updated_by: draft.updatedBy,
      updated_by_name: draft.updatedByName,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('period_code').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? toDraft(row) : null;
}

/** Saves over `version`; null when the stored version moved on (someone else saved). */
export async function updateBulletinDraft(db: Db, draft: BulletinDraftWrite, version: number, now: string): Promise<BulletinDraft | null> {
  const row = await db
    .updateTable('bulletin_drafts')
    .set({
      paragraphs_json: JSON.stringify(draft.paragraphs),
      document_number: draft.documentNumber,
      version: version + 1,
      updated_by: draft.updatedBy,
      updated_by_name: draft.updatedByName,
      updated_at: now,
    })
    .where('period_code', '=', draft.periodCode)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return row ? toDraft(row) : null;
}

/** The most recently saved draft of any period (its header carries over to a new period). */
export async function findLatestBulletinDraft(db: Db): Promise<BulletinDraft | null> {
  const row = await db
    .selectFrom('bulletin_drafts')
    .selectAll()
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toDraft(row) : null;
}
