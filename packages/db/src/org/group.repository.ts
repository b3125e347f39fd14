import type { Group } from '@kaoping/contracts/org/group';
import type { Db } from '../connect';

export async function listGroups(db: Db, year: number): Promise<Group[]> {
  const rows = await db
    .selectFrom('groups as g')
    .select(['g.id', 'g.year', 'g.code', 'g.name', 'g.sort_order'])
    .select((eb) =>
      eb
        .selectFrom('unit_groups as ug')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('ug.group_id', '=', 'g.id')
        .as('unit_count'),
    )
    .where('g.year', '=', year)
    .orderBy('g.sort_order')
    .orderBy('g.code')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    year: r.year,
    code: r.code,
    name: r.name,
    sortOrder: r.sort_order,
    unitCount: Number(r.unit_count ?? 0),
  }));
}

export async function listGroupYears(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('groups').select('year').distinct().orderBy('year', 'desc').execute();
  return rows.map((r) => r.year);
}

export async function findGroupById(db: Db, id: number): Promise<{ id: number; year: number; code: string; name: string } | null> {
  const row = await db.selectFrom('groups').select(['id', 'year', 'code', 'name']).where('id', '=', id).executeTakeFirst();
  return row ? { ...row, id: Number(row.id) } : null;
}

export async function findGroupsByCode(db: Db, year: number): Promise<Map<string, { id: number; code: string; name: string }>> {
  const rows = await db.selectFrom('groups').select(['id', 'code', 'name']).where('year', '=', year).execute();
  return new Map(rows.map((r) => [r.code, { ...r, id: Number(r.id) }]));
}

export async function insertGroup(db: Db, group: { year: number; code: string; name: string; sortOrder: number }): Promise<number> {
  const row = await db
    .insertInto('groups')
    .values({ year: group.year, code: group.code, name: group.name, sort_order: group.sortOrder })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateGroup(db: Db, id: number, patch: { name: string; sortOrder: number }): Promise<void> {
  await db.updateTable('groups').set({ name: patch.name, sort_order: patch.sortOrder }).where('id', '=', id).execute();
}

export async function findUnitGroup(db: Db, unitId: number, year: number): Promise<number | null> {
  const row = await db
    .selectFrom('unit_groups')
    .select('group_id')
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row ? row.group_id : null;
}

/** Puts a unit in a group for a year (null removes it). */
export async function setUnitGroup(db: Db, unitId: number, year: number, groupId: number | null): Promise<void> {
  await db.deleteFrom('unit_groups').where('unit_id', '=', unitId).where('year', '=', year).execute();
  if (groupId !== null) await db.insertInto('unit_groups').values({ unit_id: unitId, year, group_id: groupId }).execute();
}

export async function listUnitGroupHistory(db: Db, unitId: number): Promise<{ year: number; groupCode: string; groupName: string }[]> {
  const rows = await db
    .selectFrom('unit_groups as ug')
    .innerJoin('groups as g', 'g.id', 'ug.group_id')
    .select(['ug.year', 'g.code', 'g.name'])
    .where('ug.unit_id', '=', unitId)
    .orderBy('ug.year', 'desc')
    .execute();
  return rows.map((r) => ({ year: r.year, groupCode: r.code, groupName: r.name }));
}
