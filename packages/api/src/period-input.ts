// A period code in a procedure's input, parsed once into the domain's `Period`: services, the
// domain and the repositories they call take the value, never the string to parse again.
import { z } from 'zod';
import { periodCodeSchema } from '@kaoping/contracts/org/period';
import { parsePeriod, type Period } from '@kaoping/domain/period/period';

export const periodValueSchema = periodCodeSchema.transform((code, ctx): Period => {
  const period = parsePeriod(code);
  if (period) return period;
  ctx.addIssue({ code: 'custom', message: `期次 ${code} 超出支持的年份范围` });
  return z.NEVER;
});

/** A quarter (`2025Q3`), refused otherwise. */
export const quarterValueSchema = periodValueSchema.refine((p) => p.kind === 'quarter', '期次应为季度,如 2026Q3');
