// Self-assessment (自评): before a round is published, a unit's liaison scores their own unit
// against the same scheme, with evidence. The values live in the period's `self` round
// (opened by the first entry); the comparison puts self-assessed and assessed side by side.
import { DomainError, forbidden, invalidInput, notFound } from '@kaoping/domain/errors/domain-error';
import type { z } from 'zod';
import type { selfAssessmentInputSchema, selfScoreSetInputSchema } from '@kaoping/contracts/assessment/assessment';
import { isLeafApplicable } from '@kaoping/domain/scoring/compute-unit';
import { computePeriodResults } from '@kaoping/domain/scoring/compute-period';
import { checkLeafValue } from '@kaoping/domain/scoring/score-leaf';
import { listRoundScores, upsertScores } from '@kaoping/db/assessment/assessment-input.repository';
import { listAssessedUnits } from '@kaoping/db/assessment/round-inputs.repository';
import { findRoundOfPeriodByKind, insertRound, type AssessmentRound } from '@kaoping/db/assessment/round.repository';
import { recordChange } from '../audit/record-change';
import { assertCanSeeUnit, unitScopeOf } from '../scope';
import { normalizeValue } from './assessment-input.service';
import { getUnitSheet } from './round-results.service';
import { requireRound, requireRoundScheme, type Authed } from './round.service';
import { flattenIndicators } from './scheme.service';

async function requireScoredRound(ctx: Authed, roundId: number): Promise<AssessmentRound> {
  const round = await requireRound(ctx.db, roundId);
  if (round.kind === 'self') throw invalidInput('请从测评轮次进入自评');
  return round;
}

export async function getSelfAssessment(ctx: Authed, input: z.output<typeof selfAssessmentInputSchema>) {
  const scope = unitScopeOf(ctx.user);
  const unitId = scope ?? input.unitId;
  if (unitId === null) throw invalidInput('请选择单位');
  assertCanSeeUnit(ctx.user, unitId);
  const round = await requireScoredRound(ctx, input.roundId);
  const { record, scheme } = await requireRoundScheme(ctx.db, round);
  const unit = (
    await listAssessedUnits(
      ctx.db,
      round.year,
      round.period,
      scheme.groups.map((g) => g.code),
    )
  ).find((u) => u.id === unitId);
  if (!unit) throw notFound('该单位不在本轮测评范围内');
  const selfRound = await findRoundOfPeriodByKind(ctx.db, round.periodCode, 'self');
  const selfScores = selfRound ? await listRoundScores(ctx.db, selfRound.id, unit.id) : [];
  const computed = computePeriodResults(
    scheme,
    round.periodCode,
    {
      units: [{ code: unit.code, name: unit.name, group: unit.group, tags: unit.tags }],
      scores: selfScores.map((s) => ({ unit: unit.code, period: round.periodCode, indicator: s.leaf, value: s.value })),
    },
    { breakdown: true },
  );
  const selfRow = computed.ok ? computed.results.groups.flatMap((g) => g.rows)[0] : undefined;
  const selfSheet = new Map((selfRow?.sheet ?? []).map((r) => [r.code, r]));

  // Assessed scores: a liaison sees them only once the round is published.
  let assessed: Awaited<ReturnType<typeof getUnitSheet>> | null = null;
  if (scope === null || round.status !== 'draft') {
    try {
      assessed = await getUnitSheet(ctx, { roundId: round.id, unitId: unit.id });
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'invalid') throw error;
    }
  }
  const assessedRows = new Map((assessed?.rows ?? []).map((r) => [r.code, r]));
  const scoreByLeaf = new Map(selfScores.map((s) => [s.leaf, s]));
  const round2 = (n: number) => Math.round(n * 1e6) / 1e6;
  return {
    round,
    unit: { id: unit.id, code: unit.code, name: unit.name, group: unit.group },
    canEdit: scope !== null && round.status === 'draft',
    selfFinal: selfRow?.final ?? null,
    selfComplete: selfRow ? selfRow.missing.filter((code) => scheme.leafByCode.get(code)?.needsInput).length === 0 : false,
    assessedFinal: assessed?.result.final ?? null,
    rows: flattenIndicators(record.scheme.indicators).map((node) => {
      const leaf = scheme.leafByCode.get(node.code);
      const self = selfSheet.get(node.code);
      const other = assessedRows.get(node.code);
      const score = scoreByLeaf.get(node.code);
      const selfEarned = self?.earned ?? null;
      const assessedEarned = other?.earned ?? null;
      return {
        ...node,
        applicable: leaf ? isLeafApplicable(leaf, unit) : true,
        needsInput: leaf?.needsInput ?? false,
        selfValue: score?.value ?? null,
        evidence: score?.evidence ?? '',
        selfEarned,
        assessedEarned,
        gap: selfEarned !== null && assessedEarned !== null ? round2(selfEarned - assessedEarned) : null,
      };
    }),
  };
}

export async function setSelfScore(ctx: Authed, input: z.output<typeof selfScoreSetInputSchema>) {
  const unitId = unitScopeOf(ctx.user);
  if (unitId === null || unitId < 0) throw forbidden('自评只能由单位联络员填写本单位');
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const round = await requireRound(trx, input.roundId);
    if (round.kind === 'self') throw invalidInput('请从测评轮次进入自评');
    if (round.status !== 'draft') throw invalidInput('本轮测评已发布,自评已截止');
    const { scheme } = await requireRoundScheme(trx, round);
    const unit = (
      await listAssessedUnits(
        trx,
        round.year,
        round.period,
        scheme.groups.map((g) => g.code),
      )
    ).find((u) => u.id === unitId);
    if (!unit) throw invalidInput('本单位不在本轮测评范围内');
    const leaf = scheme.leafByCode.get(input.leaf);
    if (!leaf) throw invalidInput(`指标 ${input.leaf} 不是方案中的末级指标`);
    if (!leaf.needsInput) throw invalidInput(`指标 ${leaf.code} 按问题或整改台账计分,无需自评打分`);
    const value = normalizeValue(leaf, input.value);
    const problem = value === null ? null : checkLeafValue(leaf, value);
    if (problem !== null) throw invalidInput(`指标 ${leaf.code}:${problem}`);
    if (value !== null && value !== 'na' && !isLeafApplicable(leaf, unit)) throw invalidInput(`指标 ${leaf.code} 不适用于本单位`);
    let selfRound = await findRoundOfPeriodByKind(trx, round.periodCode, 'self');
    selfRound ??= await insertRound(
      trx,
      {
        periodCode: round.periodCode,
        schemeId: round.schemeId,
        kind: 'self',
        title: `${round.periodCode} 单位自评`,
        objectionDays: 0,
        createdBy: ctx.user.id,
      },
      now.toISOString(),
    );
    const before = (await listRoundScores(trx, selfRound.id, unit.id)).find((s) => s.leaf === leaf.code) ?? null;
    await upsertScores(
      trx,
      selfRound.id,
      [{ unitId: unit.id, leaf: leaf.code, value, naReason: '', evidence: input.evidence, source: 'self' }],
      ctx.user.id,
      now.toISOString(),
    );
    await recordChange(trx, ctx.user, now, {
      action: 'assessment.self.set',
      entity: 'assessment_round',
      entityId: selfRound.id,
      unitId: unit.id,
      before: before && { leaf: leaf.code, value: before.value, evidence: before.evidence },
      after: { leaf: leaf.code, value, evidence: input.evidence },
    });
    return { ok: true };
  });
}
