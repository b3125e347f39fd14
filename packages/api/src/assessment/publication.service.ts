// Publication (发布): a draft round's results become a frozen snapshot (scheme version, inputs,
// results, SHA-256) and the scheme is frozen. Afterwards nothing is edited in place: every
// correction (an objection upheld for the unit, an assessor's correction with a reason)
// recomputes and appends a restatement carrying its diff against the previous publication.
import { conflict, invalidInput, notFound } from '@kaoping/domain/errors/domain-error';
import { addDays } from '@kaoping/domain/calendar/china-date';
import { chinaToday } from '@kaoping/domain/period/period';
import type { Db } from '@kaoping/db/connect';
import { buildSnapshot, canonicalJson, diffPublications } from '@kaoping/domain/assessment/publication-snapshot';
import { hashPublication } from '@kaoping/db/assessment/publication-snapshot';
import { findLatestPublication, insertPublication, type PublicationSummary } from '@kaoping/db/assessment/publication.repository';
import {
  findRoundById,
  inputsVersionsOf,
  lockRoundForChange,
  markRoundPublished,
  type AssessmentRound,
} from '@kaoping/db/assessment/round.repository';
import { freezeScheme } from '@kaoping/db/assessment/scheme.repository';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { recordChange } from '../audit/record-change';
import { writeReadModels } from '../dashboard/read-models';
import { completenessOf, computeRoundLive, describeIssues } from './round-results.service';
import { compileStoredScheme, type Authed } from './round.service';

function incompleteMessage(incomplete: { unit: string; missing: string[] }[]): string {
  const shown = incomplete.slice(0, 5).map((u) => `${u.unit}(缺 ${u.missing.slice(0, 4).join('、')}${u.missing.length > 4 ? '…' : ''})`);
  return `有 ${incomplete.length} 个单位的评分不完整,不能发布:${shown.join(';')}${incomplete.length > 5 ? '…' : ''}`;
}

export async function publishRound(ctx: Authed, input: { roundId: number; version: number }): Promise<PublicationSummary> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    // Locked first: score writers still in flight commit before the inputs are read, later ones find it published.
    const round = await lockRoundForChange(trx, input.roundId);
    if (!round) throw notFound('测评轮次不存在');
    if (round.kind === 'self') throw invalidInput('单位自评不发布');
    if (round.status !== 'draft') throw invalidInput('本轮测评已发布;如需更正,请以更正方式修改(将形成更正记录)');
    const inputsVersion = (await inputsVersionsOf(trx, [round])).get(round.id) ?? round.version;
    if (inputsVersion !== input.version) throw conflict('本轮数据在您查看后已有变动,请刷新核对后再发布');
    const live = await computeRoundLive(trx, round, { breakdown: false });
    if (!live.result.ok) {
      throw invalidInput(`本轮数据有误,不能发布:${describeIssues(live.result.issues, live.loaded).slice(0, 5).join(';')}`);
    }
    const completeness = completenessOf(live.result.results);
    if (completeness.units === 0) throw invalidInput('本轮没有参评单位,不能发布');
    if (completeness.incomplete.length > 0) throw invalidInput(incompleteMessage(completeness.incomplete));

    const snapshot = buildSnapshot(round, live.record, live.loaded, live.previousRanks);
    const results = live.result.results;
    const published = await insertPublication(trx, {
      roundId: round.id,
      sequence: 1,
      schemeId: live.record.id,
      schemeVersion: live.record.version,
      schemeHash: live.record.contentHash,
      snapshotJson: canonicalJson(snapshot),
      resultsJson: canonicalJson(results),
      contentHash: hashPublication(snapshot, results),
      reason: '',
      diff: null,
      previousId: null,
      publishedAt: now.toISOString(),
      publishedBy: ctx.user.id,
      publishedByName: ctx.user.displayName,
    });
    // The dashboards' read models, in the same transaction: a publication is never seen without them.
    await writeReadModels(trx, {
      publicationId: published.id,
      roundId: round.id,
      period: round.periodCode,
      snapshot,
      results,
      scheme: compileStoredScheme(live.record),
    });
    const deadline = addDays(chinaToday(now), round.objectionDays);
    const marked = await markRoundPublished(
      trx,
      round.id,
      round.version,
      { publishedAt: now.toISOString(), objectionDeadline: deadline },
      inputsVersion,
    );
    if (!marked) throw conflict('本轮测评已被他人修改,请刷新后重试');
    await freezeScheme(trx, live.record.id, now.toISOString());
    await recordChange(trx, ctx.user, now, {
      action: 'assessment.publish',
      entity: 'assessment_round',
      entityId: round.id,
      unitId: null,
      before: { status: 'draft' },
      after: {
        status: 'published',
        publicationId: published.id,
        contentHash: published.contentHash,
        schemeVersion: live.record.version,
        objectionDeadline: deadline,
      },
    });
    return published;
  });
}

