// Results of a round: live from the current inputs while it is a draft, from the publication
// in force once published. One computation: the domain engine (`computePeriodResults`).
import { invalidInput, notFound } from '@kaoping/domain/errors/domain-error';
import { previousPeriod, type Period } from '@kaoping/domain/period/period';
import type { CompiledScheme } from '@kaoping/domain/scoring/compile-scheme';
import { computeAnnualResults, listAnnualPeriods } from '@kaoping/domain/scoring/compute-annual';
import { computePeriodResults, type ComputePeriodResult } from '@kaoping/domain/scoring/compute-period';
import type { InputIssue, PreviousRank } from '@kaoping/domain/scoring/scoring-inputs';
import type { PeriodResults, PointLoss, SheetRow, UnitPeriodResult } from '@kaoping/domain/scoring/scoring-result';
import type { Db } from '@kaoping/db/connect';
import { findRectificationOfFindings, listRoundFindings } from '@kaoping/db/assessment/assessment-input.repository';
import { listObjections } from '@kaoping/db/assessment/objection.repository';
import { computeSnapshot, ranksOf, type PublicationSnapshot } from '@kaoping/domain/assessment/publication-snapshot';
import {
  findLatestPublication,
  findLatestResultsOfRounds,
  listPublications,
  type Publication,
} from '@kaoping/db/assessment/publication.repository';
import {
  listAssessedUnits,
  loadRoundScoringInputs,
  type RoundScoringInputs,
  type RoundUnit,
} from '@kaoping/db/assessment/round-inputs.repository';
import { findScoredRoundOfPeriod, type AssessmentRound } from '@kaoping/db/assessment/round.repository';
import { findSchemeByYear, type SchemeRecord } from '@kaoping/db/assessment/scheme.repository';
import { assertCanSeeUnit } from '../scope';
import { assertRoundVisible, compileStoredScheme, requireRound, requireRoundScheme, type Authed } from './round.service';
import { milliToNumber } from '@kaoping/domain/scoring/decimal';

/** Ranks of the previous quarter's publication in force (for rank movement); none if unpublished. */
export async function previousRanksFor(db: Db, period: Period): Promise<PreviousRank[]> {
  const previous = await findScoredRoundOfPeriod(db, previousPeriod(period).code);
  if (!previous || previous.status === 'draft') return [];
  const results = (await findLatestResultsOfRounds(db, [previous.id])).get(previous.id);
  return results ? ranksOf(results) : [];
}

export interface LiveComputation {
  record: SchemeRecord;
  scheme: CompiledScheme;
  loaded: RoundScoringInputs;
  previousRanks: PreviousRank[];
  result: ComputePeriodResult;
}

/** Computes a round from its current inputs. */
export async function computeRoundLive(
  db: Db,
  round: AssessmentRound,
  options: { breakdown: boolean; previousRanks?: PreviousRank[] },
): Promise<LiveComputation> {
  const { record, scheme } = await requireRoundScheme(db, round);
  const loaded = await loadRoundScoringInputs(
    db,
    round,
    scheme.groups.map((g) => g.code),
  );
  const previousRanks = options.previousRanks ?? (await previousRanksFor(db, round.period));
  const result = computePeriodResults(scheme, round.periodCode, loaded.inputs, { previousRanks, breakdown: options.breakdown });
  return { record, scheme, loaded, previousRanks, result };
}

/** The engine's input issues in words a person can act on (unit, indicator, reason). */
export function describeIssues(issues: readonly InputIssue[], loaded: Pick<RoundScoringInputs, 'inputs'>): string[] {
  return issues.map((issue) => {
    const rows: readonly { unit: string }[] | undefined =
      issue.source === 'units' ? undefined : (loaded.inputs[issue.source] as readonly { unit: string }[] | undefined);
    const unit = rows?.[issue.index]?.unit;
    return unit ? `单位 ${unit}:${issue.message}` : issue.message;
  });
}

