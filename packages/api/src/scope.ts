import { forbidden } from '@kaoping/domain/errors/domain-error';
import type { SessionUser } from '@kaoping/contracts/auth/session';

/** A liaison sees only their own unit; every other role sees all units. */
export function unitScopeOf(user: SessionUser): number | null {
  return user.role === 'liaison' ? (user.unitId ?? -1) : null;
}

export function assertCanSeeUnit(user: SessionUser, unitId: number): void {
  const scope = unitScopeOf(user);
  if (scope !== null && scope !== unitId) throw forbidden('无权查看其他单位的数据');
}
