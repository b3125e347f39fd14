// A province's reads across its cities (issue #14 part 3): the one place a request reads several
// offices' rows in one statement. Every other repository takes the request's office-scoped handle
// (offices/office-scope.ts); a province office holds no data of its own and its landing page compares
// its cities, so these functions go acrossOffices on purpose — and always with
// `office_id in (the cities of this province)`, which the caller computes from the offices table
// (api/src/office-context.ts citiesOf). They read only published results: the publication in force of
// each round and its read models (read-models/), never a draft or an input. Under Citus (docs/scale.md)
// these are the queries that fan out to every shard of the province's cities.
import type { Db } from '../connect';
import { acrossOffices } from '../offices/office-scope';

/** A city's published scored round with its publication in force. */
export interface CityPublishedPeriod {
  officeId: number;
  period: string;
  roundId: number;
  publicationId: number;
  publishedAt: string;
}

/** The unit figures of one publication the province's summary counts. */
export interface CityUnitResult {
  officeId: number;
  publicationId: number;
  /** Points (the read model stores thousandths); null when unscored. */
  final: number | null;
  rank: number | null;
  grade: string | null;
  isFailing: boolean;
}

function requireCities(cityIds: readonly number[]): void {
  if (cityIds.some((id) => !Number.isInteger(id) || id <= 0)) throw new Error('cityIds must be office ids');
}

/**
 * The published quarters of the listed cities, each with its publication in force (the latest of the
 * round), by city and oldest period first. One scored round per quarter and city: the first is kept,
 * as dashboard/listPublishedRounds does for one office.
 */
export async function listCityPublishedPeriods(db: Db, cityIds: readonly number[]): Promise<CityPublishedPeriod[]> {
  requireCities(cityIds);
  if (cityIds.length === 0) return [];
  const rows = await acrossOffices(db)
    .selectFrom('assessment_rounds as r')
    .innerJoin('assessment_publications as p', (join) => join.onRef('p.round_id', '=', 'r.id').onRef('p.office_id', '=', 'r.office_id'))
    .select(['r.office_id', 'r.id as round_id', 'r.period_code', 'p.id as publication_id', 'p.published_at'])
    .where('r.office_id', 'in', [...cityIds])
    .where('r.kind', '!=', 'self')
    .where('r.status', '!=', 'draft')
    .where((eb) =>
      eb(
        'p.sequence',
        '=',
        eb
          .selectFrom('assessment_publications as q')
          .select((e) => e.fn.max('q.sequence').as('m'))
          .whereRef('q.round_id', '=', 'r.id')
          .whereRef('q.office_id', '=', 'r.office_id'),
      ),
    )
    .orderBy('r.office_id')
    .orderBy('r.period_code')
    .orderBy('r.id')
    .execute();
  const seen = new Set<string>();
  const out: CityPublishedPeriod[] = [];
  for (const r of rows) {
    const key = `${r.office_id}:${r.period_code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      officeId: Number(r.office_id),
      period: r.period_code,
      roundId: Number(r.round_id),
      publicationId: Number(r.publication_id),
      publishedAt: r.published_at,
    });
  }
  return out;
}

/** Of the listed (city, publication) pairs, those whose read models are written. */
export async function listCityPublicationsWithReadModels(
  db: Db,
  picks: readonly Pick<CityPublishedPeriod, 'officeId' | 'publicationId'>[],
): Promise<Set<number>> {
  if (picks.length === 0) return new Set();
  requireCities(picks.map((p) => p.officeId));
  const rows = await acrossOffices(db)
    .selectFrom('published_group_stats')
    .select(['office_id', 'publication_id'])
    .distinct()
    .where('office_id', 'in', [...new Set(picks.map((p) => p.officeId))])
    .where(
      'publication_id',
      'in',
      picks.map((p) => p.publicationId),
    )
    .execute();
  const wanted = new Set(picks.map((p) => `${p.officeId}:${p.publicationId}`));
  return new Set(rows.filter((r) => wanted.has(`${r.office_id}:${r.publication_id}`)).map((r) => Number(r.publication_id)));
}

/** The unit rows of the listed (city, publication) pairs, from published_unit_results. */
export async function listCityUnitResults(
  db: Db,
  picks: readonly Pick<CityPublishedPeriod, 'officeId' | 'publicationId'>[],
): Promise<CityUnitResult[]> {
  if (picks.length === 0) return [];
  requireCities(picks.map((p) => p.officeId));
  const rows = await acrossOffices(db)
    .selectFrom('published_unit_results')
    .select(['office_id', 'publication_id', 'final', 'rank', 'grade', 'is_failing'])
    .where('office_id', 'in', [...new Set(picks.map((p) => p.officeId))])
    .where(
      'publication_id',
      'in',
      picks.map((p) => p.publicationId),
    )
    .orderBy('office_id')
    .orderBy('publication_id')
    .orderBy('group_order')
    .orderBy('row_order')
    .execute();
  // A publication id belongs to one office; the pair check keeps a mismatched pick from reading another city's rows.
  const wanted = new Set(picks.map((p) => `${p.officeId}:${p.publicationId}`));
  return rows
    .filter((r) => wanted.has(`${r.office_id}:${r.publication_id}`))
    .map((r) => ({
      officeId: Number(r.office_id),
      publicationId: Number(r.publication_id),
      final: r.final === null ? null : Number(r.final) / 1000,
      rank: r.rank === null ? null : Number(r.rank),
      grade: r.grade,
      isFailing: Number(r.is_failing) === 1,
    }));
}
