// What the engine returns. Numbers are decimals converted from exact integers at this
// boundary: `final` has at most 2 places; the other amounts are exact (≤ 6 places).
// `sheet` is the per-unit score sheet (指标 / 分值 / 得分 / 失分原因): one row per node
// of the indicator tree, so every lost point can be explained.

export type LeafStatus = 'applicable' | 'na' | 'missing';

/** Why points were lost on a leaf. `points` is the amount before any clamping. */
export type PointLoss =
  | { kind: 'finding'; findingIndex: number; count: number; description: string; url: string; points: number }
  | { kind: 'checklist-item'; item: string; name: string; points: number }
  | { kind: 'graded-level'; label: string; points: number }
  | { kind: 'rate-below-target'; value: number; target: number; points: number }
  | { kind: 'manual'; points: number }
  | { kind: 'binary'; points: number }
  | { kind: 'rectification-late'; item: string; due: string; closed: string | null; points: number }
  | { kind: 'rectification-rejected'; item: string; rejected: number; points: number }
  | { kind: 'missing-input'; points: number }
  | { kind: 'not-applicable-rate'; rate: number; points: number };

export interface SheetRow {
  code: string;
  name: string;
  level: number;
  isLeaf: boolean;
  /** The scheme's points for the node. */
  points: number;
  /** Points that count toward the unit's applicableMax (0 for an excluded leaf). */
  applicablePoints: number;
  /** Earned, after clamping (a pooled leaf may be negative; its level-1 node is clamped). */
  earned: number;
  /** Leaves only: applicable, na (not applicable, by scheme or assessor) or missing. */
  status: LeafStatus | null;
  /** Leaves only: how a not-applicable leaf was handled. */
  naHandling: 'exclude' | 'rate' | null;
  ruleKind: string | null;
  /** The assessor's raw input (scores `value`), null when none. */
  input: string | null;
  losses: readonly PointLoss[];
}

export interface UnitEvent {
  code: string;
  name: string;
  note: string;
  eventIndex: number;
}

export interface UnitPeriodResult {
  unit: string;
  name: string;
  group: string;
  period: string;
  /** Whether the unit has any score, finding or event in this period. */
  assessed: boolean;
  /** Null when the unit has a result; otherwise why it is unscored. */
  unscoredReason: string | null;
  base: number;
  applicableMax: number;
  major: number;
  /** max(0, base − major) / applicableMax × 100, rounded half up to 2 places (display). */
  normalized: number | null;
  bonus: number;
  /** Codes of triggered vetoes, scheme order. */
  vetoes: string[];
  isVetoFail: boolean;
  final: number | null;
  rank: number | null;
  rankDelta: number | null;
  grade: string | null;
  /** The grade was lowered by the quota (the band alone would give the quota grade). */
  isQuotaDemoted: boolean;
  complete: boolean;
  missing: string[];
  events: { vetoes: UnitEvent[]; bonus: UnitEvent[]; major: UnitEvent[] };
  /** The score sheet, in tree order; null when computed with `breakdown: false`. */
  sheet: SheetRow[] | null;
}

export interface GroupResults<Row> {
  code: string;
  name: string;
  /** Ranked rows by rank (ties by unit code), then the unranked ones. */
  rows: Row[];
}

export interface PeriodResults {
  scheme: string;
  period: string;
  groups: GroupResults<UnitPeriodResult>[];
}

export interface AnnualUnitResult {
  unit: string;
  name: string;
  group: string;
  year: number;
  unscoredReason: string | null;
  /** Each listed quarter with its weight and its rounded final (null when missing). */
  periods: { period: string; weight: number; final: number | null }[];
  /** Σ weight × quarter final, exact (before rounding); 0 when unscored. */
  weightedSum: number;
  vetoes: string[];
  isVetoFail: boolean;
  final: number | null;
  rank: number | null;
  rankDelta: number | null;
  grade: string | null;
  isQuotaDemoted: boolean;
  complete: boolean;
  /** `2025Q1:1.3` for each quarter's missing leaf; `2025Q1` for a quarter with no result. */
  missing: string[];
}

export interface AnnualResults {
  scheme: string;
  period: string;
  groups: GroupResults<AnnualUnitResult>[];
}
