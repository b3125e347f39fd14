import { citiesOf } from '../office-context';
import { router, signedInProcedure } from '../trpc';

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
});
