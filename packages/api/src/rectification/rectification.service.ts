import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { RectificationTransitionInput } from '@kaoping/contracts/rectification/rectification-action';
import type { RectificationActor, RectificationItem } from '@kaoping/contracts/rectification/rectification-item';
import { rectificationActionLabelsZh } from '@kaoping/contracts/rectification/rectification-status';
import type { ledgerFilterSchema, ledgerIssueInputSchema } from '@kaoping/contracts/rectification/rectification-ledger';
import type { WorkCalendar } from '@kaoping/domain/calendar/work-calendar';
import { conflict, forbidden, invalidInput, notFound, type DomainError } from '@kaoping/domain/errors/domain-error';
import { chinaToday } from '@kaoping/domain/period/period';
import { daysOverdue, isClosedOnTime, isOverdue, workingDaysOverdue } from '@kaoping/domain/rectification/rectification-deadline';
import { evidenceProblem } from '@kaoping/domain/rectification/evidence-rule';
import {
  allowedActions,
  applyTransition,
  describeRectificationError,
  issueRectificationItem,
  type RectificationError,
} from '@kaoping/domain/rectification/rectification-machine';
import { carryOverActions } from '@kaoping/domain/rectification/rectification-carry-over';
import { listEvidenceFiles } from '@kaoping/db/rectification/evidence-file.repository';
import {
  findLedgerItem,
  insertEvent,
  insertItem,
  listEvents,
  listLedger,
  listLedgerPage,
  listUnitNames,
  nextItemCode,
  updateItemState,
  type LedgerItem,
  type RectificationMeta,
} from '@kaoping/db/rectification/rectification.repository';
import type { Db } from '@kaoping/db/connect';
import type { z } from 'zod';
import type { Context } from '../context';
import { recordChange } from '../audit/record-change';
import { assertCanSeeUnit, unitScopeOf } from '../scope';
import { notifyAboutEvent } from './rectification-notices';
import { loadWorkCalendar } from './work-calendar.service';

type Authed = Context & { user: SessionUser };

export function actorOf(user: SessionUser): RectificationActor {
  return { userId: user.id, role: user.role, unitId: user.unitId };
}

function toDomainError(error: RectificationError): DomainError {
  const message = describeRectificationError(error);
  return error.code === 'forbidden_role' || error.code === 'not_own_unit' ? forbidden(message) : invalidInput(message);
}

const CONFLICT = '该整改任务已被他人处理,请刷新后重试';

/**
 * A ledger row with what is derived from today: overdue is never stored. Overdue is counted in
 * working days (as the deadline was set) and, for reference, in calendar days.
 */
export function withDerived(item: LedgerItem, today: string, calendar: WorkCalendar) {
  return {
    ...item,
    isOverdue: isOverdue(item, today),
    workingDaysOverdue: workingDaysOverdue(calendar, item, today),
    daysOverdue: daysOverdue(item, today),
    closedOnTime: item.closedOn === null ? null : isClosedOnTime(item),
  };
}

/** Issues (交办) one item inside an open transaction; the caller audits. */
export async function issueItemInTransaction(
  trx: Db,
  ctx: Authed,
  input: z.output<typeof ledgerIssueInputSchema>,
  source: RectificationMeta['source'],
): Promise<LedgerItem> {
  const now = ctx.now();
  const code = await nextItemCode(trx, Number(chinaToday(now).slice(0, 4)));
  const calendar = await loadWorkCalendar(trx);
  const result = issueRectificationItem({ id: 0, code, input }, actorOf(ctx.user), now.toISOString(), calendar);
  if (!result.ok) throw toDomainError(result.error);
  const meta: RectificationMeta = {
    severity: input.severity,
    responsiblePerson: input.responsiblePerson,
    responsibleLeader: input.responsibleLeader,
    source,
    evidenceRequired: input.evidenceRequired,
  };
  const id = await insertItem(trx, result.item, meta);
  await insertEvent(trx, { ...result.event, itemId: id }, ctx.user.displayName);
  const item = await findLedgerItem(trx, id);
  if (!item) throw new Error('整改任务保存失败: the inserted item cannot be read back');
  await notifyAboutEvent(trx, item, 'issue', now);
  return item;
}

export async function issueItem(ctx: Authed, input: z.output<typeof ledgerIssueInputSchema>) {
  return ctx.db.transaction().execute(async (trx) => {
    const item = await issueItemInTransaction(trx, ctx, input, input.findingIds.length > 0 ? 'finding' : input.source);
    await recordChange(trx, ctx.user, ctx.now(), {
      action: 'rectification.issue',
      entity: 'rectification',
      entityId: item.id,
      unitId: item.unitId,
      before: null,
      after: item,
    });
    return withDerived(item, chinaToday(ctx.now()), await loadWorkCalendar(trx));
  });
}

