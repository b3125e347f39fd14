import { z } from 'zod';
import { listAuditEntries } from '@kaoping/db/audit/audit.repository';
import { officeProcedure, router, signedInProcedure } from '../trpc';
import { assertCanSeeUnit } from '../scope';

export const auditRouter = router({
  /** The office's view of recent changes across the system. */
  recent: officeProcedure
    .input(z.object({ entity: z.string().max(32).optional(), limit: z.number().int().min(1).max(500).default(100) }))
    .query(({ ctx, input }) => listAuditEntries(ctx.db, { ...(input.entity ? { entity: input.entity } : {}), limit: input.limit })),
  /** A unit's history: every change that touched it. */
  forUnit: signedInProcedure
    .input(z.object({ unitId: z.number().int().positive(), limit: z.number().int().min(1).max(500).default(200) }))
    .query(({ ctx, input }) => {
      assertCanSeeUnit(ctx.user, input.unitId);
      return listAuditEntries(ctx.db, { unitId: input.unitId, limit: input.limit });
    }),
});
