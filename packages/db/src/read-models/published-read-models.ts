// The publication read models (issue #14): per unit and per group of a publication, the figures
// the dashboards read, built once from the publication's results (and the engine's level-1 sheet
// lines) and stored in indexed rows. A publication is append-only, so its rows never change:
// readers pick the publication in force and read its rows, never its snapshot.
import { groupStatsOf, type GroupStats } from '@kaoping/domain/dashboard/group-stats';
import { isFailing, type PassRule } from '@kaoping/domain/scoring/pass-line';
import type { PeriodResults } from '@kaoping/domain/scoring/scoring-result';
import type { Db } from '../connect';
import type { PublishedGroupStatsTable, PublishedUnitResultTable } from './read-models.tables';

// office_id is never named here: the office-scoped handle filters every read and sets it on inserts
// (offices/office-scope.ts); the self-join below keeps it equal on both sides so the join stays on one shard.

export interface Level1Line {
  code: string;
  earned: number;
  applicablePoints: number;
}

export interface PublishedUnitResult {
  publicationId: number;
  period: string;
  group: string;
  groupOrder: number;
  unit: string;
  unitId: number | null;
  name: string;
  final: number | null;
  rank: number | null;
  rankDelta: number | null;
  previousRank: number | null;
  grade: string | null;
  isQuotaDemoted: boolean;
  isVetoFail: boolean;
  isFailing: boolean;
  unscoredReason: string | null;
  /** Codes of triggered vetoes, scheme order. */
  vetoes: string[];
  vetoEvents: { code: string; name: string; note: string }[];
  level1: Level1Line[];
}

export interface PublishedGroupStats {
  publicationId: number;
  period: string;
  groupOrder: number;
  stats: GroupStats;
}

export interface ReadModelSource {
  publicationId: number;
  roundId: number;
  period: string;
  results: PeriodResults;
  /** The same results with score sheets (the engine on the snapshot); level-1 lines come from them. */
  sheets: PeriodResults;
  rule: PassRule;
  /** The publication's previous ranks (movement is against them). */
  previousRanks: readonly { unit: string; group: string; rank: number | null }[];
  unitIds: ReadonlyMap<string, number>;
}

/** A score in thousandths; refuses a value that would not come back unchanged. */
function toMilli(value: number): number {
  const milli = Math.round(value * 1000);
  if (milli / 1000 !== value) throw new Error(`得分 ${value} 超过三位小数,无法写入读模型`);
  return milli;
}

/** The rows of one publication's read models (pure). */
export function buildReadModelRows(source: ReadModelSource): {
  units: PublishedUnitResultTable[];
  groups: PublishedGroupStatsTable[];
} {
  const sheetRows = new Map(source.sheets.groups.flatMap((g) => g.rows.map((r) => [r.unit, r] as const)));
  const previous = new Map(source.previousRanks.map((p) => [p.unit, p.rank] as const));
  const units: PublishedUnitResultTable[] = [];
  const groups: PublishedGroupStatsTable[] = [];
  source.results.groups.forEach((g, groupOrder) => {
    groups.push({
      publication_id: source.publicationId,
      round_id: source.roundId,
      period: source.period,
      group_code: g.code,
      group_name: g.name,
      group_order: groupOrder,
      stats_json: JSON.stringify(groupStatsOf(g, source.rule)),
    });
    g.rows.forEach((r, rowOrder) => {
      const sheet = sheetRows.get(r.unit)?.sheet ?? [];
      units.push({
        publication_id: source.publicationId,
        round_id: source.roundId,
        period: source.period,
        group_code: g.code,
        group_order: groupOrder,
        row_order: rowOrder,
        unit_code: r.unit,
        unit_id: source.unitIds.get(r.unit) ?? null,
        unit_name: r.name,
        final: r.final === null ? null : toMilli(r.final),
        rank: r.rank,
        rank_delta: r.rankDelta,
        previous_rank: previous.get(r.unit) ?? null,
        grade: r.grade,
        is_quota_demoted: r.isQuotaDemoted ? 1 : 0,
        is_veto_fail: r.isVetoFail ? 1 : 0,
        is_failing: isFailing(r, source.rule) ? 1 : 0,
        unscored_reason: r.unscoredReason,
        vetoes_json: JSON.stringify({
          codes: r.vetoes,
          events: r.events.vetoes.map((e) => ({ code: e.code, name: e.name, note: e.note })),
        }),
        level1_json: JSON.stringify(
          sheet.filter((l) => l.level === 1).map((l) => ({ code: l.code, earned: l.earned, applicablePoints: l.applicablePoints })),
        ),
      });
    });
  });
  return { units, groups };
}

/** Rows per insert: well under SQLite's and PostgreSQL's bound on parameters (22 columns a row). */
const CHUNK = 400;

/** Writes one publication's read models (in the caller's transaction, with the publication). */
export async function insertReadModels(db: Db, rows: ReturnType<typeof buildReadModelRows>): Promise<void> {
  for (let i = 0; i < rows.groups.length; i += CHUNK)
    await db
      .insertInto('published_group_stats')
      .values(rows.groups.slice(i, i + CHUNK))
      .execute();
  for (let i = 0; i < rows.units.length; i += CHUNK)
    await db
      .insertInto('published_unit_results')
      .values(rows.units.slice(i, i + CHUNK))
      .execute();
}

