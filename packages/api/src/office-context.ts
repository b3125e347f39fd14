import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { Db } from '@kaoping/db/connect';
import { acrossOffices, scopeToOffice } from '@kaoping/db/offices/office-scope';
import { findOffice, listOffices, type OfficeRecord } from '@kaoping/db/offices/office.repository';

/** The office every single-office deployment has (created by the offices migration). */
export const DEPLOYMENT_OFFICE_ID = 1;

/** The request header a province account names the city it reads with (the dashboard's office picker). */
export const OFFICE_HEADER = 'x-kaoping-office';

/**
 * What a province account may call: the published results of one of its cities, read-only. Every other
 * procedure answers FORBIDDEN for it (trpc.ts), whatever its role.
 */
export const PROVINCE_PATHS: ReadonlySet<string> = new Set([
  'auth.me',
  'auth.logout',
  'users.changeOwnPassword',
  // 我的账号: the account's own sessions (its own office's rows; the dashboard sends no city with these).
  'users.mySessions',
  'users.endMySession',
  'users.signOutEverywhere',
  'province.cities',
  'province.summary',
  'dashboard.periods',
  'dashboard.overview',
  'dashboard.ranking',
  // The ranking page's other tabs: the same published results of the city, across groups, by indicator, over the quarters.
  'dashboard.crossGroup',
  'dashboard.heatMap',
  'dashboard.groupTrends',
]);

/**
 * The database handle of a request: a signed-in user's requests see only their office's rows
 * (offices/office-scope.ts); without a user it stays the root handle, which refuses office tables,
 * so a public procedure reaches office data only through an explicit `acrossOffices`.
 */
export function requestDb(root: Db, user: Pick<SessionUser, 'officeId'> | null): Db {
  return user ? scopeToOffice(root, user.officeId) : root;
}

/** The cities of a province office (empty for a city office). */
export async function citiesOf(root: Db, provinceId: number): Promise<OfficeRecord[]> {
  return (await listOffices(acrossOffices(root))).filter((o) => o.kind === 'city' && o.parentId === provinceId);
}

/**
 * The handle of a request that may name an office (OFFICE_HEADER): a province account reading one of
 * its cities gets that city's handle; naming no city, its own (empty) office. Null when the office named
 * is not one the user may read (a city account may only name its own office).
 */
export async function requestDbFor(
  root: Db,
  user: Pick<SessionUser, 'officeId' | 'officeKind'> | null,
  requested: number | null,
): Promise<Db | null> {
  if (user === null || requested === null || requested === user.officeId) return requestDb(root, user);
  if (user.officeKind !== 'province') return null;
  const office = await findOffice(acrossOffices(root), requested);
  if (office === null || office.kind !== 'city' || office.parentId !== user.officeId) return null;
  return scopeToOffice(root, office.id);
}

/** Background work (reminders, site-check workers) runs office by office, each on its own scoped handle. */
export async function forEachOffice<T>(root: Db, work: (db: Db, office: OfficeRecord) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (const office of await listOffices(acrossOffices(root))) {
    if (office.kind !== 'city') continue; // a province office holds no data of its own; it reads its cities'
    results.push(await work(scopeToOffice(root, office.id), office));
  }
  return results;
}
