// What the engine consumes: the units and the assessors' inputs (spec §4 rows). The
// interchange rows of `@kaoping/contracts/scoring/interchange-rows` fit these shapes;
// the API builds them from the database.

export interface ScoringUnit {
  code: string;
  name: string;
  group: string;
  tags: readonly string[];
}

export interface ScoreInput {
  unit: string;
  period: string;
  indicator: string;
  /** Per the leaf rule (a number, 1/0, `a;b`, a level label), or `na`; '' = no input. */
  value: string;
}

export interface FindingInput {
  unit: string;
  period: string;
  indicator: string;
  /** Number of occurrences (a non-negative integer). */
  count: number;
  /** Own deduction, overriding count × perFinding (≤ 3 decimals); null when not stated. */
  deduction: number | null;
  description?: string;
  url?: string;
}

export interface EventInput {
  unit: string;
  period: string;
  /** A veto, bonus item or major deduction code. */
  code: string;
  note?: string;
}

export interface RectificationInput {
  unit: string;
  period: string;
  item: string;
  /** China calendar date YYYY-MM-DD */
  due: string;
  /** Date it was closed (verified), null while open. */
  closed: string | null;
  /** Failed re-checks. */
  rejected: number;
}

export interface ScoringInputs {
  units: readonly ScoringUnit[];
  scores: readonly ScoreInput[];
  findings?: readonly FindingInput[];
  events?: readonly EventInput[];
  rectifications?: readonly RectificationInput[];
}

export type InputSource = 'units' | 'scores' | 'findings' | 'events' | 'rectifications';

/** A problem with one input row: `index` is its position in the array passed in. */
export interface InputIssue {
  source: InputSource;
  index: number;
  column: string;
  message: string;
}

/** A unit's rank in an earlier period, for rankDelta. */
export interface PreviousRank {
  unit: string;
  group: string;
  rank: number | null;
}
