import { conflict, invalidInput, notFound } from '@kaoping/domain/errors/domain-error';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { PeriodStatus } from '@kaoping/contracts/org/period';
import { periodDateRange, type Period } from '@kaoping/domain/period/period';
import { findGroupById, findGroupsByCode, insertGroup, updateGroup } from '@kaoping/db/org/group.repository';
import { findPeriod, insertPeriod, updatePeriodStatus } from '@kaoping/db/org/period.repository';
import type { Db } from '@kaoping/db/connect';
import type { Actor } from '../actor';
import type { Context } from '../context';
import { recordChange } from '../audit/record-change';
import { carryOverOpenItems } from '../rectification/rectification.service';

type Authed = Context & { user: SessionUser };

/** Creates the group, or renames/reorders it when the code already exists for the year. */
export async function upsertGroup(
  db: Db,
  actor: Actor,
  input: { year: number; code: string; name: string; sortOrder: number },
): Promise<number> {
  const { now } = actor;
  return db.transaction().execute(async (trx) => {
    const existing = (await findGroupsByCode(trx, input.year)).get(input.code);
    if (existing) {
      const before = await findGroupById(trx, existing.id);
      await updateGroup(trx, existing.id, input);
      await recordChange(trx, actor.user, now, {
        action: 'group.update',
        entity: 'group',
        entityId: existing.id,
        unitId: null,
        before,
        after: input,
      });
      return existing.id;
    }
    const id = await insertGroup(trx, input);
    await recordChange(trx, actor.user, now, {
      action: 'group.create',
      entity: 'group',
      entityId: id,
      unitId: null,
      before: null,
      after: input,
    });
    return id;
  });
}

export async function createPeriod(db: Db, actor: Actor, period: Period): Promise<void> {
  const { now } = actor;
  await db.transaction().execute(async (trx) => {
    if (await findPeriod(trx, period.code)) throw conflict(`期次 ${period.code} 已存在`);
    const { start, end } = periodDateRange(period);
    const row = { code: period.code, kind: period.kind, year: period.year, startDate: start, endDate: end, status: 'open' as const };
    await insertPeriod(trx, row, now.toISOString());
    await recordChange(trx, actor.user, now, {
      action: 'period.create',
      entity: 'period',
      entityId: period.code,
      unitId: null,
      before: null,
      after: row,
    });
  });
}

const allowedStatusChanges: Record<PeriodStatus, PeriodStatus[]> = { open: ['closed'], closed: ['open', 'locked'], locked: [] };

/**
 * open → closed → locked; a closed period may be reopened; a locked one never changes. Takes the
 * request context still: carrying open items over (rectification.service) needs it.
 */
export async function changePeriodStatus(ctx: Authed, code: string, status: PeriodStatus): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const period = await findPeriod(trx, code);
    if (!period) throw notFound(`期次 ${code} 不存在`);
    if (!allowedStatusChanges[period.status].includes(status)) {
      throw invalidInput(period.status === 'locked' ? '期次已锁定,不能再更改' : '不允许的状态变更');
    }
    await updatePeriodStatus(trx, code, status);
    // Locking a period carries its still-open rectification items into the next one (结转).
    const carriedOver = status === 'locked' ? await carryOverOpenItems(trx, ctx, code) : 0;
    await recordChange(trx, ctx.user, now, {
      action: 'period.status',
      entity: 'period',
      entityId: code,
      unitId: null,
      before: { status: period.status },
      after: { status, carriedOver },
    });
  });
}
