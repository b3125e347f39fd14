// Building blocks of the generated offices the benches load (the 3,300-unit bench city, the
// 13-city province): bulk inserts that stay under both dialects' bound on statement parameters,
// a simple scheme of manual level-1 indicators, generated scores, and the publication of a draft
// round with its read models written in the same transaction (what the app's publication writes;
// see api/src/assessment/publication.service.ts). Each takes an office-scoped handle.
import { schemeSchema, type Scheme } from '@kaoping/contracts/scoring/scheme';
import type { UnitKind } from '@kaoping/contracts/units/unit';
import { buildSnapshot, canonicalJson, computeSnapshot, ranksOf } from '@kaoping/domain/assessment/publication-snapshot';
import { addDays } from '@kaoping/domain/calendar/china-date';
import { parsePeriod, periodDateRange, previousPeriod } from '@kaoping/domain/period/period';
import { compileScheme, type CompiledScheme } from '@kaoping/domain/scoring/compile-scheme';
import { computePeriodResults } from '@kaoping/domain/scoring/compute-period';
import { milliToNumber } from '@kaoping/domain/scoring/decimal';
import { passRuleOf } from '@kaoping/domain/scoring/pass-line';
import { PostgresAdapter, sql, type InsertObject } from 'kysely';
import type { Db } from '../connect';
import type { Database } from '../schema';
import type { ScoreWrite } from '../assessment/assessment-input.repository';
import { hashPublication, sha256Hex } from '../assessment/publication-snapshot';
import { findLatestResultsOfRounds, insertPublication } from '../assessment/publication.repository';
import { loadRoundScoringInputs } from '../assessment/round-inputs.repository';
import { findRoundById, findScoredRoundOfPeriod, markRoundPublished } from '../assessment/round.repository';
import { findSchemeById, freezeScheme, insertScheme, type SchemeRecord } from '../assessment/scheme.repository';
import { mapUnitIdsByCode } from '../dashboard/dashboard.repository';
import type { Random } from '../demo/random';
import { acrossOffices, OFFICE_COLUMN, officeOf } from '../offices/office-scope';
import { insertGroup } from '../org/group.repository';
import { insertPeriod } from '../org/period.repository';
import { buildReadModelRows, insertReadModels } from '../read-models/published-read-models';

export const INDICATOR_NAMES = [
  '主动公开',
  '依申请公开',
  '平台建设',
  '政策解读',
  '回应关切',
  '监督保障',
  '基层公开',
  '重点领域',
  '公开目录',
  '年度报告',
  '新媒体',
  '整改落实',
  '公众参与',
  '标准化建设',
  '保密审查',
  '培训考核',
];

export interface GeneratedGroup {
  code: string;
  name: string;
}

export interface GeneratedUnit {
  code: string;
  name: string;
  kind: UnitKind;
  group: string;
}

/** A scheme of `indicators` level-1 indicators, each one manual leaf, summing to 100; 30 % 优秀 quota. */
export function buildGeneratedScheme(options: {
  code: string;
  title: string;
  year: number;
  groups: readonly GeneratedGroup[];
  indicators: number;
}): Scheme {
  const { indicators } = options;
  const base = Math.floor(100 / indicators);
  const extra = 100 - base * indicators;
  return {
    code: options.code,
    title: options.title,
    year: options.year,
    groups: options.groups.map((g) => ({ code: g.code, name: g.name })),
    indicators: Array.from({ length: indicators }, (_, i) => {
      const points = base + (i < extra ? 1 : 0);
      const name = INDICATOR_NAMES[i] ?? `指标${i + 1}`;
      return {
        code: String(i + 1),
        name,
        points,
        children: [{ code: `${i + 1}.1`, name: `${name}评分`, points, rule: { kind: 'manual' as const } }],
      };
    }),
    vetoes: [],
    majorDeductions: [],
    grading: {
      bands: [
        { grade: '优秀', min: 90 },
        { grade: '良好', min: 80 },
        { grade: '合格', min: 60 },
        { grade: '不合格', min: 0 },
      ],
      quota: { grade: '优秀', maxPct: 30 },
    },
  };
}

/** Both dialects bound the parameters of one statement (SQLite 32,766, PostgreSQL 65,535). */
const MAX_PARAMETERS = 30_000;

/** Rows per statement on PostgreSQL, sent as one JSON parameter. */
const JSON_ROWS = 20_000;

/**
 * Bulk inserts into an office table through an office-scoped handle. PostgreSQL: the rows as one JSON
 * parameter expanded by `json_populate_recordset` with the table's own row type (far faster than
 * binding every value), office_id set to the handle's office. Otherwise multi-row inserts, as many rows
 * per statement as the parameter bound allows (the scope adds office_id).
 */
