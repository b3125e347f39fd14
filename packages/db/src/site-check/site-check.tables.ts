import type { Generated } from 'kysely';

// 网站检查 tables, as stored: JSON is text, instants ISO UTC text, booleans 0/1.

export interface SiteChannelTable {
  id: Generated<number>;
  unit_id: number;
  kind: string;
  name: string;
  url: string;
  created_at: string;
}

export interface SiteCheckSettingsTable {
  key: string;
  columns_json: string;
  limits_json: string;
  /** Day of the month the scheduled check runs; null = no schedule. */
  schedule_day: number | null;
  updated_at: string;
  version: number;
}

export interface SiteWordTable {
  id: Generated<number>;
  word: string;
  suggestion: string | null;
  created_at: string;
}

export interface SiteCheckRunTable {
  id: Generated<number>;
  scope: string;
  status: string;
  trigger: string;
  judged_on: string;
  created_by: number | null;
  created_by_name: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  cancel_requested: Generated<number>;
  error: string | null;
}

export interface SiteCheckUnitTable {
  id: Generated<number>;
  run_id: number;
  unit_id: number;
  url: string | null;
  status: string;
  pages: Generated<number>;
  started_at: string | null;
  finished_at: string | null;
  result_json: string | null;
  problems: Generated<number>;
  error: string | null;
}

export interface SiteProblemTable {
  id: Generated<number>;
  unit_id: number;
  key: string;
  kind: string;
  veto: number;
  url: string | null;
  detail: string;
  first_run_id: number;
  last_run_id: number;
  last_seen_at: string;
  status: string;
  review_reason: string | null;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
  finding_id: number | null;
  event_id: number | null;
  round_id: number | null;
  resolved_run_id: number | null;
  evidence_sha256: string | null;
  evidence_status: number | null;
  evidence_at: string | null;
  version: number;
}

export interface SiteEvidenceTable {
  sha256: string;
  url: string;
  status: number;
  fetched_at: string;
  html: string;
}

export interface SiteProbeTable {
  id: Generated<number>;
  unit_id: number;
  at: string;
  status: number;
  elapsed_ms: number;
}

export interface SiteCheckTables {
  site_probes: SiteProbeTable;
  site_channels: SiteChannelTable;
  site_check_settings: SiteCheckSettingsTable;
  site_words: SiteWordTable;
  site_check_runs: SiteCheckRunTable;
  site_check_units: SiteCheckUnitTable;
  site_problems: SiteProblemTable;
  site_evidence: SiteEvidenceTable;
}
