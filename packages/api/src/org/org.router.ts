import { z } from 'zod';
import { assignGroupInputSchema, groupUpsertInputSchema } from '@kaoping/contracts/org/group';
import { periodCodeSchema, periodStatusSchema } from '@kaoping/contracts/org/period';
import { listGroupYears, listGroups } from '@kaoping/db/org/group.repository';
import { listPeriods } from '@kaoping/db/org/period.repository';
import { actorOf } from '../actor';
import { periodValueSchema } from '../period-input';
import { officeProcedure, router, signedInProcedure } from '../trpc';
import { assignUnitGroup } from '../units/unit.service';
import { changePeriodStatus, createPeriod, upsertGroup } from './org.service';

const yearSchema = z.object({ year: z.number().int().min(2000).max(2100) });

export const groupRouter = router({
  list: signedInProcedure.input(yearSchema).query(({ ctx, input }) => listGroups(ctx.db, input.year)),
  years: signedInProcedure.query(({ ctx }) => listGroupYears(ctx.db)),
  upsert: officeProcedure.input(groupUpsertInputSchema).mutation(({ ctx, input }) => upsertGroup(ctx.db, actorOf(ctx), input)),
  assign: officeProcedure.input(assignGroupInputSchema).mutation(({ ctx, input }) => assignUnitGroup(ctx.db, actorOf(ctx), input)),
});

export const periodRouter = router({
  list: signedInProcedure.query(({ ctx }) => listPeriods(ctx.db)),
  create: officeProcedure
    .input(z.object({ code: periodValueSchema }))
    .mutation(({ ctx, input }) => createPeriod(ctx.db, actorOf(ctx), input.code)),
  setStatus: officeProcedure
    .input(z.object({ code: periodCodeSchema, status: periodStatusSchema }))
    .mutation(({ ctx, input }) => changePeriodStatus(ctx, input.code, input.status)),
});
