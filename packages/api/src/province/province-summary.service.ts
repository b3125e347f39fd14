// province.summary: each city of the signed-in province with the figures of its latest published
// quarter (or the one asked), read across the cities by db/province (the one repository allowed to).
import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { Period } from '@kaoping/domain/period/period';
import type { Db } from '@kaoping/db/connect';
import { scopeToOffice } from '@kaoping/db/offices/office-scope';
import {
  listCityPublicationsWithReadModels,
  listCityPublishedPeriods,
  listCityUnitResults,
  type CityPublishedPeriod,
} from '@kaoping/db/province/province-read.repository';
import { listPublishedRoundsWithReadModels } from '../dashboard/dashboard-data';
import { citiesOf } from '../office-context';
import { summarizeProvince, type ProvinceSummary } from './province-summary';

export async function getProvinceSummary(
  db: Db,
  user: Pick<SessionUser, 'officeId' | 'officeKind'>,
  input: { period: Period | null },
): Promise<ProvinceSummary> {
  const period = input.period?.code ?? null;
  // A city account reads no other office: nothing to summarise.
  if (user.officeKind !== 'province') return { period, periods: [], grades: [], cities: [] };
  const cities = (await citiesOf(db, user.officeId)).map((o) => ({
    id: o.id,
    name: o.name,
    shortName: o.shortName,
    regionName: o.regionName,
  }));
  const published = await listCityPublishedPeriods(
    db,
    cities.map((c) => c.id),
  );
  const picks = new Map<number, CityPublishedPeriod>();
  for (const p of published) if (period === null || p.period === period) picks.set(p.officeId, p); // oldest first: the last is the latest
  // Read models of publications older than them are built on first read, city by city, on the city's own handle.
  const present = await listCityPublicationsWithReadModels(db, [...picks.values()]);
  for (const pick of picks.values())
    if (!present.has(pick.publicationId)) await listPublishedRoundsWithReadModels(scopeToOffice(db, pick.officeId));
  const rows = await listCityUnitResults(db, [...picks.values()]);
  return summarizeProvince(
    period,
    published.map((p) => p.period),
    cities,
    picks,
    rows,
  );
}
