import type { Generated } from 'kysely';

/** A period's bulletin wording as the office last saved it (one row per period). */
export interface BulletinDraftTable {
  id: Generated<number>;
  period_code: string;
  /** The editable paragraphs, JSON text (shape owned by the api's bulletin service). */
  paragraphs_json: string;
  /** 文号, e.g. 江政公办〔2026〕12号; '' when not yet assigned. */
  document_number: string;
  version: number;
  updated_by: number | null;
  updated_by_name: string;
  created_at: string;
  updated_at: string;
}

export interface BulletinTables {
  bulletin_drafts: BulletinDraftTable;
}
