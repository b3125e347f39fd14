// Objections (申诉): a unit contests a finding of a published round within the window; the
// assessor upholds the finding or withdraws it, with a reason. A withdrawal recomputes the
// round and appends a restatement (the published snapshot itself never changes).
import { conflict, forbidden, invalidInput, notFound } from '@kaoping/domain/errors/domain-error';
import type { z } from 'zod';
import type {
  objectionDecideInputSchema,
  objectionFileInputSchema,
  objectionListInputSchema,
} from '@kaoping/contracts/assessment/assessment';
import { chinaToday } from '@kaoping/domain/period/period';
import { findFindingById } from '@kaoping/db/assessment/assessment-input.repository';
import {
  decideObjection,
  findObjectionById,
  insertObjection,
  listObjections,
  type Objection,
} from '@kaoping/db/assessment/objection.repository';
import { recordChange } from '../audit/record-change';
import { assertCanSeeUnit, unitScopeOf } from '../scope';
import { withdrawFindingIn } from './assessment-input.service';
import { requireRound, type Authed } from './round.service';

export async function fileObjection(ctx: Authed, input: z.output<typeof objectionFileInputSchema>): Promise<Objection> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const finding = await findFindingById(trx, input.findingId);
    if (!finding) throw notFound('问题记录不存在');
    assertCanSeeUnit(ctx.user, finding.unitId);
    const round = await requireRound(trx, finding.roundId);
    if (round.status === 'draft') throw forbidden('本轮测评结果尚未发布');
    if (round.status === 'locked') throw invalidInput('本轮测评已锁定,申诉期已过');
    const today = chinaToday(now);
    if (round.objectionDeadline !== null && today > round.objectionDeadline)
      throw invalidInput(`申诉期已于 ${round.objectionDeadline} 截止`);
    if (finding.status !== 'active') throw invalidInput('该问题已撤销,无需申诉');
    if ((await listObjections(trx, { roundId: null, unitId: null, status: null, findingId: finding.id })).length > 0) {
      throw conflict('该问题已提出过申诉');
    }
    const id = await insertObjection(
      trx,
      {
        roundId: round.id,
        findingId: finding.id,
        unitId: finding.unitId,
        text: input.text,
        filedBy: ctx.user.id,
        filedByName: ctx.user.displayName,
      },
      now.toISOString(),
    );
    const objection = await findObjectionById(trx, id);
    if (!objection) throw new Error('申诉保存失败');
    await recordChange(trx, ctx.user, now, {
      action: 'assessment.objection.file',
      entity: 'objection',
      entityId: id,
      unitId: finding.unitId,
      before: null,
      after: { findingId: finding.id, text: input.text },
    });
    return objection;
  });
}

/** The queue for assessors (every unit), a liaison's own objections. */
export function listObjectionsForUser(ctx: Authed, input: z.output<typeof objectionListInputSchema>): Promise<Objection[]> {
  return listObjections(ctx.db, { roundId: input.roundId, unitId: unitScopeOf(ctx.user), status: input.status });
}

export async function decideObjectionById(ctx: Authed, input: z.output<typeof objectionDecideInputSchema>) {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const objection = await findObjectionById(trx, input.objectionId);
    if (!objection) throw notFound('申诉不存在');
    if (objection.status !== 'pending') throw invalidInput('该申诉已处理');
    let publicationId: number | null = null;
    if (input.decision === 'withdrawn') {
      const { restatement } = await withdrawFindingIn(trx, ctx, objection.findingId, input.reason, now, { viaObjection: true });
      publicationId = restatement?.id ?? null;
    }
    const decided = await decideObjection(
      trx,
      objection.id,
      { status: input.decision, reason: input.reason, decidedBy: ctx.user.id, decidedByName: ctx.user.displayName, publicationId },
      now.toISOString(),
    );
    if (!decided) throw conflict('该申诉已被他人处理,请刷新');
    await recordChange(trx, ctx.user, now, {
      action: 'assessment.objection.decide',
      entity: 'objection',
      entityId: objection.id,
      unitId: objection.unitId,
      before: { status: 'pending' },
      after: { status: input.decision, reason: input.reason, publicationId },
    });
    const after = await findObjectionById(trx, objection.id);
    return { objection: after, publicationId };
  });
}
