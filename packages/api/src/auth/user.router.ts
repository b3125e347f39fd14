import { listUsers } from '@kaoping/db/users/user.repository';
import { officeProcedure, router } from '../trpc';
import { toSessionUser } from './auth.service';

export const userRouter = router({
  list: officeProcedure.query(async ({ ctx }) => (await listUsers(ctx.db)).map((u) => ({ ...toSessionUser(u), isActive: u.isActive }))),
});
