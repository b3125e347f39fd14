// Who carries out a use case, and when: what a service needs of the request besides the database
// and its input. Services take `(db or trx, actor, input)`; routers build the actor once.
import type { SessionUser } from '@kaoping/contracts/auth/session';

export interface Actor {
  user: SessionUser;
  /** The instant of the request (tests pass a fixed clock through the context). */
  now: Date;
}

export function actorOf(ctx: { user: SessionUser; now: () => Date }): Actor {
  return { user: ctx.user, now: ctx.now() };
}