/**
 * Whether an input of the round may change, and how: a draft freely; a published or locked
 * round only as a correction with a reason (the caller then calls `restateRound`).
 */
export function assertCanChangeInputs(round: AssessmentRound, reason: string): { isCorrection: boolean } {
  if (round.kind === 'self') throw invalidInput('单位自评请在自评页面填写');
  if (round.status === 'draft') return { isCorrection: false };
  if (reason.trim().length < 2) {
    throw invalidInput('本轮结果已发布,修改将形成更正记录(不会改动已发布的快照),请填写更正理由');
  }
  return { isCorrection: true };
}

/**
 * Recomputes a published round after a correction and appends a restatement with its diff.
 * Runs in the caller's transaction. Returns null when the results and inputs did not change.
 */
export async function restateRound(
  trx: Db,
  roundId: number,
  reason: string,
  actor: SessionUser,
  now: Date,
): Promise<PublicationSummary | null> {
  const round = await findRoundById(trx, roundId);
  if (!round || round.status === 'draft') return null;
  const previous = await findLatestPublication(trx, round.id);
  if (!previous) throw new Error('已发布的轮次缺少发布记录');
  // Rank movement stays against the ranks the original publication used.
  const live = await computeRoundLive(trx, round, { breakdown: false, previousRanks: previous.snapshot.previousRanks });
  if (!live.result.ok) throw invalidInput(`更正后数据有误:${describeIssues(live.result.issues, live.loaded).slice(0, 5).join(';')}`);
  const completeness = completenessOf(live.result.results);
  if (completeness.incomplete.length > 0) throw invalidInput(`更正后${incompleteMessage(completeness.incomplete)}`);
  if (live.record.contentHash !== previous.schemeHash) throw new Error('方案已变化,不能更正');
  const snapshot = buildSnapshot(round, live.record, live.loaded, previous.snapshot.previousRanks);
  const results = live.result.results;
  const contentHash = hashPublication(snapshot, results);
  if (contentHash === previous.contentHash) return null;
  const diff = diffPublications({ snapshot: previous.snapshot, results: previous.results }, { snapshot, results });
  const restated = await insertPublication(trx, {
    roundId: round.id,
    sequence: previous.sequence + 1,
    schemeId: live.record.id,
    schemeVersion: live.record.version,
    schemeHash: live.record.contentHash,
    snapshotJson: canonicalJson(snapshot),
    resultsJson: canonicalJson(results),
    contentHash,
    reason,
    diff,
    previousId: previous.id,
    publishedAt: now.toISOString(),
    publishedBy: actor.id,
    publishedByName: actor.displayName,
  });
  await writeReadModels(trx, {
    publicationId: restated.id,
    roundId: round.id,
    period: round.periodCode,
    snapshot,
    results,
    scheme: compileStoredScheme(live.record),
  });
  await recordChange(trx, actor, now, {
    action: 'assessment.restate',
    entity: 'assessment_round',
    entityId: round.id,
    unitId: null,
    before: { publicationId: previous.id, contentHash: previous.contentHash },
    after: { publicationId: restated.id, contentHash, reason, changedUnits: diff.units.map((u) => u.unit) },
  });
  return restated;
}
