import type { Generated } from 'kysely';

// The offices table (see migration 2026-12-07-0901-offices).
export interface OfficeTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string;
  region_name: string;
  /** 'city' | 'province' */
  kind: Generated<string>;
  parent_id: number | null;
  /** ISO instant when an admin confirmed the office's details; null until then. */
  set_up_at: string | null;
  created_at: string;
  version: Generated<number>;
}

export interface OfficeTables {
  offices: OfficeTable;
}