export interface ResultRow {
  unitId: number | null;
  unit: string;
  name: string;
  group: string;
  base: number;
  applicableMax: number;
  major: number;
  bonus: number;
  normalized: number | null;
  final: number | null;
  rank: number | null;
  rankDelta: number | null;
  grade: string | null;
  isQuotaDemoted: boolean;
  isVetoFail: boolean;
  vetoes: { code: string; name: string }[];
  bonusItems: { code: string; name: string }[];
  majorItems: { code: string; name: string }[];
  complete: boolean;
  missing: string[];
  unscoredReason: string | null;
}

function toResultRow(row: UnitPeriodResult, unitIds: ReadonlyMap<string, number>): ResultRow {
  const brief = (events: { code: string; name: string }[]) => events.map((e) => ({ code: e.code, name: e.name }));
  return {
    unitId: unitIds.get(row.unit) ?? null,
    unit: row.unit,
    name: row.name,
    group: row.group,
    base: row.base,
    applicableMax: row.applicableMax,
    major: row.major,
    bonus: row.bonus,
    normalized: row.normalized,
    final: row.final,
    rank: row.rank,
    rankDelta: row.rankDelta,
    grade: row.grade,
    isQuotaDemoted: row.isQuotaDemoted,
    isVetoFail: row.isVetoFail,
    vetoes: brief(row.events.vetoes),
    bonusItems: brief(row.events.bonus),
    majorItems: brief(row.events.major),
    complete: row.complete,
    missing: row.missing,
    unscoredReason: row.unscoredReason,
  };
}

export interface Completeness {
  units: number;
  complete: number;
  incomplete: { unit: string; name: string; group: string; missing: string[] }[];
}

export function completenessOf(results: PeriodResults): Completeness {
  const rows = results.groups.flatMap((g) => g.rows);
  const incomplete = rows.filter((r) => !r.complete).map((r) => ({ unit: r.unit, name: r.name, group: r.group, missing: r.missing }));
  return { units: rows.length, complete: rows.length - incomplete.length, incomplete };
}

function groupsView(results: PeriodResults, units: readonly RoundUnit[]) {
  const unitIds = new Map(units.map((u) => [u.code, u.id]));
  return results.groups.map((g) => ({ code: g.code, name: g.name, rows: g.rows.map((r) => toResultRow(r, unitIds)) }));
}

function publicationBrief(p: Publication) {
  return {
    id: p.id,
    sequence: p.sequence,
    contentHash: p.contentHash,
    publishedAt: p.publishedAt,
    publishedByName: p.publishedByName,
    reason: p.reason,
  };
}

/** Results of a round for the results page: the publication in force, or live for a draft. */
export async function getRoundResults(ctx: Authed, roundId: number) {
  const round = await requireRound(ctx.db, roundId);
  if (round.status !== 'draft') {
    const publication = await findLatestPublication(ctx.db, round.id);
    if (!publication) throw new Error('已发布的轮次缺少发布记录');
    return {
      round,
      source: 'publication' as const,
      publication: publicationBrief(publication),
      groups: groupsView(publication.results, publication.snapshot.units),
      completeness: completenessOf(publication.results),
      issues: [] as string[],
    };
  }
  const live = await computeRoundLive(ctx.db, round, { breakdown: false });
  if (!live.result.ok) {
    return {
      round,
      source: 'live' as const,
      publication: null,
      groups: [],
      completeness: { units: live.loaded.units.length, complete: 0, incomplete: [] },
      issues: describeIssues(live.result.issues, live.loaded),
    };
  }
  return {
    round,
    source: 'live' as const,
    publication: null,
    groups: groupsView(live.result.results, live.loaded.units),
    completeness: completenessOf(live.result.results),
    issues: [] as string[],
  };
}

export type SheetLoss = PointLoss & { findingId: number | null };

export interface SheetLine extends Omit<SheetRow, 'losses'> {
  /** Points lost on the node: applicable points − earned (leaves: before the level-1 clamp). */
  lost: number;
  naReason: string | null;
  losses: SheetLoss[];
}

function sheetLines(
  rows: readonly SheetRow[],
  findingIds: readonly number[],
  naReasons: Record<string, string>,
  unit: string,
): SheetLine[] {
  return rows.map((row) => ({
    ...row,
    lost: Math.round((row.applicablePoints - row.earned) * 1e6) / 1e6,
    naReason: row.isLeaf ? (naReasons[`${unit}:${row.code}`] ?? null) : null,
    losses: row.losses.map((loss) => ({ ...loss, findingId: loss.kind === 'finding' ? (findingIds[loss.findingIndex] ?? null) : null })),
  }));
}

