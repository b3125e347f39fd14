import { z } from 'zod';
import {
  bulkCreateLiaisonsInputSchema,
  changeOwnPasswordInputSchema,
  userCreateInputSchema,
  userIdInputSchema,
  userListInputSchema,
  usersImportInputSchema,
  userUpdateInputSchema,
} from '@kaoping/contracts/users/user';
import { officeProcedure, publicProcedure, router, signedInProcedure } from '../trpc';
import { bulkCreateLiaisonAccounts } from '../users/liaison-accounts.service';
import { changeOwnPassword, endOwnSession, listOwnSessions, signOutEverywhere } from '../users/own-account.service';
import {
  adminExists,
  createUserAccount,
  editUser,
  endUserSessions,
  listUserRows,
  resetUserPassword,
  setUserStatus,
} from '../users/user.service';
import { importUsersFile } from '../users/users-import.service';

// 用户管理 (office only), and each user's own password and sessions (anyone signed in).
export const userRouter = router({
  list: officeProcedure.input(userListInputSchema).query(({ ctx, input }) => listUserRows(ctx, input)),
  /** Creates an account with a one-time password, shown to the admin once. */
  create: officeProcedure.input(userCreateInputSchema).mutation(async ({ ctx, input }) => {
    const { user, oneTimePassword } = await createUserAccount(ctx, input);
    return { user, oneTimePassword: oneTimePassword ?? '' };
  }),
  update: officeProcedure.input(userUpdateInputSchema).mutation(({ ctx, input }) => editUser(ctx, input)),
  disable: officeProcedure.input(userIdInputSchema).mutation(({ ctx, input }) => setUserStatus(ctx, input.id, 'disabled')),
  enable: officeProcedure.input(userIdInputSchema).mutation(({ ctx, input }) => setUserStatus(ctx, input.id, 'active')),
  resetPassword: officeProcedure.input(userIdInputSchema).mutation(({ ctx, input }) => resetUserPassword(ctx, input.id)),
  endSessions: officeProcedure.input(userIdInputSchema).mutation(({ ctx, input }) => endUserSessions(ctx, input.id)),
  bulkCreateLiaisons: officeProcedure
    .input(bulkCreateLiaisonsInputSchema)
    .mutation(({ ctx, input }) => bulkCreateLiaisonAccounts(ctx, input)),
  importFile: officeProcedure.input(usersImportInputSchema).mutation(({ ctx, input }) => importUsersFile(ctx, input)),

  /** Only whether an active administrator exists: the sign-in page of an empty server says how to create one. */
  adminExists: publicProcedure.query(({ ctx }) => adminExists(ctx.db)),
  changeOwnPassword: signedInProcedure.input(changeOwnPasswordInputSchema).mutation(({ ctx, input }) => changeOwnPassword(ctx, input)),
  mySessions: signedInProcedure.query(({ ctx }) => listOwnSessions(ctx)),
  endMySession: signedInProcedure
    .input(z.object({ id: z.string().min(1).max(128) }))
    .mutation(({ ctx, input }) => endOwnSession(ctx, input.id)),
  signOutEverywhere: signedInProcedure.mutation(({ ctx }) => signOutEverywhere(ctx)),
});