/** The listed publications that have their read models (groups are written with the units). */
export async function listPublicationsWithReadModels(db: Db, publicationIds: readonly number[]): Promise<Set<number>> {
  if (publicationIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('published_group_stats')
    .select('publication_id')
    .distinct()
    .where('publication_id', 'in', [...publicationIds])
    .execute();
  return new Set(rows.map((r) => Number(r.publication_id)));
}

/** Group figures of the listed publications, in each publication's group order. */
export async function listPublishedGroupStats(db: Db, publicationIds: readonly number[]): Promise<PublishedGroupStats[]> {
  if (publicationIds.length === 0) return [];
  const rows = await db
    .selectFrom('published_group_stats')
    .select(['publication_id', 'period', 'group_order', 'stats_json'])
    .where('publication_id', 'in', [...publicationIds])
    .orderBy('publication_id')
    .orderBy('group_order')
    .execute();
  return rows.map((r) => ({
    publicationId: Number(r.publication_id),
    period: r.period,
    groupOrder: r.group_order,
    stats: JSON.parse(r.stats_json) as GroupStats,
  }));
}

const unitColumns = [
  'publication_id',
  'period',
  'group_code',
  'group_order',
  'unit_code',
  'unit_id',
  'unit_name',
  'final',
  'rank',
  'rank_delta',
  'previous_rank',
  'grade',
  'is_quota_demoted',
  'is_veto_fail',
  'is_failing',
  'unscored_reason',
  'vetoes_json',
] as const;

type UnitRow = Pick<PublishedUnitResultTable, (typeof unitColumns)[number]> & { level1_json?: string };

function toUnitResult(r: UnitRow): PublishedUnitResult {
  const vetoes = JSON.parse(r.vetoes_json) as { codes: string[]; events: PublishedUnitResult['vetoEvents'] };
  return {
    publicationId: Number(r.publication_id),
    period: r.period,
    group: r.group_code,
    groupOrder: r.group_order,
    unit: r.unit_code,
    unitId: r.unit_id === null ? null : Number(r.unit_id),
    name: r.unit_name,
    final: r.final === null ? null : r.final / 1000,
    rank: r.rank,
    rankDelta: r.rank_delta,
    previousRank: r.previous_rank,
    grade: r.grade,
    isQuotaDemoted: r.is_quota_demoted === 1,
    isVetoFail: r.is_veto_fail === 1,
    isFailing: r.is_failing === 1,
    unscoredReason: r.unscored_reason,
    vetoes: vetoes.codes,
    vetoEvents: vetoes.events,
    level1: r.level1_json === undefined ? [] : (JSON.parse(r.level1_json) as Level1Line[]),
  };
}

/**
 * Unit rows of the listed publications (optionally one group; level-1 lines on request), in
 * publication, group and rank order.
 */
export async function listPublishedUnitResults(
  db: Db,
  publicationIds: readonly number[],
  options: { group?: string; level1?: boolean } = {},
): Promise<PublishedUnitResult[]> {
  if (publicationIds.length === 0) return [];
  let query = db
    .selectFrom('published_unit_results')
    .select([...unitColumns])
    .where('publication_id', 'in', [...publicationIds]);
  if (options.group !== undefined) query = query.where('group_code', '=', options.group);
  const ordered = query.orderBy('publication_id').orderBy('group_order').orderBy('row_order');
  const rows = options.level1 ? await ordered.select('level1_json').execute() : await ordered.execute();
  return rows.map(toUnitResult);
}

/** One unit's rows in the listed publications (its history), by the unit index. */
export async function listUnitPublishedResults(
  db: Db,
  unitCode: string,
  publicationIds: readonly number[],
): Promise<PublishedUnitResult[]> {
  if (publicationIds.length === 0) return [];
  const rows = await db
    .selectFrom('published_unit_results')
    .select([...unitColumns])
    .where('unit_code', '=', unitCode)
    .where('publication_id', 'in', [...publicationIds])
    .orderBy('publication_id')
    .execute();
  return rows.map(toUnitResult);
}

/** The finals of a group's units in another publication (the previous quarter's), by unit code. */
export async function mapFinalsInPublication(
  db: Db,
  publicationId: number,
  group: string,
  otherPublicationId: number,
): Promise<Map<string, number | null>> {
  const rows = await db
    .selectFrom('published_unit_results as c')
    .innerJoin('published_unit_results as p', (j) =>
      j.onRef('p.office_id', '=', 'c.office_id').onRef('p.unit_code', '=', 'c.unit_code').on('p.publication_id', '=', otherPublicationId),
    )
    .select(['c.unit_code', 'p.final'])
    .where('c.publication_id', '=', publicationId)
    .where('c.group_code', '=', group)
    .execute();
  return new Map(rows.map((r) => [r.unit_code, r.final === null ? null : r.final / 1000]));
}
