import type { Generated } from 'kysely';
import type { AnalysisTables } from './analysis/analysis.tables';
import type { AnnualReportTables } from './annual-reports/annual-reports.tables';
import type { AssessmentTables } from './assessment/assessment.tables';
import type { BulletinTables } from './bulletin/bulletin.tables';
import type { RectificationTables } from './rectification/rectification.tables';
import type { SecurityTables } from './security/security.tables';
import type { SiteCheckTables } from './site-check/site-check.tables';
import type { OfficeTables } from './offices/offices.tables';
import type { JobTables } from './jobs/jobs.tables';
import type { ReadModelTables } from './read-models/read-models.tables';
import type { ReviewJobTables } from './annual-reports/review-jobs.tables';

// Table shapes as stored. Booleans are 0/1 integers and JSON is text on both dialects,
// instants are ISO-8601 UTC strings and China calendar dates are 'YYYY-MM-DD' strings:
// repositories convert to domain types at their boundary.

export interface UnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: string;
  parent_id: number | null;
  tags: string;
  valid_from: string;
  valid_to: string | null;
  successor_id: number | null;
  note: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface GroupTable {
  id: Generated<number>;
  year: number;
  code: string;
  name: string;
  sort_order: number;
}

export interface UnitGroupTable {
  unit_id: number;
  year: number;
  group_id: number;
}

export interface PeriodTable {
  code: string;
  kind: string;
  year: number;
  start_date: string;
  end_date: string;
  status: string;
  created_at: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  unit_id: number | null;
  is_active: number;
  created_at: string;
  must_change_password: Generated<number>;
  phone: string | null;
  last_sign_in_at: string | null;
  updated_at: string | null;
}

export interface SessionTable {
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  client_ip: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string;
  unit_id: number | null;
  before_json: string | null;
  after_json: string | null;
}

export interface FoundationTables {
  units: UnitTable;
  groups: GroupTable;
  unit_groups: UnitGroupTable;
  periods: PeriodTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
}

/** Every table declared by an area (each `<area>/<area>.tables.ts` adds one line here). */
interface AreaTables
  extends
    FoundationTables,
    AnnualReportTables,
    AssessmentTables,
    RectificationTables,
    BulletinTables,
    AnalysisTables,
    SecurityTables,
    SiteCheckTables,
    JobTables,
    ReadModelTables,
    ReviewJobTables {}

/** Tables shared by the deployment (offices/office-scope.ts GLOBAL_TABLES says why each is global). */
type GlobalTableName = 'sessions' | 'login_throttle' | 'job_leases';

/**
 * Every other table holds one office's data and carries `office_id` (migration 2026-12-08-2300-office-key).
 * Repositories never name it: an office-scoped handle (`scopeToOffice`) filters and sets it; only
 * `acrossOffices` code (seeding several offices, a province's reads) reads or writes it.
 */
type OfficeKeyed<T> = { [K in keyof T]: T[K] & { office_id: Generated<number> } };

/** Every table. */
export interface Database extends OfficeKeyed<Omit<AreaTables, GlobalTableName>>, Pick<AreaTables, GlobalTableName>, OfficeTables {}
