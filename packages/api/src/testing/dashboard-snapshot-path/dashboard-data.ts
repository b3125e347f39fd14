// The dashboard as it read publications before the read models (issue #14): every request picked
// the publication in force and read its results (parsed and kept by content hash) or recomputed its
// snapshot. Kept unchanged as the golden reference of dashboard-read-models.golden.test.ts only.
// What every dashboard service reads first: the published quarters, a quarter's results (the
// publication in force), its scheme and pass rule (domain/scoring/pass-line), and on demand the score sheets of one group
// recomputed from the publication's snapshot. A publication never changes, so its parsed results
// and recomputed sheets are kept in memory by content hash (the hash names one content, whatever
// the database): a page reads each snapshot at most once, and repeated views read none.
import { reportTimelinessOf } from '@kaoping/domain/dashboard/report-timeliness';
import { computeSnapshot } from '@kaoping/domain/assessment/publication-snapshot';
import { notFound } from '@kaoping/domain/errors/domain-error';
import { chinaToday } from '@kaoping/domain/period/period';
import type { CompiledScheme } from '@kaoping/domain/scoring/compile-scheme';
import type { GroupResults, PeriodResults, UnitPeriodResult } from '@kaoping/domain/scoring/scoring-result';
import type { Db } from '@kaoping/db/connect';
import { listExpectedReportUnits } from '@kaoping/db/annual-reports/annual-report.repository';
import { findPublicationById } from '@kaoping/db/assessment/publication.repository';
import { findSchemeById, type SchemeRecord } from '@kaoping/db/assessment/scheme.repository';
import {
  listPublishedRounds,
  listReportVersionTimes,
  loadPublicationResults,
  type PublishedRound,
} from '@kaoping/db/dashboard/dashboard.repository';
import { compileStoredScheme } from '../../assessment/round.service';
import { passRuleOf, type PassRule } from '@kaoping/domain/scoring/pass-line';

/** A small least-recently-used map: parsed publications are large, keep only a few. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.size) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.map.delete(oldest);
    }
  }
}

const resultsByHash = new Lru<PeriodResults>(32);
const sheetsByHashAndGroup = new Lru<GroupSheets>(16);

export interface PeriodView {
  round: PublishedRound;
  record: SchemeRecord;
  scheme: CompiledScheme;
  results: PeriodResults;
  rule: PassRule;
}

/** Results of the listed published rounds, by period; one query for those not yet in memory. */
export async function loadResultsOfRounds(db: Db, rounds: readonly PublishedRound[]): Promise<Map<string, PeriodResults>> {
  const out = new Map<string, PeriodResults>();
  const missing: PublishedRound[] = [];
  for (const round of rounds) {
    const cached = resultsByHash.get(round.contentHash);
    if (cached) out.set(round.period, cached);
    else missing.push(round);
  }
  if (missing.length > 0) {
    const loaded = await loadPublicationResults(
      db,
      missing.map((r) => r.publicationId),
    );
    for (const round of missing) {
      const results = loaded.get(round.publicationId);
      if (!results) continue;
      resultsByHash.set(round.contentHash, results);
      out.set(round.period, results);
    }
  }
  return out;
}

const schemesByHash = new Lru<SchemeRecord>(8);

/** The scheme a publication was computed under (frozen since), by its hash. */
async function schemeOf(db: Db, round: PublishedRound): Promise<SchemeRecord> {
  const cached = schemesByHash.get(round.schemeHash);
  if (cached) return cached;
  const record = await findSchemeById(db, round.schemeId);
  if (!record) throw notFound('考核方案不存在');
  // Broken invariants below are server faults (500), not the caller's.
  if (record.contentHash !== round.schemeHash) throw new Error('发布记录与方案不一致');
  schemesByHash.set(record.contentHash, record);
  return record;
}

export async function loadPeriodView(db: Db, round: PublishedRound, preloaded?: PeriodResults): Promise<PeriodView> {
  const results = preloaded ?? (await loadResultsOfRounds(db, [round])).get(round.period);
  if (!results) throw new Error('已发布的轮次缺少发布记录');
  const record = await schemeOf(db, round);
  const scheme = compileStoredScheme(record);
  return { round, record, scheme, results, rule: passRuleOf(scheme) };
}

export interface GroupSheets {
  group: GroupResults<UnitPeriodResult>;
  /** Database ids of the snapshot's findings, by the engine's finding index. */
  findingIds: readonly number[];
}

/**
 * One group of a published quarter with every unit's score sheet: the publication's snapshot
 * recomputed by the engine (the same numbers as the published results), sheets for that group only.
 */
export async function loadGroupSheets(db: Db, view: PeriodView, groupCode: string): Promise<GroupSheets> {
  const key = `${view.round.contentHash}:${groupCode}`;
  const cached = sheetsByHashAndGroup.get(key);
  if (cached) return cached;
  const publication = await findPublicationById(db, view.round.publicationId);
  if (!publication) throw new Error('已发布的轮次缺少发布记录');
  const { snapshot } = publication;
  if (snapshot.scheme.hash !== view.record.contentHash) throw new Error('发布快照与方案不一致');
  const codes = new Set(snapshot.units.filter((u) => u.group === groupCode).map((u) => u.code));
  const computed = computeSnapshot(view.scheme, snapshot, codes);
  if (!computed.ok) throw new Error('发布快照无法重算');
  const group = computed.results.groups.find((g) => g.code === groupCode);
  if (!group) throw notFound(`分组 ${groupCode} 不在本期考评结果中`);
  const entry: GroupSheets = { group, findingIds: snapshot.findings.map((f) => f.id) };
  sheetsByHashAndGroup.set(key, entry);
  return entry;
}

/** Every published quarter with its results, oldest first (for trends and histories). */
export async function loadAllPeriods(db: Db): Promise<{ rounds: PublishedRound[]; results: Map<string, PeriodResults> }> {
  const rounds = await listPublishedRounds(db);
  return { rounds, results: await loadResultsOfRounds(db, rounds) };
}

/** Every unit that owes a report for `year` (or only `unitId`), with its timeliness as of today, and the rates. */
export async function loadReportTimeliness(db: Db, year: number, now: Date, unitId: number | null = null) {
  const [expected, versions] = await Promise.all([listExpectedReportUnits(db, year), listReportVersionTimes(db, year, unitId)]);
  return reportTimelinessOf(year, chinaToday(now), expected, versions, unitId);
}

export { listPublishedRounds };
export type { PublishedRound };