export async function insertInChunks<T extends keyof Database & string>(
  db: Db,
  table: T,
  rows: readonly InsertObject<Database, T>[],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const officeId = officeOf(db);
  if (officeId === null) throw new Error(`insert into ${table}: needs an office-scoped handle`);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const columns = sql.join([...Object.keys(first), OFFICE_COLUMN].map((c) => sql.ref(c)));
    // Raw SQL names the office explicitly (the scope cannot rewrite raw text): across offices, office_id in every row.
    const across = acrossOffices(db);
    for (let i = 0; i < rows.length; i += JSON_ROWS) {
      const json = JSON.stringify(rows.slice(i, i + JSON_ROWS).map((r) => ({ ...r, [OFFICE_COLUMN]: officeId })));
      await sql`insert into ${sql.table(table)} (${columns}) select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${json}::json)`.execute(
        across,
      );
    }
    return;
  }
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / (Object.keys(first).length + 1)));
  for (let i = 0; i < rows.length; i += size) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as InsertObject<Database, T>[])
      .execute();
  }
}

/**
 * The office's groups for each year, its units (valid since 2019) and their group in each year.
 * Returns the unit ids in the order given and the group ids keyed `${year}:${code}`.
 */
export async function insertGeneratedUnits(
  db: Db,
  input: { groups: readonly GeneratedGroup[]; units: readonly GeneratedUnit[]; years: readonly number[] },
  at: string,
): Promise<{ unitIds: number[]; groupIds: Map<string, number> }> {
  const groupIds = new Map<string, number>();
  for (const year of input.years) {
    for (const [i, g] of input.groups.entries())
      groupIds.set(`${year}:${g.code}`, await insertGroup(db, { year, code: g.code, name: g.name, sortOrder: i + 1 }));
  }
  await insertInChunks(
    db,
    'units',
    input.units.map((u) => ({
      code: u.code,
      name: u.name,
      kind: u.kind,
      parent_id: null,
      tags: '[]',
      valid_from: '2019-01-01',
      valid_to: null,
      successor_id: null,
      note: '',
      version: 1,
      created_at: at,
      updated_at: at,
    })),
  );
  const idByCode = await mapUnitIdsByCode(db);
  const unitIds = input.units.map((u) => {
    const id = idByCode.get(u.code);
    if (id === undefined) throw new Error(`unit ${u.code} was not inserted`);
    return id;
  });
  await insertInChunks(
    db,
    'unit_groups',
    input.years.flatMap((year) =>
      input.units.map((u, i) => ({ unit_id: unitIds[i] ?? 0, year, group_id: groupIds.get(`${year}:${u.group}`) ?? 0 })),
    ),
  );
  return { unitIds, groupIds };
}

/** Quarter periods: closed once over at `now`, else open. */
export async function insertQuarterPeriods(db: Db, codes: readonly string[], now: Date): Promise<void> {
  const today = now.toISOString().slice(0, 10);
  for (const code of codes) {
    const period = parsePeriod(code);
    if (!period || period.kind !== 'quarter') throw new Error(`not a quarter: ${code}`);
    const { start, end } = periodDateRange(period);
    const status = end < today ? 'closed' : 'open';
    await insertPeriod(db, { code, kind: 'quarter', year: period.year, startDate: start, endDate: end, status }, now.toISOString());
  }
}

/** Stores a scheme as an import would (pretty JSON, its SHA-256) and compiles it. */
export async function storeGeneratedScheme(
  db: Db,
  scheme: Scheme,
  at: string,
): Promise<{ record: SchemeRecord; compiled: CompiledScheme }> {
  const parsed = schemeSchema.parse(scheme);
  const compiled = compileScheme(parsed);
  if (!compiled.ok) throw new Error(`generated scheme ${scheme.code}: ${compiled.issues.join('; ')}`);
  const json = `${JSON.stringify(parsed, null, 2)}\n`;
  const record = await insertScheme(
    db,
    { year: parsed.year, code: parsed.code, title: parsed.title, json, contentHash: sha256Hex(json) },
    at,
  );
  return { record, compiled: compiled.scheme };
}

/**
 * One quarter's score cells: each unit's quality drifts a little from the last quarter's (the map is
 * updated), each manual leaf gets points near quality × its points, in half points.
 */
