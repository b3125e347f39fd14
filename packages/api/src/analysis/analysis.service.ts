// Analysis (分析, issue #7): a published group laid out for what-if, stability and explanations,
// saved what-if scenarios, their comparison and .xlsx export. Read-only towards official
// results: a group is rebuilt from the publication in force (its frozen snapshot, recomputed by
// the one engine with score sheets), checked against the published results, and never stored.
import { conflict, forbidden, invalidInput, notFound } from '@kaoping/domain/errors/domain-error';
import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import type {
  analysisGroupInputSchema,
  scenarioCompareInputSchema,
  scenarioCreateInputSchema,
  scenarioDeleteInputSchema,
} from '@kaoping/contracts/analysis/analysis';
import { prepareAnalysisGroup, toAnalysisGroupData, type AnalysisGroup } from '@kaoping/domain/analysis/analysis-group';
import { whatIfMethodology } from '@kaoping/domain/analysis/methodology';
import { compareWhatIfResults, computeWhatIf, resolveScenarioPoints } from '@kaoping/domain/analysis/what-if';
import { parsePeriod } from '@kaoping/domain/period/period';
import type { UnitPeriodResult } from '@kaoping/domain/scoring/scoring-result';
import type { Db } from '@kaoping/db/connect';
import { computeSnapshot } from '@kaoping/domain/assessment/publication-snapshot';
import { findLatestPublication, findLatestResultsOfRounds, type Publication } from '@kaoping/db/assessment/publication.repository';
import { findScoredRoundOfPeriod, listRounds, type AssessmentRound } from '@kaoping/db/assessment/round.repository';
import {
  deleteScenario,
  findScenarioById,
  findScenarioByName,
  insertScenario,
  listScenarios,
  type WhatIfScenario,
} from '@kaoping/db/analysis/what-if-scenario.repository';
import { recordChange } from '../audit/record-change';
import { requireRoundScheme } from '../assessment/round.service';
import type { Actor } from '../actor';
import { milliToNumber } from '@kaoping/domain/scoring/decimal';

type GroupInput = z.output<typeof analysisGroupInputSchema>;

/** A published group, ready for analysis. */
export interface PublishedGroup {
  round: AssessmentRound;
  publication: Pick<Publication, 'id' | 'sequence' | 'publishedAt' | 'contentHash' | 'publishedByName'>;
  group: AnalysisGroup;
  /** The published rows of the group (official results, as stored in the publication). */
  rows: UnitPeriodResult[];
  unitIds: ReadonlyMap<string, number>;
}

/** Prepared groups by publication content hash and group: a hash names one frozen content. */
const prepared = new LRUCache<string, Pick<PublishedGroup, 'group' | 'rows' | 'unitIds'>>({ max: 32 });

async function requirePublishedRound(db: Db, period: string): Promise<AssessmentRound> {
  const parsed = parsePeriod(period);
  if (!parsed || parsed.kind !== 'quarter') throw invalidInput('期次应为季度,如 2026Q3');
  const round = await findScoredRoundOfPeriod(db, parsed.code);
  if (!round || round.status === 'draft') {
    throw invalidInput(`${parsed.code} 的考评结果尚未发布,不能分析(分析只使用已发布的正式结果)`);
  }
  return round;
}

/**
 * The group of a published period: the publication in force recomputed from its snapshot with
 * score sheets, each unit's final, rank and grade checked against the published results, then
 * laid out by `prepareAnalysisGroup` (which checks its own arrays against the finals again).
 */
export async function loadPublishedGroup(db: Db, input: GroupInput): Promise<PublishedGroup> {
  const round = await requirePublishedRound(db, input.period);
  const publication = await findLatestPublication(db, round.id);
  if (!publication) throw new Error('已发布的轮次缺少发布记录');
  const brief = {
    id: publication.id,
    sequence: publication.sequence,
    publishedAt: publication.publishedAt,
    contentHash: publication.contentHash,
    publishedByName: publication.publishedByName,
  };
  const key = `${publication.contentHash}:${input.groupCode}`;
  const cached = prepared.get(key);
  if (cached) return { ...cached, round, publication: brief };

  const published = publication.results.groups.find((g) => g.code === input.groupCode);
  if (!published) throw notFound(`${round.periodCode} 的考评结果中没有分组 ${input.groupCode}`);
  const { record, scheme } = await requireRoundScheme(db, round);
  if (publication.snapshot.scheme.hash !== record.contentHash) throw new Error('发布快照与考核方案不一致');
  const computed = computeSnapshot(scheme, publication.snapshot, true);
  if (!computed.ok) throw new Error('发布快照无法重算');
  const group = computed.results.groups.find((g) => g.code === input.groupCode);
  if (!group) throw new Error(`发布快照重算结果中缺少分组 ${input.groupCode}`);
  assertSameResults(group.rows, published.rows);
  const analysis = prepareAnalysisGroup(scheme, group);
  const loaded = { group: analysis, rows: published.rows, unitIds: new Map(publication.snapshot.units.map((u) => [u.code, u.id])) };
  prepared.set(key, loaded);
  return { ...loaded, round, publication: brief };
}

