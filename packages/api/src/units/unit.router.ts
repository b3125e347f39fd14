import { z } from 'zod';
import {
  unitCreateInputSchema,
  unitDeactivateInputSchema,
  unitListInputSchema,
  unitUpdateInputSchema,
} from '@kaoping/contracts/units/unit';
import { unitsImportInputSchema } from '@kaoping/contracts/units/unit-import';
import { listUnitOptions } from '@kaoping/db/units/unit.repository';
import { actorOf } from '../actor';
import { assertCanSeeUnit } from '../scope';
import { officeProcedure, readerProcedure, router, signedInProcedure } from '../trpc';
import { importUnitsFile } from './unit-import.service';
import { createUnit, deactivateUnit, editUnit, getUnitProfile, listUnitsForUser } from './unit.service';

export const unitRouter = router({
  list: signedInProcedure.input(unitListInputSchema).query(({ ctx, input }) => listUnitsForUser(ctx.db, actorOf(ctx), input)),
  /** Code and name of every unit, for pickers (parent, successor). */
  options: readerProcedure.query(({ ctx }) => listUnitOptions(ctx.db)),
  get: signedInProcedure.input(z.object({ id: z.number().int().positive() })).query(({ ctx, input }) => {
    assertCanSeeUnit(ctx.user, input.id);
    return getUnitProfile(ctx.db, actorOf(ctx), input.id);
  }),
  create: officeProcedure.input(unitCreateInputSchema).mutation(({ ctx, input }) => createUnit(ctx.db, actorOf(ctx), input)),
  update: officeProcedure.input(unitUpdateInputSchema).mutation(({ ctx, input }) => editUnit(ctx.db, actorOf(ctx), input)),
  deactivate: officeProcedure.input(unitDeactivateInputSchema).mutation(({ ctx, input }) => deactivateUnit(ctx.db, actorOf(ctx), input)),
  importFile: officeProcedure.input(unitsImportInputSchema).mutation(({ ctx, input }) => importUnitsFile(ctx.db, actorOf(ctx), input)),
});
