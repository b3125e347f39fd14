import { z } from 'zod';
import { periodCodeSchema } from '../org/period';
import { rectificationIssueInputSchema } from './rectification-action';
import { chinaDateSchema } from './rectification-item';
import { rectificationStatusSchema } from './rectification-status';

export const severities = ['normal', 'serious', 'major'] as const;
export const severitySchema = z.enum(severities);
export const severityLabelsZh: Record<(typeof severities)[number], string> = { normal: '一般', serious: '较重', major: '严重' };

/** 交办 by the office: the domain's issue input plus the ledger fields. */
export const ledgerIssueInputSchema = rectificationIssueInputSchema.extend({
  severity: severitySchema.default('normal'),
  responsiblePerson: z.string().trim().max(50).default(''),
  responsibleLeader: z.string().trim().max(50).default(''),
  /** Where the order comes from when it is not a finding: by hand, or a failed annual-report rule. */
  source: z.enum(['manual', 'report_rule']).default('manual'),
  /** The office decides when issuing whether the unit must attach 佐证材料 to its fix or explanation. */
  evidenceRequired: z.boolean().default(true),
});
export type LedgerIssueInput = z.input<typeof ledgerIssueInputSchema>;

/** Bulk 交办 from findings: one item per finding, or one per unit and indicator. */
export const issueFromFindingsInputSchema = z.object({
  findingIds: z.array(z.number().int().positive()).min(1, '请选择问题').max(2000),
  grouping: z.enum(['per_finding', 'per_unit_indicator']),
  due: rectificationIssueInputSchema.shape.due,
  severity: severitySchema.default('normal'),
  requirement: z.string().trim().max(4000).default('请对照问题逐项整改,并报送整改措施、完成情况及佐证材料。'),
  evidenceRequired: z.boolean().default(true),
});

/** 交办 every finding of a published round that has no item yet. */
export const issueRoundInputSchema = issueFromFindingsInputSchema
  .omit({ findingIds: true })
  .extend({ roundId: z.number().int().positive() });

export const ledgerFilterSchema = z.object({
  period: periodCodeSchema.nullable().default(null),
  groupId: z.number().int().positive().nullable().default(null),
  unitId: z.number().int().positive().nullable().default(null),
  status: z.array(rectificationStatusSchema).max(20).nullable().default(null),
  severity: severitySchema.nullable().default(null),
  /** Only items overdue today. */
  overdueOnly: z.boolean().default(false),
  /** Units whose name or code contains this, or whose name's pinyin initials do (e.g. 「ljq」). */
  unitQuery: z.string().trim().max(50).nullable().default(null),
});
export type LedgerFilter = z.input<typeof ledgerFilterSchema>;

/** Evidence files: at most 5 MB of PDF, image or Office document. */
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
export const evidenceUploadInputSchema = z.object({
  itemId: z.number().int().positive(),
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().max(Math.ceil((EVIDENCE_MAX_BYTES * 4) / 3) + 16, '文件超过 5 MB'),
});

export const calendarOverrideInputSchema = z.object({
  date: chinaDateSchema,
  kind: z.enum(['holiday', 'workday']),
  name: z.string().trim().max(50).default(''),
});