/** The analysis must describe exactly what was published: same units, order, finals, ranks and grades. */
function assertSameResults(recomputed: readonly UnitPeriodResult[], published: readonly UnitPeriodResult[]): void {
  const same =
    recomputed.length === published.length &&
    recomputed.every((r, i) => {
      const p = published[i];
      return (
        p !== undefined &&
        r.unit === p.unit &&
        r.final === p.final &&
        r.rank === p.rank &&
        r.grade === p.grade &&
        r.isVetoFail === p.isVetoFail
      );
    });
  if (!same) throw new Error('发布快照重算结果与已发布结果不一致,无法分析');
}

/** Published periods (newest first) with their groups, for the page's pickers. */
export async function listAnalysisPeriods(db: Db) {
  const rounds = await listRounds(db, { year: null, statuses: ['published', 'locked'], includeSelf: false });
  const results = await findLatestResultsOfRounds(
    db,
    rounds.map((r) => r.id),
  );
  return rounds.flatMap((round) => {
    const r = results.get(round.id);
    if (!r) return [];
    return [
      {
        period: round.periodCode,
        title: round.title,
        status: round.status,
        groups: r.groups.map((g) => ({ code: g.code, name: g.name, unitCount: g.rows.length })),
      },
    ];
  });
}

/** The group as plain JSON for the browser (which recomputes what-if and stability itself), and the official rows. */
export async function getAnalysisGroup(db: Db, actor: Actor, input: GroupInput) {
  const loaded = await loadPublishedGroup(db, input);
  const { round, publication, group } = loaded;
  return {
    period: round.periodCode,
    groupCode: group.groupCode,
    groupName: group.groupName,
    round: { id: round.id, title: round.title, status: round.status },
    publication,
    data: toAnalysisGroupData(group),
    official: loaded.rows.map((r) => ({
      unitId: loaded.unitIds.get(r.unit) ?? null,
      unit: r.unit,
      name: r.name,
      final: r.final,
      rank: r.rank,
      rankDelta: r.rankDelta,
      grade: r.grade,
      isQuotaDemoted: r.isQuotaDemoted,
      isVetoFail: r.isVetoFail,
      vetoes: r.events.vetoes.map((v) => ({ code: v.code, name: v.name })),
    })),
  };
}

export async function listGroupScenarios(db: Db, actor: Actor, input: GroupInput): Promise<WhatIfScenario[]> {
  await requirePublishedRound(db, input.period);
  return listScenarios(db, { period: input.period, groupCode: input.groupCode });
}

/** Every level-1 indicator's points (official where not given), checked by the domain rules. */
function resolvePoints(group: AnalysisGroup, points: Record<string, number>): Record<string, number> {
  try {
    const resolved = resolveScenarioPoints(group, points);
    return Object.fromEntries(group.indicators.map((indicator, i) => [indicator.code, milliToNumber(resolved[i] ?? 0)]));
  } catch (error) {
    throw invalidInput(error instanceof Error ? error.message : String(error));
  }
}

export async function createScenario(db: Db, actor: Actor, input: z.output<typeof scenarioCreateInputSchema>): Promise<WhatIfScenario> {
  const now = actor.now;
  return db.transaction().execute(async (trx) => {
    const { group } = await loadPublishedGroup(trx, input);
    const points = resolvePoints(group, input.points);
    if (Object.values(points).every((p) => p === 0)) throw invalidInput('至少保留一个一级指标(分值大于 0)');
    if (await findScenarioByName(trx, input.period, input.groupCode, input.name)) {
      throw conflict(`${input.period} ${group.groupName} 已有名为「${input.name}」的方案,请换一个名称`);
    }
    const scenario = await insertScenario(
      trx,
      {
        name: input.name,
        period: input.period,
        groupCode: input.groupCode,
        points,
        createdBy: actor.user.id,
        createdByName: actor.user.displayName,
      },
      now.toISOString(),
    );
    await recordChange(trx, actor.user, now, {
      action: 'analysis.scenario.create',
      entity: 'what_if_scenario',
      entityId: scenario.id,
      unitId: null,
      before: null,
      after: scenario,
    });
    return scenario;
  });
}

