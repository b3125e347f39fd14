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

/**
 * Every table. Each area declares its own tables in `<area>/<area>.tables.ts`
 * and adds its interface here (one line per area).
 */
export interface Database
  extends
    FoundationTables,
    AnnualReportTables,
    AssessmentTables,
    RectificationTables,
    BulletinTables,
    AnalysisTables,
    SecurityTables,
    SiteCheckTables,
    OfficeTables,
    JobTables,
    ReadModelTables,
    ReviewJobTables {}
