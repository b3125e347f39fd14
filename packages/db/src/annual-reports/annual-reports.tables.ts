import type { Generated } from 'kysely';

// One row per version of a unit's annual report for a year (a correction after acceptance adds a
// row); cells, per-cell sources, import notes and explanations are JSON text; dates China 'YYYY-MM-DD'.
export interface AnnualReportTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  version_no: number;
  format: number;
  status: string;
  cells: string;
  sources: string;
  import_meta: string | null;
  section_one: string;
  section_five: string;
  section_six: string;
  published_at: string | null;
  explanations: string;
  correction_reason: string | null;
  first_submitted_at: string | null;
  submitted_at: string | null;
  submitted_by: number | null;
  submitted_by_name: string | null;
  decided_at: string | null;
  decided_by: number | null;
  decided_by_name: string | null;
  decision_reason: string | null;
  version: number;
  created_at: string;
  created_by_name: string;
  updated_at: string;
}

export interface AnnualReportEventTable {
  id: Generated<number>;
  report_id: number;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  note: string | null;
}

export interface AnnualReportTables {
  annual_reports: AnnualReportTable;
  annual_report_events: AnnualReportEventTable;
}
