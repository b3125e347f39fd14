import { z } from 'zod';
import { quarterValueSchema } from '../period-input';
import { citiesOf } from '../office-context';
import { router, signedInProcedure } from '../trpc';
import { getProvinceSummary } from './province-summary.service';

// A province office reads its cities' published results; the dashboard's office picker lists them here.
export const provinceRouter = router({
  /** The cities the signed-in account may read: its province's cities; none for a city account. */
  cities: signedInProcedure.query(async ({ ctx }) => {
    if (ctx.user.officeKind !== 'province') return [];
    return (await citiesOf(ctx.db, ctx.user.officeId)).map((o) => ({
      id: o.id,
      name: o.name,
      shortName: o.shortName,
      regionName: o.regionName,
    }));
  }),
  /**
   * Each city of the province with its latest published quarter (or the one asked): units ranked, mean and
   * median final, grades, units below the pass line. Empty for a city account.
   */
  summary: signedInProcedure
    .input(z.object({ period: quarterValueSchema.nullable().default(null) }).default({ period: null }))
    .query(({ ctx, input }) => getProvinceSummary(ctx.db, ctx.user, input)),
});
