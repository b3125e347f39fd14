import type { Generated } from 'kysely';

// Assessment (考评) tables, as stored: JSON is text, instants ISO UTC text, China dates
// 'YYYY-MM-DD' text, decimals integer thousandths (`_milli`). Repositories convert.

/** A year's scheme (考核方案): the spec's scheme.json; frozen once results under it are published. */
export interface SchemeTable {
  id: Generated<number>;
  year: number;
  code: string;
  title: string;
  scheme_json: string;
  /** SHA-256 of scheme_json. */
  content_hash: string;
  /** draft | frozen */
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
  frozen_at: string | null;
}

/** One evaluation pass in a quarter (本季度测评 / 第三方评估 / 单位自评). */
export interface AssessmentRoundTable {
  id: Generated<number>;
  period_code: string;
  scheme_id: number;
  /** office | third_party | self */
  kind: string;
  /** draft | published | locked */
  status: string;
  title: string;
  objection_days: number;
  published_at: string | null;
  /** Last China calendar day on which a unit may object. */
  objection_deadline: string | null;
  locked_at: string | null;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** An assessor's (or, in a self round, a unit's) value for one leaf of one unit. */
export interface AssessmentScoreTable {
  id: Generated<number>;
  round_id: number;
  unit_id: number;
  leaf_code: string;
  /** Per the leaf rule, or `na`. */
  value: string;
  na_reason: string;
  /** Self-assessment: the unit's evidence (links, notes). */
  evidence: string;
  /** import | manual | self */
  source: string;
  entered_by: number | null;
  entered_at: string;
  /** Changes of the cell so far (1 when written first); a draft round's version adds them up (round.repository). */
  revision: Generated<number>;
}

/** One problem found (问题 / 失分原因) on a `deduct` leaf. Other areas refer to `findings.id`. */
export interface FindingTable {
  id: Generated<number>;
  round_id: number;
  unit_id: number;
  leaf_code: string;
  count: number;
  /** Own deduction in thousandths, overriding count × perFinding; null = by the rule. */
  deduction_milli: number | null;
  description: string;
  url: string;
  seen_at: string | null;
  /** Key of the screenshot in assessment_files, null when none. */
  screenshot_path: string | null;
  /** active | withdrawn */
  status: string;
  withdrawn_reason: string | null;
  withdrawn_at: string | null;
  /** import | manual */
  source: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A veto, bonus item or major deduction recorded for a unit in a round. */
export interface AssessmentEventTable {
  id: Generated<number>;
  round_id: number;
  unit_id: number;
  code: string;
  note: string;
  /** import | manual */
  source: string;
  created_by: number | null;
  created_at: string;
}

/** A frozen snapshot of a round's results. Never updated: a restatement is a new row. */
export interface AssessmentPublicationTable {
  id: Generated<number>;
  round_id: number;
  /** 1 = the original publication, 2… = restatements. */
  sequence: number;
  scheme_id: number;
  scheme_version: number;
  scheme_hash: string;
  /** The inputs computed from (units, scores, findings, events, rectifications, previous ranks). */
  snapshot_json: string;
  /** The period's results without score sheets (they are recomputed from the snapshot). */
  results_json: string;
  /** SHA-256 of the canonical JSON of the snapshot and results. */
  content_hash: string;
  reason: string;
  /** Against the previous publication of the round; null for the original. */
  diff_json: string | null;
  previous_id: number | null;
  published_at: string;
  published_by: number | null;
  published_by_name: string;
}

/** A unit's objection to a finding (申诉). */
export interface ObjectionTable {
  id: Generated<number>;
  round_id: number;
  finding_id: number;
  unit_id: number;
  text: string;
  /** pending | upheld | withdrawn */
  status: string;
  filed_by: number | null;
  filed_by_name: string;
  filed_at: string;
  decided_by: number | null;
  decided_by_name: string | null;
  decided_at: string | null;
  reason: string | null;
  /** The restatement the decision caused, if any. */
  publication_id: number | null;
  version: number;
}

/** Uploaded evidence (screenshots of findings), content-addressed by SHA-256. */
export interface AssessmentFileTable {
  path: string;
  mime: string;
  size: number;
  content_base64: string;
  created_at: string;
}

export interface AssessmentTables {
  schemes: SchemeTable;
  assessment_rounds: AssessmentRoundTable;
  assessment_scores: AssessmentScoreTable;
  findings: FindingTable;
  assessment_events: AssessmentEventTable;
  assessment_publications: AssessmentPublicationTable;
  objections: ObjectionTable;
  assessment_files: AssessmentFileTable;
}
