// Assessment (考评): schemes, rounds, assessors' inputs, publication and objections.
// Inputs of the `assessment.*` procedures; the dashboard's forms validate with the same
// schemas. Outputs are inferred from the router.
import { z } from 'zod';
import { idSchema as id, quarterCodeSchema as quarterSchema, versionSchema, yearSchema } from '../common';

export const schemeStatuses = ['draft', 'frozen'] as const;
export type SchemeStatus = (typeof schemeStatuses)[number];

/** office = 本办测评, third_party = 第三方评估, self = 单位自评 */
export const roundKinds = ['office', 'third_party', 'self'] as const;
export const roundKindSchema = z.enum(roundKinds);
export type RoundKind = z.infer<typeof roundKindSchema>;
/** The kinds an assessor opens; a self round is opened by the first self-assessment. */
export const scoredRoundKindSchema = z.enum(['office', 'third_party']);

/** draft → published (snapshot frozen) → locked (objection window over). */
export const roundStatuses = ['draft', 'published', 'locked'] as const;
export type RoundStatus = (typeof roundStatuses)[number];

export const findingStatuses = ['active', 'withdrawn'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

/** upheld: the finding stands (申诉不成立); withdrawn: the finding is withdrawn (申诉成立). */
export const objectionStatuses = ['pending', 'upheld', 'withdrawn'] as const;
export type ObjectionStatus = (typeof objectionStatuses)[number];
export const objectionDecisionSchema = z.enum(['upheld', 'withdrawn']);

/** Days after publication during which a unit may object (申诉期), by default. */
export const DEFAULT_OBJECTION_DAYS = 10;

/** Largest interchange file accepted by the API (CSV or XLSX), before base64. */
export const ASSESSMENT_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Largest screenshot of a finding, before base64. */
export const SCREENSHOT_MAX_BYTES = 2 * 1024 * 1024;
/** Largest scheme.json accepted. */
export const SCHEME_MAX_CHARS = 2 * 1024 * 1024;

const reasonSchema = z.string().trim().min(2, '请填写理由(至少2个字)').max(500, '理由不超过500个字');
const leafCodeSchema = z.string().trim().min(1, '指标编码不能为空').max(32);

// ── schemes ────────────────────────────────────────────────────────────────
export const schemeImportInputSchema = z.object({
  /** The scheme.json text. */
  json: z.string().min(2, '方案内容不能为空').max(SCHEME_MAX_CHARS, '方案文件过大'),
  /** When replacing an existing draft of the same year: the version the editor loaded. */
  version: versionSchema.nullable().default(null),
});
export type SchemeImportInput = z.input<typeof schemeImportInputSchema>;

export const schemeIdInputSchema = z.object({ id });
export const schemeCopyInputSchema = z.object({ id, year: yearSchema.optional() });

// ── rounds ─────────────────────────────────────────────────────────────────
export const roundOpenInputSchema = z.object({
  period: quarterSchema,
  kind: scoredRoundKindSchema.default('office'),
  title: z.string().trim().max(100).default(''),
  objectionDays: z.number().int().min(0).max(60).default(DEFAULT_OBJECTION_DAYS),
});
export type RoundOpenInput = z.input<typeof roundOpenInputSchema>;
export const roundListInputSchema = z.object({ year: yearSchema.nullable().default(null) });
export const roundIdInputSchema = z.object({ roundId: id });
export const roundLockInputSchema = z.object({ roundId: id, version: versionSchema });

// ── inputs ─────────────────────────────────────────────────────────────────
export const assessmentFileKinds = ['scores', 'findings', 'events'] as const;
export const assessmentFileKindSchema = z.enum(assessmentFileKinds);
export type AssessmentFileKind = z.infer<typeof assessmentFileKindSchema>;

export const assessmentImportInputSchema = z.object({
  roundId: id,
  kind: assessmentFileKindSchema,
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().max(Math.ceil((ASSESSMENT_IMPORT_MAX_BYTES * 4) / 3) + 16, '文件超过 10 MB'),
  /** Check only (检查): report what would change, write nothing. */
  dryRun: z.boolean().default(false),
});
export type AssessmentImportInput = z.input<typeof assessmentImportInputSchema>;

export const assessmentImportProblemSchema = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type AssessmentImportProblem = z.infer<typeof assessmentImportProblemSchema>;

export type AssessmentImportResult =
  | {
      ok: true;
      dryRun: boolean;
      kind: AssessmentFileKind;
      /** Rows of the round's period taken from the file. */
      imported: number;
      /** scores: cells whose value changed; findings/events: rows replaced (earlier imports). */
      changed: number;
      replaced: number;
      /** Rows of other periods in the same file (checked, not imported), by period. */
      skipped: { period: string; rows: number }[];
    }
  | { ok: false; problems: AssessmentImportProblem[] };

/** Corrections to a published round need a reason and publish a restatement. */
const correctionReason = z.string().trim().max(500).default('');

export const scoreSetInputSchema = z.object({
  roundId: id,
  unitId: id,
  leaf: leafCodeSchema,
  /** Per the leaf rule; `na` = not applicable (with naReason); null clears the cell ('' on a checklist = no item met). */
  value: z.string().trim().max(1000).nullable(),
  naReason: z.string().trim().max(500).default(''),
  /** The value the grid showed (null = empty): refused with CONFLICT if it changed meanwhile. */
  expected: z.string().nullable(),
  reason: correctionReason,
});
export type ScoreSetInput = z.input<typeof scoreSetInputSchema>;

/** Cells one batched save may carry (the scoring grid sends its pending edits together). */
export const SCORES_SAVE_MAX_CELLS = 500;

/** Several cells of one round saved together, all or nothing (each as in scoreSetInputSchema). */
export const scoresSaveInputSchema = z.object({
  roundId: id,
  cells: z
    .array(scoreSetInputSchema.omit({ roundId: true, reason: true }))
    .min(1, '请至少提交一个单元格')
    .max(SCORES_SAVE_MAX_CELLS, `一次最多保存 ${SCORES_SAVE_MAX_CELLS} 个单元格`),
  reason: correctionReason,
});
export type ScoresSaveInput = z.input<typeof scoresSaveInputSchema>;

const decimal3 = z
  .number()
  .min(0, '扣分不能为负数')
  .max(1_000_000)
  .refine((n) => Math.abs(n * 1000 - Math.round(n * 1000)) < 1e-6, '扣分最多三位小数');

export const findingAddInputSchema = z.object({
  roundId: id,
  unitId: id,
  leaf: leafCodeSchema,
  count: z.number().int().min(1, '问题数量至少为1').max(9999999).default(1),
  /** Own deduction, overriding count × perFinding; null to use the rule. */
  deduction: decimal3.nullable().default(null),
  description: z.string().trim().min(2, '请描述问题(至少2个字)').max(2000),
  url: z.string().trim().max(2000).default(''),
  /** When the assessor saw it (ISO instant); default now. */
  seenAt: z.string().datetime({ offset: true }).nullable().default(null),
  screenshot: z
    .object({
      fileName: z.string().trim().min(1).max(200),
      contentBase64: z.string().max(Math.ceil((SCREENSHOT_MAX_BYTES * 4) / 3) + 16, '截图超过 2 MB'),
    })
    .nullable()
    .default(null),
  reason: correctionReason,
});
export type FindingAddInput = z.input<typeof findingAddInputSchema>;

export const findingWithdrawInputSchema = z.object({ findingId: id, reason: reasonSchema });

export const eventAddInputSchema = z.object({
  roundId: id,
  unitId: id,
  code: z.string().trim().min(1, '事项编码不能为空').max(32),
  note: z.string().trim().min(2, '请填写说明(至少2个字)').max(2000),
  reason: correctionReason,
});
export type EventAddInput = z.input<typeof eventAddInputSchema>;
export const eventRemoveInputSchema = z.object({ eventId: id, reason: correctionReason });

// ── results and publication ───────────────────────────────────────────────
export const resultsInputSchema = z.object({ roundId: id });
export const sheetInputSchema = z.object({ roundId: id, unitId: id });
export const publishInputSchema = z.object({ roundId: id, version: versionSchema });
export const annualInputSchema = z.object({ year: yearSchema });

// ── objections (申诉) ─────────────────────────────────────────────────────
export const objectionFileInputSchema = z.object({
  findingId: id,
  text: z.string().trim().min(5, '请说明申诉理由(至少5个字)').max(2000, '申诉理由不超过2000个字'),
});
export type ObjectionFileInput = z.input<typeof objectionFileInputSchema>;
export const objectionListInputSchema = z.object({
  roundId: id.nullable().default(null),
  status: z.enum(objectionStatuses).nullable().default(null),
});
export const objectionDecideInputSchema = z.object({
  objectionId: id,
  decision: objectionDecisionSchema,
  reason: reasonSchema,
});
export type ObjectionDecideInput = z.input<typeof objectionDecideInputSchema>;

// ── self-assessment (自评) ────────────────────────────────────────────────
export const selfAssessmentInputSchema = z.object({ roundId: id, unitId: id.nullable().default(null) });
export const selfScoreSetInputSchema = z.object({
  roundId: id,
  leaf: leafCodeSchema,
  /** As for scoreSetInputSchema: null clears. */
  value: z.string().trim().max(1000).nullable(),
  evidence: z.string().trim().max(2000).default(''),
});
export type SelfScoreSetInput = z.input<typeof selfScoreSetInputSchema>;
