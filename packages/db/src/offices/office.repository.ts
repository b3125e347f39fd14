import type { Db } from '../connect';

export interface OfficeRecord {
  id: number;
  code: string;
  name: string;
  shortName: string;
  regionName: string;
  kind: 'city' | 'province';
  parentId: number | null;
  setUpAt: string | null;
  version: number;
}

type OfficeRow = {
  id: number;
  code: string;
  name: string;
  short_name: string;
  region_name: string;
  kind: string;
  parent_id: number | null;
  set_up_at: string | null;
  version: number;
};

function toOffice(r: OfficeRow): OfficeRecord {
  return {
    id: Number(r.id),
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    regionName: r.region_name,
    kind: r.kind === 'province' ? 'province' : 'city',
    parentId: r.parent_id === null ? null : Number(r.parent_id),
    setUpAt: r.set_up_at,
    version: Number(r.version),
  };
}

const COLUMNS = ['id', 'code', 'name', 'short_name', 'region_name', 'kind', 'parent_id', 'set_up_at', 'version'] as const;

export async function findOffice(db: Db, id: number): Promise<OfficeRecord | null> {
  const row = await db.selectFrom('offices').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toOffice(row) : null;
}

export async function listOffices(db: Db): Promise<OfficeRecord[]> {
  const rows = await db.selectFrom('offices').select(COLUMNS).orderBy('id').execute();
  return rows.map(toOffice);
}

export async function insertOffice(
  db: Db,
  office: { code: string; name: string; shortName: string; regionName: string; kind: 'city' | 'province'; parentId: number | null },
  now: string,
): Promise<OfficeRecord> {
  const row = await db
    .insertInto('offices')
    .values({
      code: office.code,
      name: office.name,
      short_name: office.shortName,
      region_name: office.regionName,
      kind: office.kind,
      parent_id: office.parentId,
      set_up_at: now,
      created_at: now,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toOffice(row);
}

/** Optimistic update: null when the version no longer matches (someone else saved first). */
export async function updateOfficeDetails(
  db: Db,
  id: number,
  version: number,
  details: { name: string; shortName: string; regionName: string },
  now: string,
): Promise<OfficeRecord | null> {
  const row = await db
    .updateTable('offices')
    .set((eb) => ({
      name: details.name,
      short_name: details.shortName,
      region_name: details.regionName,
      set_up_at: eb.fn.coalesce('set_up_at', eb.val(now)),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(COLUMNS)
    .executeTakeFirst();
  return row ? toOffice(row) : null;
}