/**
 * One unit's score sheet (指标 / 分值 / 得分 / 失分原因 / 整改情况): from the publication in
 * force (recomputed from its snapshot), or live for a draft. A liaison sees only their own unit,
 * and only once published.
 */
export async function getUnitSheet(ctx: Authed, input: { roundId: number; unitId: number }) {
  assertCanSeeUnit(ctx.user, input.unitId);
  const round = await requireRound(ctx.db, input.roundId);
  assertRoundVisible(ctx.user, round);
  const { record, scheme } = await requireRoundScheme(ctx.db, round);

  let results: PeriodResults;
  let units: readonly RoundUnit[];
  let findingIds: readonly number[];
  let eventIds: readonly number[];
  let naReasons: Record<string, string>;
  let publication: ReturnType<typeof publicationBrief> | null = null;
  if (round.status !== 'draft') {
    const p = await findLatestPublication(ctx.db, round.id);
    if (!p) throw new Error('已发布的轮次缺少发布记录');
    if (p.snapshot.scheme.hash !== record.contentHash) throw new Error('发布快照与方案不一致');
    const computed = computeSnapshot(scheme, p.snapshot, true);
    if (!computed.ok) throw new Error('发布快照无法重算');
    results = computed.results;
    units = p.snapshot.units;
    findingIds = p.snapshot.findings.map((f) => f.id);
    eventIds = p.snapshot.events.map((e) => e.id);
    naReasons = p.snapshot.naReasons;
    publication = publicationBrief(p);
  } else {
    const live = await computeRoundLive(ctx.db, round, { breakdown: true });
    if (!live.result.ok)
      throw invalidInput(`本轮数据有误,无法计算:${describeIssues(live.result.issues, live.loaded).slice(0, 5).join(';')}`);
    results = live.result.results;
    units = live.loaded.units;
    findingIds = live.loaded.findingIds;
    eventIds = live.loaded.eventIds;
    naReasons = live.loaded.naReasons;
  }
  const unit = units.find((u) => u.id === input.unitId);
  if (!unit) throw notFound('该单位不在本轮测评范围内');
  const group = results.groups.find((g) => g.code === unit.group);
  const row = group?.rows.find((r) => r.unit === unit.code);
  if (!group || !row) throw notFound('该单位不在本轮测评范围内');

  const findings = await listRoundFindings(ctx.db, round.id, { unitId: unit.id });
  const [objections, rectifications] = await Promise.all([
    listObjections(ctx.db, { roundId: round.id, unitId: unit.id, status: null }),
    findRectificationOfFindings(
      ctx.db,
      findings.map((f) => f.id),
    ),
  ]);
  const perFinding = new Map<number, number>();
  for (const line of row.sheet ?? [])
    for (const loss of line.losses) if (loss.kind === 'finding') perFinding.set(findingIds[loss.findingIndex] ?? -1, loss.points);
  return {
    round,
    scheme: { code: record.code, title: record.title },
    publication,
    unit: { id: unit.id, code: unit.code, name: unit.name, group: unit.group, groupName: group.name },
    result: toResultRow(row, new Map([[unit.code, unit.id]])),
    groupSize: group.rows.length,
    rows: sheetLines(row.sheet ?? [], findingIds, naReasons, unit.code),
    events: {
      vetoes: row.events.vetoes.map((e) => ({ ...e, eventId: eventIds[e.eventIndex] ?? null })),
      bonus: row.events.bonus.map((e) => ({ ...e, eventId: eventIds[e.eventIndex] ?? null })),
      major: row.events.major.map((e) => ({ ...e, eventId: eventIds[e.eventIndex] ?? null })),
    },
    findings: findings.map((f) => {
      const objection = objections.find((o) => o.findingId === f.id) ?? null;
      const rectification = rectifications.get(f.id) ?? null;
      return {
        id: f.id,
        leaf: f.leaf,
        count: f.count,
        deduction: f.deduction,
        points: perFinding.get(f.id) ?? null,
        description: f.description,
        url: f.url,
        seenAt: f.seenAt,
        hasScreenshot: f.screenshotPath !== null,
        status: f.status,
        withdrawnReason: f.withdrawnReason,
        objection: objection && {
          id: objection.id,
          status: objection.status,
          text: objection.text,
          reason: objection.reason,
          filedAt: objection.filedAt,
          decidedAt: objection.decidedAt,
        },
        rectification,
      };
    }),
  };
}

