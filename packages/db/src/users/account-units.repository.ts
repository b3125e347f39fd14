import type { UnitKind } from '@kaoping/contracts/units/unit';
import type { Db } from '../connect';

export interface AccountUnit {
  id: number;
  code: string;
  name: string;
}

export type AccountUnitSelection =
  { scope: 'all' } | { scope: 'group'; groupId: number } | { scope: 'kind'; kind: UnitKind } | { scope: 'units'; unitIds: number[] };

/** Units in force on `today` that a selection of the bulk-accounts dialog names, by code. */
export async function listUnitsForAccounts(db: Db, selection: AccountUnitSelection, today: string): Promise<AccountUnit[]> {
  let query = db
    .selectFrom('units as u')
    .select(['u.id', 'u.code', 'u.name'])
    .where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>=', today)]));
  switch (selection.scope) {
    case 'all':
      break;
    case 'group':
      query = query.where('u.id', 'in', (eb) => eb.selectFrom('unit_groups').select('unit_id').where('group_id', '=', selection.groupId));
      break;
    case 'kind':
      query = query.where('u.kind', '=', selection.kind);
      break;
    case 'units':
      query = query.where('u.id', 'in', selection.unitIds);
      break;
  }
  const rows = await query.orderBy('u.code').execute();
  return rows.map((r) => ({ id: Number(r.id), code: r.code, name: r.name }));
}

/** Units by code with whether they are in force on `today` (for the users import). */
export async function findUnitsForAccountsByCode(
  db: Db,
  codes: string[],
  today: string,
): Promise<Map<string, AccountUnit & { inForce: boolean }>> {
  const result = new Map<string, AccountUnit & { inForce: boolean }>();
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db.selectFrom('units').select(['id', 'code', 'name', 'valid_to']).where('code', 'in', chunk).execute();
    for (const r of rows)
      result.set(r.code, { id: Number(r.id), code: r.code, name: r.name, inForce: r.valid_to === null || r.valid_to >= today });
  }
  return result;
}

/** One unit, with whether it is in force on `today` (a liaison can only belong to a unit in force). */
export async function findUnitForAccount(db: Db, id: number, today: string): Promise<(AccountUnit & { inForce: boolean }) | null> {
  const r = await db.selectFrom('units').select(['id', 'code', 'name', 'valid_to']).where('id', '=', id).executeTakeFirst();
  return r ? { id: Number(r.id), code: r.code, name: r.name, inForce: r.valid_to === null || r.valid_to >= today } : null;
}
