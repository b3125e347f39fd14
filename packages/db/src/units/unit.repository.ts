import { sql } from 'kysely';
import type { Unit, UnitKind, UnitListRow } from '@kaoping/contracts/units/unit';
import type { Db } from '../connect';
import type { UnitTable } from '../schema';

type UnitRow = Omit<UnitTable, 'id'> & { id: number };

function toUnit(row: UnitRow): Unit {
  return {
    id: Number(row.id),
    code: row.code,
    name: row.name,
    kind: row.kind as UnitKind,
    parentId: row.parent_id,
    tags: JSON.parse(row.tags) as string[],
    validFrom: row.valid_from,
    validTo: row.valid_to,
    successorId: row.successor_id,
    note: row.note,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  tags: string[];
  validFrom: string;
  note: string;
}

export async function insertUnit(db: Db, unit: NewUnit, now: string): Promise<Unit> {
  const row = await db
    .insertInto('units')
    .values({
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      parent_id: unit.parentId,
      tags: JSON.stringify(unit.tags),
      valid_from: unit.validFrom,
      valid_to: null,
      successor_id: null,
      note: unit.note,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUnit(row);
}

export async function findUnitById(db: Db, id: number): Promise<Unit | null> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUnit(row) : null;
}

export async function findUnitsByCodes(db: Db, codes: string[]): Promise<Map<string, Unit>> {
  const result = new Map<string, Unit>();
  // Chunked: SQLite limits bound parameters per statement.
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db.selectFrom('units').selectAll().where('code', 'in', chunk).execute();
    for (const row of rows) result.set(row.code, toUnit(row));
  }
  return result;
}

export interface UnitPatch {
  name: string;
  kind: UnitKind;
  parentId: number | null;
  tags: string[];
  validFrom: string;
  note: string;
}

/** Updates when `version` still matches; returns null on a concurrent change. */
export async function updateUnit(
  db: Db,
  id: number,
  version: number,
  patch: Partial<UnitPatch> & { validTo?: string | null; successorId?: number | null },
  now: string,
): Promise<Unit | null> {
  const row = await db
    .updateTable('units')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.parentId !== undefined ? { parent_id: patch.parentId } : {}),
      ...(patch.tags !== undefined ? { tags: JSON.stringify(patch.tags) } : {}),
      ...(patch.validFrom !== undefined ? { valid_from: patch.validFrom } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      ...(patch.validTo !== undefined ? { valid_to: patch.validTo } : {}),
      ...(patch.successorId !== undefined ? { successor_id: patch.successorId } : {}),
      version: version + 1,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return row ? toUnit(row) : null;
}

/** Ids of the unit's ancestors, nearest first (to refuse parent cycles). */
export async function listAncestorIds(db: Db, id: number): Promise<number[]> {
  const ids: number[] = [];
  let current: number | null = id;
  const seen = new Set<number>();
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    const row: { parent_id: number | null } | undefined = await db
      .selectFrom('units')
      .select('parent_id')
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.parent_id ?? null;
    if (current !== null) ids.push(current);
  }
  return ids;
}

export interface UnitListFilter {
  search: string;
  kind: UnitKind | null;
  groupId: number | null;
  parentId: number | null;
  tag: string | null;
  year: number;
  includeInactive: boolean;
  today: string;
  /** Restrict to one unit (a liaison's own). */
  onlyUnitId: number | null;
  page: number;
  pageSize: number;
}

export async function listUnits(db: Db, f: UnitListFilter): Promise<{ rows: UnitListRow[]; total: number }> {
  let query = db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .leftJoin('unit_groups as ug', (join) => join.onRef('ug.unit_id', '=', 'u.id').on('ug.year', '=', f.year))
    .leftJoin('groups as g', 'g.id', 'ug.group_id');
  if (f.search) {
    // Explicit ESCAPE: SQLite has no default escape character for LIKE; lower() makes both dialects case-insensitive.
    const like = `%${f.search.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`(lower(u.name) like ${like} escape '\\' or lower(u.code) like ${like} escape '\\')`);
  }
  if (f.kind) query = query.where('u.kind', '=', f.kind);
  if (f.groupId !== null) query = query.where('ug.group_id', '=', f.groupId);
  if (f.parentId !== null) query = query.where('u.parent_id', '=', f.parentId);
  if (f.tag) query = query.where('u.tags', 'like', `%${JSON.stringify(f.tag)}%`);
  if (f.onlyUnitId !== null) query = query.where('u.id', '=', f.onlyUnitId);
  if (!f.includeInactive) query = query.where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>=', f.today)]));

  const totalRow = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('u')
    .select([
      'p.name as parent_name',
      'g.id as group_id',
      'g.code as group_code',
      'g.name as group_name',
      (eb) =>
        eb
          .selectFrom('units as c')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('c.parent_id', '=', 'u.id')
          .as('child_count'),
    ])
    .orderBy(sql`coalesce(g.sort_order, 999)`)
    .orderBy('u.code')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return {
    total: Number(totalRow.n),
    rows: rows.map((r) => ({
      ...toUnit(r),
      parentName: r.parent_name,
      groupId: r.group_id === null ? null : Number(r.group_id),
      groupCode: r.group_code,
      groupName: r.group_name,
      childCount: Number(r.child_count ?? 0),
      isActive: r.valid_to === null || r.valid_to >= f.today,
    })),
  };
}

export async function listChildUnits(db: Db, parentId: number): Promise<Unit[]> {
  const rows = await db.selectFrom('units').selectAll().where('parent_id', '=', parentId).orderBy('code').execute();
  return rows.map(toUnit);
}

/** Minimal list for pickers: every unit's id, code and name. */
export async function listUnitOptions(db: Db): Promise<{ id: number; code: string; name: string; isActive: boolean }[]> {
  const rows = await db.selectFrom('units').select(['id', 'code', 'name', 'valid_to']).orderBy('code').execute();
  return rows.map((r) => ({ id: Number(r.id), code: r.code, name: r.name, isActive: r.valid_to === null }));
}
