// The result of `kaoping score --json`, spec `scoring.md` §5: one row per unit, grouped
// by the scheme's groups, ranked units first. Numbers are decimals: `final` has at most
// 2 places; `base`, `applicableMax`, `major` and `bonus` are exact (at most 6 places).
import { z } from 'zod';

export const scoreReportRowSchema = z.object({
  unit: z.string(),
  name: z.string(),
  base: z.number(),
  applicableMax: z.number(),
  major: z.number(),
  bonus: z.number(),
  /** Codes of the vetoes the unit triggered, in scheme order. */
  vetoes: z.array(z.string()),
  /** null when the unit is unscored (nothing applicable, or an annual period missing). */
  final: z.number().nullable(),
  /** Standard competition rank in the group; null when unscored or `fail`-vetoed. */
  rank: z.number().int().positive().nullable(),
  /** previous rank − this rank when ranked in the same group both times; else null. */
  rankDelta: z.number().int().nullable(),
  /** null only when the unit is unscored and not vetoed. */
  grade: z.string().nullable(),
  complete: z.boolean(),
  /** Leaf codes without input; annual: `2025Q1:1.3`, or `2025Q1` for a quarter with no result. */
  missing: z.array(z.string()),
});
export type ScoreReportRow = z.infer<typeof scoreReportRowSchema>;

export const scoreReportSchema = z.object({
  scheme: z.string(),
  period: z.string(),
  groups: z.array(z.object({ code: z.string(), rows: z.array(scoreReportRowSchema) })),
});
export type ScoreReport = z.infer<typeof scoreReportSchema>;
