import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { accessGroups } from '@kaoping/contracts/auth/access';
import type { Role } from '@kaoping/contracts/auth/role';
import type { Context } from './context';
import { domainErrorOf, toTRPCError } from './errors';
import { PROVINCE_PATHS } from './office-context';

/** Each procedure declares who may call it; the authorization matrix test reads this. */
export interface Meta {
  roles: readonly Role[] | 'public' | 'signed-in';
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    // No stack traces in responses, whatever NODE_ENV says.
    isDev: false,
    errorFormatter({ shape, error }) {
      // Unexpected failures are logged by the server; users get a plain Chinese message, never SQL.
      if (error.code === 'INTERNAL_SERVER_ERROR')
        return { ...shape, message: '服务器内部错误,请稍后重试或联系管理员', data: { ...shape.data, zodIssues: null } };
      const zod = error.cause instanceof ZodError ? error.cause.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) : null;
      return {
        ...shape,
        message: zod ? zod.map((i) => (i.path ? `${i.path}:${i.message}` : i.message)).join(';') : shape.message,
        data: { ...shape.data, zodIssues: zod },
      };
    },
  });

export const router = t.router;

// Services throw DomainError; here, once, it becomes the matching transport error.
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const domainError = domainErrorOf(result.error.cause);
    if (domainError) throw toTRPCError(domainError);
  }
  return result;
});
const baseProcedure = t.procedure.use(mapDomainErrors);
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

// While a one-time or reset password is in use, a session may only change it or sign out
// (auth.me is public and tells the dashboard to show the change-password page).
const PASSWORD_CHANGE_PATHS: ReadonlySet<string> = new Set(['users.changeOwnPassword', 'auth.logout']);

// Signed-in procedures: the user must exist and hold one of the meta's roles.
const enforceRoles = t.middleware(({ ctx, meta, path, next }) => {
  const roles = meta?.roles;
  if (roles === undefined || roles === 'public')
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'procedure without access meta' });
  const user = ctx.user;
  if (!user) throw new TRPCError({ code: 'UNAUTHORIZED', message: '请先登录' });
  if (user.mustChangePassword === true && !PASSWORD_CHANGE_PATHS.has(path))
    throw new TRPCError({ code: 'FORBIDDEN', message: '请先修改初始密码' });
  if (roles !== 'signed-in' && !roles.includes(user.role)) throw new TRPCError({ code: 'FORBIDDEN', message: '当前角色无权执行此操作' });
  // A province account reads its cities' published results and nothing else (office-context.ts).
  if (user.officeKind === 'province' && !PROVINCE_PATHS.has(path))
    throw new TRPCError({ code: 'FORBIDDEN', message: '省级账号只能查看各市已发布的考评结果' });
  return next({ ctx: { ...ctx, user } });
});

// Procedure kinds, defined once, over contracts' access groups (auth/access.ts), which the dashboard's
// menu reads too. Handlers never check roles themselves;
// data scoping for a liaison's own unit happens in services (see scope.ts).
export const publicProcedure = baseProcedure.meta({ roles: 'public' });
/** Any signed-in user, including a unit liaison (whose data is scoped to their unit). */
export const signedInProcedure = baseProcedure.meta({ roles: 'signed-in' }).use(enforceRoles);
/** Everyone who may read city-wide data. */
export const readerProcedure = baseProcedure.meta({ roles: accessGroups.readers }).use(enforceRoles);
/** The office and its assessors. */
export const assessorProcedure = baseProcedure.meta({ roles: accessGroups.assessors }).use(enforceRoles);
/** Those who file a unit's documents: its liaison (own unit only, scoped in services) and the office (paper copies). */
export const filerProcedure = baseProcedure.meta({ roles: accessGroups.filers }).use(enforceRoles);
/** Office administrators only. */
export const officeProcedure = baseProcedure.meta({ roles: accessGroups.office }).use(enforceRoles);
/** Unit liaisons only: actions on behalf of their own unit (self-assessment, objections). */
export const unitProcedure = baseProcedure.meta({ roles: accessGroups.unit }).use(enforceRoles);
