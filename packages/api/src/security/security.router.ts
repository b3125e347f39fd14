import { securityEventListInputSchema } from '@kaoping/contracts/security/security-event';
import { listSecurityEvents } from '@kaoping/db/security/security-event.repository';
import { officeProcedure, router } from '../trpc';

export const securityRouter = router({
  /** Failed sign-ins, newest first: the office's administrators watch for guessing. */
  failedSignIns: officeProcedure
    .input(securityEventListInputSchema)
    .query(({ ctx, input }) => listSecurityEvents(ctx.db, { limit: input.limit })),
});
