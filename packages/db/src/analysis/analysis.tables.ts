import type { Generated } from 'kysely';

// Analysis (分析) tables, as stored: JSON is text, instants ISO UTC text.

/**
 * A named what-if scenario (权重模拟方案) for one group of one published period: level-1
 * points by indicator code. Scenarios are analysis only; official results never read them.
 */
export interface WhatIfScenarioTable {
  id: Generated<number>;
  name: string;
  period_code: string;
  group_code: string;
  /** `{ "<level-1 code>": points }`, points as decimals (at most 3 places). */
  points_json: string;
  created_by: number | null;
  created_by_name: string;
  created_at: string;
  version: number;
}

export interface AnalysisTables {
  what_if_scenarios: WhatIfScenarioTable;
}
