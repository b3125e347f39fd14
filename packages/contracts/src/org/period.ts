import { z } from 'zod';

export const periodStatuses = ['open', 'closed', 'locked'] as const;
export const periodStatusSchema = z.enum(periodStatuses);
export type PeriodStatus = z.infer<typeof periodStatusSchema>;
export const periodStatusLabelsZh: Record<PeriodStatus, string> = { open: '进行中', closed: '已结束', locked: '已锁定' };

export const periodCodeSchema = z.string().trim().regex(/^\d{4}(Q[1-4])?$/, '期次格式应为 2025Q3 或 2025');

export const periodRowSchema = z.object({
  code: z.string(),
  kind: z.enum(['quarter', 'year']),
  year: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  status: periodStatusSchema,
});
export type PeriodRow = z.infer<typeof periodRowSchema>;