/** One lifecycle action, checked by the domain state machine; a stale version is a conflict. */
export async function transitionItem(ctx: Authed, input: RectificationTransitionInput) {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findLedgerItem(trx, input.itemId);
    if (!before) throw notFound('整改任务不存在');
    assertCanSeeUnit(ctx.user, before.unitId);
    if (before.version !== input.version) throw conflict(CONFLICT);
    const result = applyTransition(before, input.action, actorOf(ctx.user), now.toISOString());
    if (!result.ok) throw toDomainError(result.error);
    const evidence = evidenceProblem(input.action, before.evidenceRequired);
    if (evidence) throw invalidInput(evidence);
    if (!(await updateItemState(trx, result.item, input.version))) throw conflict(CONFLICT);
    await insertEvent(trx, result.event, ctx.user.displayName);
    const after = { ...before, ...result.item };
    await recordChange(trx, ctx.user, now, {
      action: `rectification.${input.action.type}`,
      entity: 'rectification',
      entityId: before.id,
      unitId: before.unitId,
      before: pickState(before),
      after: pickState(after),
    });
    await notifyAboutEvent(trx, after, input.action.type, now);
    return withDerived(after, chinaToday(now), await loadWorkCalendar(trx));
  });
}

function pickState(item: RectificationItem) {
  const { status, version, dueDate, closedOn, returnReason, escalationLevel, carriedInto, recheckFailCount } = item;
  return { status, version, dueDate, closedOn, returnReason, escalationLevel, carriedInto, recheckFailCount };
}

/** The ledger's filter and, for the page, which page of how many rows. */
export type LedgerQuery = z.output<typeof ledgerFilterSchema> & { page?: number; pageSize?: number | null };

/**
 * The ledger as the user may see it, filtered in the database and one page at a time (every row
 * when no page size is given: the export). A typed unit search is matched against the office's
 * units (name, code, pinyin initials) first, then applied as a list of units.
 */
export async function listLedgerForUser(ctx: Authed, f: LedgerQuery) {
  const today = chinaToday(ctx.now());
  const query = f.unitQuery ?? '';
  // The matcher (pinyin-pro's dictionaries, ~14 MB) loads with the first typed search, not with the server.
  const unitMatches = query === '' ? null : (await import('@kaoping/domain/rectification/unit-search')).unitMatches;
  const unitIds = unitMatches === null ? null : (await listUnitNames(ctx.db)).filter((u) => unitMatches(query, u)).map((u) => u.id);
  const page = f.page ?? 1;
  const pageSize = f.pageSize ?? null;
  const [found, calendar] = await Promise.all([
    listLedgerPage(ctx.db, {
      period: f.period,
      unitId: f.unitId,
      groupId: f.groupId,
      statuses: f.status,
      severity: f.severity,
      onlyUnitId: unitScopeOf(ctx.user),
      unitIds,
      overdueBefore: f.overdueOnly ? today : null,
      page,
      pageSize,
    }),
    loadWorkCalendar(ctx.db),
  ]);
  return { today, total: found.total, page, pageSize, rows: found.rows.map((r) => withDerived(r, today, calendar)) };
}

export async function getItemDetail(ctx: Authed, id: number) {
  const item = await findLedgerItem(ctx.db, id);
  if (!item) throw notFound('整改任务不存在');
  assertCanSeeUnit(ctx.user, item.unitId);
  const [events, files, calendar] = await Promise.all([listEvents(ctx.db, id), listEvidenceFiles(ctx.db, id), loadWorkCalendar(ctx.db)]);
  return {
    item: withDerived(item, chinaToday(ctx.now()), calendar),
    events: events.map((e) => ({
      ...e,
      actionLabel:
        e.action === 'issue' ? '交办' : (rectificationActionLabelsZh[e.action as keyof typeof rectificationActionLabelsZh] ?? e.action),
    })),
    files,
    allowedActions: allowedActions(item, actorOf(ctx.user)),
  };
}

/** When a period is locked, its open items are carried into the next period (结转). */
export async function carryOverOpenItems(trx: Db, ctx: Authed, lockedPeriod: string): Promise<number> {
  const items = await listLedger(trx, {
    period: lockedPeriod,
    unitId: null,
    groupId: null,
    statuses: null,
    severity: null,
    onlyUnitId: null,
  });
  let carried = 0;
  for (const { itemId, action } of carryOverActions(items, lockedPeriod)) {
    const item = items.find((i) => i.id === itemId);
    if (!item) continue;
    const result = applyTransition(item, action, actorOf(ctx.user), ctx.now().toISOString());
    if (!result.ok) continue;
    if (!(await updateItemState(trx, result.item, item.version))) throw conflict(CONFLICT);
    await insertEvent(trx, result.event, ctx.user.displayName);
    carried++;
  }
  return carried;
}
