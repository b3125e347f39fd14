// Analysis (分析, issue #7): what-if weights, saved scenarios, their comparison and export.
// Inputs of the `analysis.*` procedures; the dashboard's save form validates with the same
// schemas. Outputs are inferred from the router. Nothing here changes official results.
import { z } from 'zod';
import { idSchema as id, quarterCodeSchema as quarterSchema, versionSchema } from '../common';

const groupCodeSchema = z.string().trim().min(1, '请选择分组').max(32);
const indicatorCodeSchema = z.string().trim().min(1).max(32);

/** Largest points a level-1 indicator may be given in a scenario. */
export const SCENARIO_MAX_POINTS = 1000;
/** Longest scenario name. */
export const SCENARIO_NAME_MAX = 40;

/** One group of one published period. */
export const analysisGroupInputSchema = z.object({ period: quarterSchema, groupCode: groupCodeSchema });
export type AnalysisGroupInput = z.input<typeof analysisGroupInputSchema>;

/**
 * Level-1 points by indicator code (codes left out keep their official points, 0 drops the
 * indicator). At most three decimals, as the scheme's own points.
 */
export const scenarioPointsSchema = z.record(
  indicatorCodeSchema,
  z
    .number()
    .min(0, '分值不能为负数')
    .max(SCENARIO_MAX_POINTS, `分值不超过 ${SCENARIO_MAX_POINTS}`)
    .refine((v) => Math.abs(Math.round(v * 1000) - v * 1000) < 1e-6, '分值最多保留三位小数'),
);
export type ScenarioPointsInput = z.infer<typeof scenarioPointsSchema>;

export const scenarioNameSchema = z
  .string()
  .trim()
  .min(1, '请填写方案名称')
  .max(SCENARIO_NAME_MAX, `方案名称不超过 ${SCENARIO_NAME_MAX} 个字`);

export const scenarioCreateInputSchema = z.object({
  period: quarterSchema,
  groupCode: groupCodeSchema,
  name: scenarioNameSchema,
  points: scenarioPointsSchema,
});
export type ScenarioCreateInput = z.input<typeof scenarioCreateInputSchema>;

export const scenarioListInputSchema = analysisGroupInputSchema;

/** Deleting needs the version the list showed (optimistic concurrency). */
export const scenarioDeleteInputSchema = z.object({ id, version: versionSchema });

/** Two saved scenarios of the same period and group, side by side (also for the .xlsx export). */
export const scenarioCompareInputSchema = z
  .object({ firstId: id, secondId: id })
  .refine((v) => v.firstId !== v.secondId, { message: '请选择两个不同的方案', path: ['secondId'] });
export type ScenarioCompareInput = z.input<typeof scenarioCompareInputSchema>;
