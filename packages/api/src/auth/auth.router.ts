import { loginInputSchema } from '@kaoping/contracts/auth/session';
import { publicProcedure, router, signedInProcedure } from '../trpc';
import { signIn, signOut } from './auth.service';

export const authRouter = router({
  login: publicProcedure.input(loginInputSchema).mutation(({ ctx, input }) => signIn(ctx, input)),
  logout: signedInProcedure.mutation(({ ctx }) => signOut(ctx)),
  /** The signed-in user, or null: the dashboard's first call. */
  me: publicProcedure.query(({ ctx }) => ctx.user),
});