export async function listRoundPublications(ctx: Authed, roundId: number) {
  await requireRound(ctx.db, roundId);
  return listPublications(ctx.db, roundId);
}

/** Annual results (spec §3) from each listed quarter's publication in force. */
export async function getAnnualResults(ctx: Authed, year: number) {
  const record = await findSchemeByYear(ctx.db, year);
  if (!record) throw notFound(`${year}年度尚无考核方案`);
  const scheme = compileStoredScheme(record);
  if (scheme.annual === null) throw invalidInput(`方案 ${scheme.code} 没有年度汇总(annual.periods)`);
  const listed = listAnnualPeriods(scheme);
  const quarters: { period: string; weight: number; roundId: number | null; status: string | null }[] = [];
  const quarterResults: PeriodResults[] = [];
  for (const { period, weight } of listed) {
    const round = await findScoredRoundOfPeriod(ctx.db, period);
    quarters.push({ period, weight: milliToNumber(weight), roundId: round?.id ?? null, status: round?.status ?? null });
    if (!round || round.status === 'draft') continue;
    const results = (await findLatestResultsOfRounds(ctx.db, [round.id])).get(round.id);
    if (results) quarterResults.push(results);
  }
  const lastQuarter = scheme.annual[scheme.annual.length - 1]?.quarter ?? 4;
  const lastPeriod: Period = { kind: 'quarter', code: `${year}Q${lastQuarter}`, year, quarter: lastQuarter };
  const units = await listAssessedUnits(
    ctx.db,
    year,
    lastPeriod,
    scheme.groups.map((g) => g.code),
  );
  // Units assessed in any listed quarter count too (a unit retired mid-year is still listed).
  const known = new Set(units.map((u) => u.code));
  for (const r of quarterResults) {
    for (const g of r.groups) {
      for (const row of g.rows) {
        if (known.has(row.unit)) continue;
        known.add(row.unit);
        units.push({ id: -1, code: row.unit, name: row.name, group: row.group, tags: [] });
      }
    }
  }
  const previous = await findSchemeByYear(ctx.db, year - 1);
  const annual = computeAnnualResults(
    scheme,
    units,
    quarterResults,
    previous ? { previousRanks: await previousAnnualRanks(ctx, previous) } : {},
  );
  const unitIds = new Map(units.filter((u) => u.id > 0).map((u) => [u.code, u.id]));
  return {
    scheme: { code: record.code, title: record.title, year },
    quarters,
    groups: annual.groups.map((g) => ({ ...g, rows: g.rows.map((r) => ({ ...r, unitId: unitIds.get(r.unit) ?? null })) })),
  };
}

async function previousAnnualRanks(ctx: Authed, record: SchemeRecord): Promise<PreviousRank[]> {
  const scheme = compileStoredScheme(record);
  if (scheme.annual === null) return [];
  const quarterResults: PeriodResults[] = [];
  for (const { period } of listAnnualPeriods(scheme)) {
    const round = await findScoredRoundOfPeriod(ctx.db, period);
    if (!round || round.status === 'draft') return [];
    const results = (await findLatestResultsOfRounds(ctx.db, [round.id])).get(round.id);
    if (!results) return [];
    quarterResults.push(results);
  }
  const units = quarterResults
    .flatMap((r) => r.groups.flatMap((g) => g.rows))
    .reduce(
      (m, r) => m.set(r.unit, { code: r.unit, name: r.name, group: r.group, tags: [] }),
      new Map<string, { code: string; name: string; group: string; tags: string[] }>(),
    );
  const annual = computeAnnualResults(scheme, [...units.values()], quarterResults);
  return annual.groups.flatMap((g) => g.rows.map((r) => ({ unit: r.unit, group: r.group, rank: r.rank })));
}

export type { PublicationSnapshot };
