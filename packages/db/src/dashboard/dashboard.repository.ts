// Read-only queries for the dashboard (issue #6): what the overview, rankings, trends, heat map,
// unit profile and rectification board need beyond the other areas' repositories. Publications
// are append-only, so a publication's results never change once read: the service may keep them
// by content hash. Every query here reads a set at once (no query per unit).
import type { PeriodResults } from '@kaoping/domain/scoring/scoring-result';
import type { Db } from '../connect';
import type { RectificationTimelineItem } from '@kaoping/domain/dashboard/ledger-summary';

/** A scored round (office or third party) that has been published, with its publication in force. */
export interface PublishedRound {
  roundId: number;
  period: string;
  schemeId: number;
  /** SHA-256 of the scheme the publication was computed under. */
  schemeHash: string;
  /** published | locked */
  status: string;
  title: string;
  publicationId: number;
  sequence: number;
  contentHash: string;
  publishedAt: string;
}

/** Every published scored round with the id and hash of its latest publication, oldest period first. */
export async function listPublishedRounds(db: Db): Promise<PublishedRound[]> {
  const rows = await db
    .selectFrom('assessment_rounds as r')
    .innerJoin('assessment_publications as p', 'p.round_id', 'r.id')
    .select([
      'r.id as round_id',
      'r.period_code',
      'r.scheme_id',
      'r.status',
      'r.title',
      'p.id as publication_id',
      'p.scheme_hash',
      'p.sequence',
      'p.content_hash',
      'p.published_at',
    ])
    .where('r.kind', '!=', 'self')
    .where('r.status', '!=', 'draft')
    .where((eb) =>
      eb(
        'p.sequence',
        '=',
        eb
          .selectFrom('assessment_publications as q')
          .select((e) => e.fn.max('q.sequence').as('m'))
          .whereRef('q.round_id', '=', 'r.id'),
      ),
    )
    .orderBy('r.period_code')
    .orderBy('r.id')
    .execute();
  // One scored round per quarter (the assessment area refuses a second); keep the first if not.
  const seen = new Set<string>();
  const out: PublishedRound[] = [];
  for (const r of rows) {
    if (seen.has(r.period_code)) continue;
    seen.add(r.period_code);
    out.push({
      roundId: Number(r.round_id),
      period: r.period_code,
      schemeId: Number(r.scheme_id),
      schemeHash: r.scheme_hash,
      status: r.status,
      title: r.title,
      publicationId: Number(r.publication_id),
      sequence: r.sequence,
      contentHash: r.content_hash,
      publishedAt: r.published_at,
    });
  }
  return out;
}

/** The results (without score sheets) of the listed publications, in one query. */
export async function loadPublicationResults(db: Db, publicationIds: readonly number[]): Promise<Map<number, PeriodResults>> {
  const out = new Map<number, PeriodResults>();
  if (publicationIds.length === 0) return out;
  const rows = await db
    .selectFrom('assessment_publications')
    .select(['id', 'results_json'])
    .where('id', 'in', [...publicationIds])
    .execute();
  for (const r of rows) out.set(Number(r.id), JSON.parse(r.results_json) as PeriodResults);
  return out;
}

/** Unit ids by code for every unit ever registered (codes are unique for all time). */
export async function mapUnitIdsByCode(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('units').select(['id', 'code']).execute();
  return new Map(rows.map((r) => [r.code, Number(r.id)]));
}

/** Active findings per unit of a round. */
export async function countActiveFindingsByUnit(db: Db, roundId: number, unitId: number | null = null): Promise<Map<number, number>> {
  let query = db
    .selectFrom('findings')
    .select(['unit_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .where('status', '=', 'active');
  if (unitId !== null) query = query.where('unit_id', '=', unitId);
  const rows = await query.groupBy('unit_id').execute();
  return new Map(rows.map((r) => [Number(r.unit_id), Number(r.n)]));
}

/** What timeliness needs of each version of a year's reports: no cells, no text. */
export interface ReportVersionTimes {
  unitId: number;
  versionNo: number;
  status: string;
  publishedAt: string | null;
  firstSubmittedAt: string | null;
}

export async function listReportVersionTimes(db: Db, year: number, unitId: number | null = null): Promise<ReportVersionTimes[]> {
  let query = db
    .selectFrom('annual_reports')
    .select(['unit_id', 'version_no', 'status', 'published_at', 'first_submitted_at'])
    .where('year', '=', year);
  if (unitId !== null) query = query.where('unit_id', '=', unitId);
  const rows = await query.orderBy('unit_id').orderBy('version_no').execute();
  return rows.map((r) => ({
    unitId: Number(r.unit_id),
    versionNo: r.version_no,
    status: r.status,
    publishedAt: r.published_at,
    firstSubmittedAt: r.first_submitted_at,
  }));
}

/**
 * Ledger items for the board: all of them, of one unit (a liaison), or of the units in a group
 * (membership of any year). In ledger order.
 */
export async function listRectificationTimeline(
  db: Db,
  filter: { unitId: number | null; groupId: number | null },
): Promise<RectificationTimelineItem[]> {
  let query = db
    .selectFrom('rectification_items as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select([
      'r.id',
      'r.code',
      'r.title',
      'r.unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'r.period',
      'r.status',
      'r.issued_on',
      'r.due_date',
      'r.closed_on',
      'r.cancelled_on',
      'r.first_submitted_on',
      'r.recheck_fail_count',
      'r.explanation_reject_count',
      'r.carried_into',
    ]);
  if (filter.unitId !== null) query = query.where('r.unit_id', '=', filter.unitId);
  if (filter.groupId !== null)
    query = query.where('r.unit_id', 'in', (eb) =>
      eb
        .selectFrom('unit_groups')
        .select('unit_id')
        .where('group_id', '=', filter.groupId as number),
    );
  const rows = await query.orderBy('r.period').orderBy('r.code').execute();
  return rows.map((r) => ({
    id: Number(r.id),
    code: r.code,
    title: r.title,
    unitId: Number(r.unit_id),
    unitCode: r.unit_code,
    unitName: r.unit_name,
    period: r.period,
    status: r.status,
    issuedOn: r.issued_on,
    dueDate: r.due_date,
    closedOn: r.closed_on,
    cancelledOn: r.cancelled_on,
    firstSubmittedOn: r.first_submitted_on,
    recheckFailCount: r.recheck_fail_count,
    explanationRejectCount: r.explanation_reject_count,
    carriedInto: r.carried_into,
  }));
}
