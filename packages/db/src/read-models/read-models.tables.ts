// The publication read models (migration 2026-12-08-0901-published-read-models): one row per
// unit and per group of a publication, written with the publication and never changed. office_id is
// added to both by schema.ts (OfficeKeyed), as for every office table.
export interface PublishedUnitResultTable {
  publication_id: number;
  round_id: number;
  period: string;
  group_code: string;
  /** Position of the group in the publication's results. */
  group_order: number;
  /** Position of the unit in its group's rows (ranked by rank, then the unranked). */
  row_order: number;
  unit_code: string;
  unit_id: number | null;
  unit_name: string;
  /** Thousandths; null when unscored. */
  final: number | null;
  rank: number | null;
  rank_delta: number | null;
  previous_rank: number | null;
  grade: string | null;
  is_quota_demoted: number;
  is_veto_fail: number;
  /** As scoring/pass-line's isFailing under the publication's scheme. */
  is_failing: number;
  unscored_reason: string | null;
  /** { codes: string[]; events: { code, name, note }[] } */
  vetoes_json: string;
  /** Level-1 lines of the score sheet: { code, earned, applicablePoints }[] (points as numbers). */
  level1_json: string;
}

export interface PublishedGroupStatsTable {
  publication_id: number;
  round_id: number;
  period: string;
  group_code: string;
  group_name: string;
  group_order: number;
  /** domain/dashboard groupStatsOf under the publication's pass rule. */
  stats_json: string;
}

/**
 * One row per office: bumped by triggers (migration 2026-12-09-0100-office-data-versions) in every
 * transaction that changes rows the dashboard answers read; the key of cached answers and ETags.
 */
export interface OfficeDataVersionTable {
  version: number | string;
}

export interface ReadModelTables {
  published_unit_results: PublishedUnitResultTable;
  published_group_stats: PublishedGroupStatsTable;
  office_data_versions: OfficeDataVersionTable;
}
