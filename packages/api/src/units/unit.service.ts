import { conflict, invalidInput, notFound } from '@kaoping/domain/errors/domain-error';
import { chinaToday } from '@kaoping/domain/period/period';
import type {
  unitCreateInputSchema,
  unitDeactivateInputSchema,
  unitListInputSchema,
  unitUpdateInputSchema,
  Unit,
} from '@kaoping/contracts/units/unit';
import { findGroupById, findUnitGroup, listUnitGroupHistory, setUnitGroup } from '@kaoping/db/org/group.repository';
import {
  findUnitById,
  findUnitsByCodes,
  insertUnit,
  listAncestorIds,
  listChildUnits,
  listUnits,
  updateUnit,
} from '@kaoping/db/units/unit.repository';
import type { Db } from '@kaoping/db/connect';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { recordChange } from '../audit/record-change';
import { assertCanSeeUnit, unitScopeOf } from '../scope';
import { disableLiaisonsOfUnit } from '../users/user.service';

export function listUnitsForUser(db: Db, actor: Actor, input: z.output<typeof unitListInputSchema>) {
  return listUnits(db, { ...input, today: chinaToday(actor.now), onlyUnitId: unitScopeOf(actor.user) });
}

async function requireUnit(db: Db, id: number): Promise<Unit> {
  const unit = await findUnitById(db, id);
  if (!unit) throw notFound('单位不存在');
  return unit;
}

export async function getUnitProfile(db: Db, actor: Actor, id: number) {
  assertCanSeeUnit(actor.user, id);
  const unit = await requireUnit(db, id);
  const [parent, successor, children, groups] = await Promise.all([
    unit.parentId === null ? null : findUnitById(db, unit.parentId),
    unit.successorId === null ? null : findUnitById(db, unit.successorId),
    listChildUnits(db, id),
    listUnitGroupHistory(db, id),
  ]);
  const today = chinaToday(actor.now);
  return {
    unit,
    isActive: unit.validTo === null || unit.validTo >= today,
    parent: parent && { id: parent.id, code: parent.code, name: parent.name },
    successor: successor && { id: successor.id, code: successor.code, name: successor.name },
    children: children.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      kind: c.kind,
      isActive: c.validTo === null || c.validTo >= today,
    })),
    groups,
  };
}

async function assertValidParent(db: Db, unitId: number | null, parentId: number | null): Promise<void> {
  if (parentId === null) return;
  const parent = await findUnitById(db, parentId);
  if (!parent) throw invalidInput('上级单位不存在');
  if (unitId !== null && (parentId === unitId || (await listAncestorIds(db, parentId)).includes(unitId))) {
    throw invalidInput('上级单位不能是本单位或其下级单位');
  }
}

async function assertGroupOfYear(db: Db, groupId: number, year: number): Promise<void> {
  const group = await findGroupById(db, groupId);
  if (!group || group.year !== year) throw invalidInput(`分组不存在或不属于${year}年度`);
}

export async function createUnit(db: Db, actor: Actor, input: z.output<typeof unitCreateInputSchema>): Promise<Unit> {
  const { now } = actor;
  return db.transaction().execute(async (trx) => {
    if ((await findUnitsByCodes(trx, [input.code])).size > 0) throw conflict(`单位编码 ${input.code} 已存在`);
    await assertValidParent(trx, null, input.parentId);
    const unit = await insertUnit(trx, input, now.toISOString());
    if (input.group) {
      await assertGroupOfYear(trx, input.group.groupId, input.group.year);
      await setUnitGroup(trx, unit.id, input.group.year, input.group.groupId);
    }
    await recordChange(trx, actor.user, now, {
      action: 'unit.create',
      entity: 'unit',
      entityId: unit.id,
      unitId: unit.id,
      before: null,
      after: { ...unit, group: input.group },
    });
    return unit;
  });
}

const CONFLICT_MESSAGE = '该单位已被他人修改,请刷新后重试';

export async function editUnit(db: Db, actor: Actor, input: z.output<typeof unitUpdateInputSchema>): Promise<Unit> {
  const { now } = actor;
  return db.transaction().execute(async (trx) => {
    const before = await requireUnit(trx, input.id);
    await assertValidParent(trx, input.id, input.parentId);
    const after = await updateUnit(trx, input.id, input.version, input, now.toISOString());
    if (!after) throw conflict(CONFLICT_MESSAGE);
    await recordChange(trx, actor.user, now, {
      action: 'unit.update',
      entity: 'unit',
      entityId: input.id,
      unitId: input.id,
      before,
      after,
    });
    return after;
  });
}

/** Ends a unit's validity (机构改革): nothing is deleted, history stays readable. */
export async function deactivateUnit(db: Db, actor: Actor, input: z.output<typeof unitDeactivateInputSchema>): Promise<Unit> {
  const { now } = actor;
  return db.transaction().execute(async (trx) => {
    const before = await requireUnit(trx, input.id);
    if (before.validTo !== null) throw invalidInput('该单位已撤销');
    if (input.validTo < before.validFrom) throw invalidInput('撤销日期不能早于设立日期');
    if (input.successorId !== null) {
      if (input.successorId === input.id) throw invalidInput('承继单位不能是本单位');
      await requireUnit(trx, input.successorId);
    }
    const after = await updateUnit(
      trx,
      input.id,
      input.version,
      { validTo: input.validTo, successorId: input.successorId },
      now.toISOString(),
    );
    if (!after) throw conflict(CONFLICT_MESSAGE);
    await recordChange(trx, actor.user, now, {
      action: 'unit.deactivate',
      entity: 'unit',
      entityId: input.id,
      unitId: input.id,
      before,
      after: { ...after, reason: input.reason },
    });
    // Its liaisons' accounts end with it (users/user.service.ts), in the same transaction.
    await disableLiaisonsOfUnit(trx, actor.user, now, input.id);
    return after;
  });
}

export async function assignUnitGroup(
  db: Db,
  actor: Actor,
  input: { unitId: number; year: number; groupId: number | null },
): Promise<void> {
  const { now } = actor;
  await db.transaction().execute(async (trx) => {
    await requireUnit(trx, input.unitId);
    if (input.groupId !== null) await assertGroupOfYear(trx, input.groupId, input.year);
    const before = await findUnitGroup(trx, input.unitId, input.year);
    await setUnitGroup(trx, input.unitId, input.year, input.groupId);
    await recordChange(trx, actor.user, now, {
      action: 'unit.group',
      entity: 'unit',
      entityId: input.unitId,
      unitId: input.unitId,
      before: { year: input.year, groupId: before },
      after: { year: input.year, groupId: input.groupId },
    });
  });
}
