// The office's decision on a submitted report: return it with a reason, or accept it (which locks it).
import { conflict, invalidInput } from '@kaoping/domain/errors/domain-error';
import type { z } from 'zod';
import type { AnnualReportRecord } from '@kaoping/contracts/annual-report-workflow/annual-report-record';
import { type reportAcceptInputSchema, type reportReturnInputSchema } from '@kaoping/contracts/annual-report-workflow/annual-report-record';
import { canPerform, assessSubmitReadiness } from '@kaoping/domain/annual-report-workflow/report-lifecycle';
import { updateReportState } from '@kaoping/db/annual-reports/annual-report.repository';
import { recordChange } from '../audit/record-change';
import { REPORT_CONFLICT, checkRecord, loadCheckContext, requireReport, writeReportEvent, type Authed } from './annual-report.service';

const actorOf = (ctx: Authed) => ({ by: ctx.user.id > 0 ? ctx.user.id : null, byName: ctx.user.displayName });

export async function returnReport(ctx: Authed, input: z.output<typeof reportReturnInputSchema>): Promise<AnnualReportRecord> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const report = await requireReport(trx, ctx.user, input.id);
    if (!canPerform(report.status, 'return')) throw invalidInput('只能退回已报送、待审核的报告');
    const returned = await updateReportState(
      trx,
      report.id,
      input.version,
      { status: 'returned', decided: { at: now.toISOString(), ...actorOf(ctx), reason: input.reason } },
      now.toISOString(),
    );
    if (!returned) throw conflict(REPORT_CONFLICT);
    await writeReportEvent(trx, ctx.user, now, report.id, 'returned', input.reason);
    await recordChange(trx, ctx.user, now, {
      action: 'annual_report.return',
      entity: 'annual_report',
      entityId: report.id,
      unitId: report.unitId,
      before: { status: report.status },
      after: { status: 'returned', reason: input.reason },
    });
    return returned;
  });
}

/** Accepts a submitted report; one with a hard-rule finding cannot be accepted (return it instead). */
export async function acceptReport(ctx: Authed, input: z.output<typeof reportAcceptInputSchema>): Promise<AnnualReportRecord> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const report = await requireReport(trx, ctx.user, input.id);
    if (!canPerform(report.status, 'accept')) throw invalidInput('只能通过已报送、待审核的报告');
    const context = await loadCheckContext(trx, report.unitId, report.unitKind, report.year);
    const blocking = assessSubmitReadiness(checkRecord(report, context), report.explanations).blocking;
    if (blocking.length > 0) throw invalidInput(`报告存在 ${blocking.length} 处勾稽关系问题,不能通过,请退回修改`);
    const note = input.note === '' ? null : input.note;
    const accepted = await updateReportState(
      trx,
      report.id,
      input.version,
      { status: 'accepted', decided: { at: now.toISOString(), ...actorOf(ctx), reason: note } },
      now.toISOString(),
    );
    if (!accepted) throw conflict(REPORT_CONFLICT);
    await writeReportEvent(trx, ctx.user, now, report.id, 'accepted', note);
    await recordChange(trx, ctx.user, now, {
      action: 'annual_report.accept',
      entity: 'annual_report',
      entityId: report.id,
      unitId: report.unitId,
      before: { status: report.status },
      after: { status: 'accepted', note },
    });
    return accepted;
  });
}