/** A scenario is deleted by whoever saved it (at the version the list showed). */
export async function deleteOwnScenario(db: Db, actor: Actor, input: z.output<typeof scenarioDeleteInputSchema>): Promise<{ id: number }> {
  const now = actor.now;
  return db.transaction().execute(async (trx) => {
    const scenario = await findScenarioById(trx, input.id);
    if (!scenario) throw notFound('方案不存在或已被删除');
    if (scenario.createdBy !== actor.user.id) throw forbidden(`只能删除自己保存的方案;「${scenario.name}」由${scenario.createdByName}保存`);
    if (!(await deleteScenario(trx, input.id, input.version))) throw conflict('该方案已被修改或删除,请刷新后重试');
    await recordChange(trx, actor.user, now, {
      action: 'analysis.scenario.delete',
      entity: 'what_if_scenario',
      entityId: scenario.id,
      unitId: null,
      before: scenario,
      after: null,
    });
    return { id: scenario.id };
  });
}

async function requireScenario(db: Db, id: number): Promise<WhatIfScenario> {
  const scenario = await findScenarioById(db, id);
  if (!scenario) throw notFound('方案不存在或已被删除');
  return scenario;
}

/** Two saved scenarios of one group side by side, recomputed from the publication in force. */
export async function compareScenarios(db: Db, actor: Actor, input: z.output<typeof scenarioCompareInputSchema>) {
  const [first, second] = [await requireScenario(db, input.firstId), await requireScenario(db, input.secondId)];
  if (first.period !== second.period || first.groupCode !== second.groupCode) throw invalidInput('只能对比同一期次、同一分组的方案');
  const loaded = await loadPublishedGroup(db, { period: first.period, groupCode: first.groupCode });
  const { group } = loaded;
  const a = computeWhatIf(group, resolvePoints(group, first.points));
  const b = computeWhatIf(group, resolvePoints(group, second.points));
  const brief = (s: WhatIfScenario, r: typeof a) => ({
    id: s.id,
    name: s.name,
    createdByName: s.createdByName,
    createdAt: s.createdAt,
    points: r.indicators.map((i) => i.points),
    total: r.total,
    changedCount: r.changedCount,
  });
  return {
    period: first.period,
    groupCode: group.groupCode,
    groupName: group.groupName,
    publication: loaded.publication,
    indicators: group.indicators.map((i) => ({ code: i.code, name: i.name, officialPoints: milliToNumber(i.points) })),
    first: brief(first, a),
    second: brief(second, b),
    rows: compareWhatIfResults(a, b),
  };
}

/** The comparison as an .xlsx workbook (base64). */
export async function exportScenarioComparison(db: Db, actor: Actor, input: z.output<typeof scenarioCompareInputSchema>) {
  const comparison = await compareScenarios(db, actor, input);
  const bytes = await (
    await import('@kaoping/exporters/analysis/scenario-comparison-xlsx')
  ).buildScenarioComparisonWorkbook({
    title: `${comparison.period} ${comparison.groupName} 权重模拟方案对比:「${comparison.first.name}」与「${comparison.second.name}」`,
    source: `${comparison.publication.publishedAt.slice(0, 10)} 发布${comparison.publication.sequence > 1 ? `(更正第 ${comparison.publication.sequence - 1} 次)` : ''}`,
    indicators: comparison.indicators,
    first: comparison.first,
    second: comparison.second,
    rows: comparison.rows,
    note: whatIfMethodology,
  });
  const safe = (name: string) => name.replace(/[\\/:*?"<>|]/g, '_');
  return {
    fileName: `权重模拟对比-${comparison.period}-${comparison.groupCode}-${safe(comparison.first.name)}-${safe(comparison.second.name)}.xlsx`,
    contentBase64: bytes.toString('base64'),
  };
}