export function generateQuarterScores(
  scheme: CompiledScheme,
  unitIds: readonly number[],
  quality: Map<number, number>,
  random: Random,
): ScoreWrite[] {
  const cells: ScoreWrite[] = [];
  for (const unitId of unitIds) {
    const q = Math.min(0.99, Math.max(0.3, (quality.get(unitId) ?? 0.8) + (random.next() - 0.5) * 0.12));
    quality.set(unitId, q);
    for (const leaf of scheme.leaves) {
      const points = milliToNumber(leaf.points);
      const value = Math.max(0, Math.min(points, Math.round(points * (q + (random.next() - 0.5) * 0.3) * 2) / 2));
      cells.push({ unitId, leaf: leaf.code, value: String(value), naReason: '', evidence: '', source: 'import' });
    }
  }
  return cells;
}

/** A fresh round's cells in bulk (no conflict handling: the round has none yet). */
export async function insertRoundScores(db: Db, roundId: number, cells: readonly ScoreWrite[], at: string): Promise<void> {
  await insertInChunks(
    db,
    'assessment_scores',
    cells.map((c) => ({
      round_id: roundId,
      unit_id: c.unitId,
      leaf_code: c.leaf,
      value: c.value ?? '',
      na_reason: c.naReason,
      evidence: c.evidence,
      source: c.source,
      entered_by: null,
      entered_at: at,
    })),
  );
}

const compiledByHash = new Map<string, CompiledScheme>();

function compileRecord(record: SchemeRecord): CompiledScheme {
  const kept = compiledByHash.get(record.contentHash);
  if (kept) return kept;
  const compiled = compileScheme(schemeSchema.parse(record.scheme));
  if (!compiled.ok) throw new Error(`scheme ${record.code}: ${compiled.issues.join('; ')}`);
  compiledByHash.set(record.contentHash, compiled.scheme);
  return compiled.scheme;
}

/**
 * Publishes a complete draft round in the caller's transaction as the app does (publication.service.ts
 * publishRound): results against the previous quarter's publication, the snapshot and its hash, the
 * read models (per unit and per group), the round marked published and its scheme frozen. No audit
 * entry (the seeders' publications have no acting user); the app's own path is used where one is wanted.
 */
export async function publishRoundDirectly(
  trx: Db,
  roundId: number,
  publishedAt: string,
  by: { id: number | null; name: string },
): Promise<{ publicationId: number }> {
  const round = await findRoundById(trx, roundId);
  if (!round || round.status !== 'draft') throw new Error(`round ${roundId} is not a draft`);
  const record = await findSchemeById(trx, round.schemeId);
  if (!record) throw new Error(`round ${roundId}: no scheme`);
  const scheme = compileRecord(record);
  const loaded = await loadRoundScoringInputs(
    trx,
    round,
    scheme.groups.map((g) => g.code),
  );
  const previous = await findScoredRoundOfPeriod(trx, previousPeriod(round.period).code);
  const previousResults =
    previous && previous.status !== 'draft' ? (await findLatestResultsOfRounds(trx, [previous.id])).get(previous.id) : undefined;
  const previousRanks = previousResults ? ranksOf(previousResults) : [];
  const computed = computePeriodResults(scheme, round.periodCode, loaded.inputs, { previousRanks, breakdown: false });
  if (!computed.ok) throw new Error(`${round.periodCode}: ${JSON.stringify(computed.issues.slice(0, 3))}`);
  const snapshot = buildSnapshot(round, record, loaded, previousRanks);
  const results = computed.results;
  const publication = await insertPublication(trx, {
    roundId: round.id,
    sequence: 1,
    schemeId: record.id,
    schemeVersion: record.version,
    schemeHash: record.contentHash,
    snapshotJson: canonicalJson(snapshot),
    resultsJson: canonicalJson(results),
    contentHash: hashPublication(snapshot, results),
    reason: '',
    diff: null,
    previousId: null,
    publishedAt,
    publishedBy: by.id,
    publishedByName: by.name,
  });
  const sheets = computeSnapshot(scheme, snapshot, true);
  if (!sheets.ok) throw new Error(`${round.periodCode}: the snapshot does not recompute`);
  await insertReadModels(
    trx,
    buildReadModelRows({
      publicationId: publication.id,
      roundId: round.id,
      period: round.periodCode,
      results,
      sheets: sheets.results,
      rule: passRuleOf(scheme),
      previousRanks,
      unitIds: new Map(loaded.units.map((u) => [u.code, u.id])),
    }),
  );
  const marked = await markRoundPublished(trx, round.id, round.version, {
    publishedAt,
    objectionDeadline: addDays(publishedAt.slice(0, 10), round.objectionDays),
  });
  if (!marked) throw new Error(`${round.periodCode}: could not publish`);
  await freezeScheme(trx, record.id, publishedAt);
  return { publicationId: publication.id };
}
