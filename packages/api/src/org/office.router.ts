import { officeUpdateInputSchema } from '@kaoping/contracts/org/office';
import { actorOf } from '../actor';
import { officeProcedure, publicProcedure, router, signedInProcedure } from '../trpc';
import { getOffice, officeSetup, signInInfo, updateOffice } from './office.service';

export const officeRouter = router({
  get: signedInProcedure.query(({ ctx }) => getOffice(ctx.db)),
  update: officeProcedure.input(officeUpdateInputSchema).mutation(({ ctx, input }) => updateOffice(ctx.db, actorOf(ctx), input)),
  /** The first-run checklist (设置 and 概览 show it to an admin until the office is set up). */
  setup: officeProcedure.query(({ ctx }) => officeSetup(ctx.db, actorOf(ctx))),
  /** Before sign-in: the office's name once confirmed, and whether the demo accounts exist. */
  signInInfo: publicProcedure.query(({ ctx }) => signInInfo(ctx.db)),
});

export const orgRouter = router({ office: officeRouter });
