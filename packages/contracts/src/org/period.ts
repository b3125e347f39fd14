import { z } from 'zod';
import { periodCodeSchema } from '../common';

export const periodStatuses = ['open', 'closed', 'locked'] as const;
export const periodStatusSchema = z.enum(periodStatuses);
export type PeriodStatus = z.infer<typeof periodStatusSchema>;
export const periodStatusLabelsZh: Record<PeriodStatus, string> = { open: '进行中', closed: '已结束', locked: '已锁定' };

export { periodCodeSchema };

export const periodRowSchema = z.object({
  code: z.string(),
  kind: z.enum(['quarter', 'year']),
  year: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  status: periodStatusSchema,
});
export type PeriodRow = z.infer<typeof periodRowSchema>;
