// Publications are append-only: this file inserts and reads them, never updates or deletes.
import type { PeriodResults } from '@kaoping/domain/scoring/scoring-result';
import type { Db } from '../connect';
import type { AssessmentPublicationTable } from './assessment.tables';
import type { PublicationDiff, PublicationSnapshot } from '@kaoping/domain/assessment/publication-snapshot';

export interface PublicationSummary {
  id: number;
  roundId: number;
  sequence: number;
  schemeId: number;
  schemeVersion: number;
  schemeHash: string;
  contentHash: string;
  reason: string;
  diff: PublicationDiff | null;
  previousId: number | null;
  publishedAt: string;
  publishedBy: number | null;
  publishedByName: string;
}

export interface Publication extends PublicationSummary {
  snapshot: PublicationSnapshot;
  results: PeriodResults;
}

type Row = Omit<AssessmentPublicationTable, 'id'> & { id: number };

function toSummary(r: Omit<Row, 'snapshot_json' | 'results_json'>): PublicationSummary {
  return {
    id: Number(r.id),
    roundId: r.round_id,
    sequence: r.sequence,
    schemeId: r.scheme_id,
    schemeVersion: r.scheme_version,
    schemeHash: r.scheme_hash,
    contentHash: r.content_hash,
    reason: r.reason,
    diff: r.diff_json === null ? null : (JSON.parse(r.diff_json) as PublicationDiff),
    previousId: r.previous_id,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    publishedByName: r.published_by_name,
  };
}

function toPublication(r: Row): Publication {
  return {
    ...toSummary(r),
    snapshot: JSON.parse(r.snapshot_json) as PublicationSnapshot,
    results: JSON.parse(r.results_json) as PeriodResults,
  };
}

export interface NewPublication {
  roundId: number;
  sequence: number;
  schemeId: number;
  schemeVersion: number;
  schemeHash: string;
  snapshotJson: string;
  resultsJson: string;
  contentHash: string;
  reason: string;
  diff: PublicationDiff | null;
  previousId: number | null;
  publishedAt: string;
  publishedBy: number | null;
  publishedByName: string;
}

export async function insertPublication(db: Db, p: NewPublication): Promise<PublicationSummary> {
  const row = await db
    .insertInto('assessment_publications')
    .values({
      round_id: p.roundId,
      sequence: p.sequence,
      scheme_id: p.schemeId,
      scheme_version: p.schemeVersion,
      scheme_hash: p.schemeHash,
      snapshot_json: p.snapshotJson,
      results_json: p.resultsJson,
      content_hash: p.contentHash,
      reason: p.reason,
      diff_json: p.diff === null ? null : JSON.stringify(p.diff),
      previous_id: p.previousId,
      published_at: p.publishedAt,
      published_by: p.publishedBy,
      published_by_name: p.publishedByName,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  const { snapshotJson: _s, resultsJson: _r, ...rest } = p;
  return { ...rest, id: Number(row.id) };
}

/** The publication in force for a round: its latest (the original or the last restatement). */
export async function findLatestPublication(db: Db, roundId: number): Promise<Publication | null> {
  const row = await db
    .selectFrom('assessment_publications')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toPublication(row) : null;
}

export async function findPublicationById(db: Db, id: number): Promise<Publication | null> {
  const row = await db.selectFrom('assessment_publications').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toPublication(row) : null;
}

/** Every publication of a round, oldest first, without the (large) snapshot and results. */
export async function listPublications(db: Db, roundId: number): Promise<PublicationSummary[]> {
  const rows = await db
    .selectFrom('assessment_publications')
    .select([
      'id',
      'round_id',
      'sequence',
      'scheme_id',
      'scheme_version',
      'scheme_hash',
      'content_hash',
      'reason',
      'diff_json',
      'previous_id',
      'published_at',
      'published_by',
      'published_by_name',
    ])
    .where('round_id', '=', roundId)
    .orderBy('sequence')
    .execute();
  return rows.map(toSummary);
}

/** The latest publication's results of each listed round (for annual results and rank movement). */
export async function findLatestResultsOfRounds(db: Db, roundIds: readonly number[]): Promise<Map<number, PeriodResults>> {
  const out = new Map<number, PeriodResults>();
  if (roundIds.length === 0) return out;
  const rows = await db
    .selectFrom('assessment_publications as p')
    .select(['p.round_id', 'p.results_json'])
    .where('p.round_id', 'in', [...roundIds])
    .where((eb) =>
      eb(
        'p.sequence',
        '=',
        eb
          .selectFrom('assessment_publications as q')
          .select((e) => e.fn.max('q.sequence').as('m'))
          .whereRef('q.round_id', '=', 'p.round_id'),
      ),
    )
    .execute();
  for (const r of rows) out.set(r.round_id, JSON.parse(r.results_json) as PeriodResults);
  return out;
}
