// What every dashboard service reads first: the published quarters (each with its read models,
// db/read-models, built at publication or once on first read), a quarter's scheme and pass rule
// (domain/scoring/pass-line), and on demand a quarter's full results or the score sheets of one
// group recomputed from the publication's snapshot (the profile's explanation). A publication never
// changes, so parsed results and recomputed sheets are kept in memory by content hash (the hash
// names one content, whatever the database).
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
import { compileStoredScheme } from '../assessment/round.service';
import { passRuleOf, type PassRule } from '@kaoping/domain/scoring/pass-line';
import { LRUCache } from 'lru-cache';
import { ensureReadModels } from './read-models';
import { readOfficeDataVersion } from '@kaoping/db/dashboard/database-version';

// Immutable data only (issue #14 Part 2: safe with several processes): keyed by content hashes.
// Parsed results are large (a 3,300-unit quarter is megabytes): only the overview's changes and
// the profile's sheets still read them, so few are kept.
const resultsByHash = new LRUCache<string, PeriodResults>({ max: 4 });
// Score sheets are the largest thing kept (a 3,300-unit group × 120 lines): bounded by an estimate of their size.
const SHEET_LINE_BYTES = 400;
const sheetsByHashAndGroup = new LRUCache<string, GroupSheets>({
  max: 8,
  maxSize: 128 * 1024 * 1024,
  sizeCalculation: (entry) => Math.max(1, entry.group.rows.reduce((n, r) => n + (r.sheet?.length ?? 1), 0) * SHEET_LINE_BYTES),
});

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

const schemesByHash = new LRUCache<string, SchemeRecord>({ max: 8 });

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

/** What a publication was computed under: its scheme (compiled, cached by hash) and pass rule. */
export interface SchemeView {
  round: PublishedRound;
  record: SchemeRecord;
  scheme: CompiledScheme;
  rule: PassRule;
}

export async function loadSchemeView(db: Db, round: PublishedRound): Promise<SchemeView> {
  const record = await schemeOf(db, round);
  const scheme = compileStoredScheme(record);
  return { round, record, scheme, rule: passRuleOf(scheme) };
}

/** The published quarters (oldest first), each with its read models built (once, on first read). */
export async function listPublishedRoundsWithReadModels(db: Db): Promise<PublishedRound[]> {
  const rounds = await listPublishedRounds(db);
  await ensureReadModels(db, rounds);
  return rounds;
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
export async function loadGroupSheets(db: Db, view: SchemeView, groupCode: string): Promise<GroupSheets> {
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
  // One unit's row depends on that unit only, so only it is read (a unit's page asks for five years).
  const [expected, versions] = await Promise.all([listExpectedReportUnits(db, year, unitId), listReportVersionTimes(db, year, unitId)]);
  return reportTimelinessOf(year, chinaToday(now), expected, versions, unitId);
}

export { listPublishedRounds };
export type { PublishedRound };

// Answers kept while the office's data is unchanged (db/dashboard/database-version: a counter the
// database bumps, in the writing transaction, with every change of what these answers read, from
// any process; per office, so another office's writes, score entry or session touches leave it).
// The version is read before computing (by the HTTP host with the session, or here), so a write
// landing meanwhile can only make a kept answer newer than its key. The key must name everything
// else the answer depends on (input, today's date, the caller's scope); access is checked before.
// Handles are per office (scopeToOffice): the key names the handle, so offices (and databases, in
// tests) never share an answer. One cache for every office, bounded in bytes (a province holds 13
// cities' answers; a 3,300-unit ranking is half a megabyte): the size is estimated once, when kept.
const handleNumbers = new WeakMap<Db, number>();
let nextHandleNumber = 1;
const KEPT_MAX_BYTES = 64 * 1024 * 1024;
const kept = new LRUCache<string, object>({
  max: 2048,
  maxSize: KEPT_MAX_BYTES,
  // Two bytes a character of its JSON, twice over for the objects: a rough upper estimate.
  sizeCalculation: (value) => Math.min(KEPT_MAX_BYTES, Math.max(1, JSON.stringify(value).length * 4)),
});

const computing = new Map<string, Promise<object>>();

function handleNumberOf(db: Db): number {
  let n = handleNumbers.get(db);
  if (n === undefined) {
    n = nextHandleNumber++;
    handleNumbers.set(db, n);
  }
  return n;
}

/** Where a service gets the office's data version: the request's (read with its session), else read from `db`. */
export type DataVersionSource = () => Promise<string | null>;

export async function keptWhileUnchanged<T extends object>(
  db: Db,
  key: string,
  compute: () => Promise<T>,
  versionOf?: DataVersionSource,
): Promise<T> {
  const version = versionOf ? await versionOf() : await readOfficeDataVersion(db);
  if (version === null) return compute();
  const versioned = `${handleNumberOf(db)}|${version}|${key}`;
  const found = kept.get(versioned);
  if (found) return found as T;
  // Requests arriving while the answer is computed wait for that computation instead of repeating it.
  const pending = computing.get(versioned);
  if (pending) return (await pending) as T;
  const promise = compute();
  computing.set(versioned, promise);
  try {
    const value = await promise;
    kept.set(versioned, value);
    return value;
  } finally {
    computing.delete(versioned);
  }
}
