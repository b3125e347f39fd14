// What importing an office's 考核细则 (.xlsx/.docx) proposes: a scheme in the documented format
// (spec scoring.md §1), every leaf's rule inference beside the source cell it came from, and
// warnings; or a refusal with row-level Chinese errors. Nothing is stored until the office confirms.
import { z } from 'zod';
import { leafRuleSchema, type Scheme } from './scheme';

export const ruleInferenceSchema = z.object({
  /** Leaf code in the proposed scheme. */
  code: z.string(),
  name: z.string(),
  /** Where the wording came from: "工作表“县区” 第7行". */
  where: z.string(),
  row: z.number().int(),
  /** The source cell's text the rule was read from ('' when the row has none). */
  source: z.string(),
  rule: leafRuleSchema,
  /** 'inferred' = read from unambiguous wording; 'manual' = nothing unambiguous, left to the office. */
  confidence: z.enum(['inferred', 'manual']),
  /** Why, in Chinese: "“每少一次扣0.5分” → 每处扣 0.5 分". */
  reason: z.string(),
});
export type RuleInference = z.infer<typeof ruleInferenceSchema>;

export const schemeRowErrorSchema = z.object({ where: z.string(), row: z.number().int().nullable(), message: z.string() });
export type SchemeRowError = z.infer<typeof schemeRowErrorSchema>;

export type SchemeProposal =
  | { ok: true; scheme: Scheme; inferences: RuleInference[]; warnings: string[]; tables: number; rows: number }
  | { ok: false; errors: SchemeRowError[]; warnings: string[] };

/** Human line for a row error: "工作表“县区” 第7行:…". */
export function formatSchemeRowError(error: SchemeRowError): string {
  return error.row === null ? `${error.where}:${error.message}` : `${error.where} 第${error.row}行:${error.message}`;
}
