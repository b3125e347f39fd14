// A unit's annual report for a year: open it (with its versions, checks, last year's accepted
// report and timeliness), save the draft, submit it, start a correction of an accepted one.
// The rules are the domain's, run here exactly as in the browser form.
import { conflict, invalidInput, notFound } from '@kaoping/domain/errors/domain-error';
import type { z } from 'zod';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { AnnualReportRecord, ReportEvent } from '@kaoping/contracts/annual-report-workflow/annual-report-record';
import {
  type reportCorrectionInputSchema,
  type reportOpenInputSchema,
  type reportSaveInputSchema,
  type reportSubmitInputSchema,
} from '@kaoping/contracts/annual-report-workflow/annual-report-record';
import type { ReportCheck, ReportFormat, ReportUnitKind } from '@kaoping/contracts/annual-report/annual-report';
import type { Unit } from '@kaoping/contracts/units/unit';
import { checkStoredReport, type StoredReportContext } from '@kaoping/domain/annual-report-workflow/check-stored-report';
import {
  assessSubmitReadiness,
  canPerform,
  isEditable,
  reportFormatForYear,
} from '@kaoping/domain/annual-report-workflow/report-lifecycle';
import { reportUnitKindOf } from '@kaoping/domain/annual-report-workflow/report-unit-kind';
import { assessReportTimeliness } from '@kaoping/domain/annual-report-workflow/reporting-rates';
import { chinaToday } from '@kaoping/domain/period/period';
import {
  findLatestAcceptedReport,
  findLatestReportVersion,
  findReportById,
  insertReportEvent,
  insertReportVersion,
  listReportEvents,
  listReportVersions,
  listUnitReportYears,
  updateReportContent,
  updateReportState,
} from '@kaoping/db/annual-reports/annual-report.repository';
import type { Db } from '@kaoping/db/connect';
import { findUnitById } from '@kaoping/db/units/unit.repository';
import { recordChange } from '../audit/record-change';
import type { Context } from '../context';
import { assertCanSeeUnit } from '../scope';
import { changedCells, normalizeReportCells, normalizeReportSources } from './annual-report-cells';

export type Authed = Context & { user: SessionUser };

export const REPORT_CONFLICT = '该年度报告已被他人修改,请刷新后重试';

export async function requireReportUnit(db: Db, user: SessionUser, unitId: number): Promise<Unit> {
  assertCanSeeUnit(user, unitId);
  const unit = await findUnitById(db, unitId);
  if (!unit) throw notFound('单位不存在');
  return unit;
}

/** Loads a version the user may see (a liaison only their own unit's). */
export async function requireReport(db: Db, user: SessionUser, id: number): Promise<AnnualReportRecord> {
  const report = await findReportById(db, id);
  if (!report) throw notFound('年度报告不存在');
  assertCanSeeUnit(user, report.unitId);
  return report;
}

/** What the soft rules need besides the report: the unit's kind and last year's accepted report (S1, S2). */
export async function loadCheckContext(
  db: Db,
  unitId: number,
  unitKind: ReportUnitKind,
  year: number,
): Promise<StoredReportContext & { previousRecord: AnnualReportRecord | null }> {
  const previousRecord = await findLatestAcceptedReport(db, unitId, year - 1);
  return { unitKind, previous: previousRecord && { format: previousRecord.format, cells: previousRecord.cells }, previousRecord };
}

export function checkRecord(
  report: Pick<AnnualReportRecord, 'format' | 'year' | 'cells' | 'sectionSix' | 'importMeta'>,
  context: StoredReportContext,
): ReportCheck[] {
  return checkStoredReport(
    {
      format: report.format,
      year: report.year,
      cells: report.cells,
      sectionSix: report.sectionSix,
      sections: report.importMeta?.sections ?? null,
    },
    context,
  );
}

export interface ReportVersionSummary {
  id: number;
  versionNo: number;
  status: AnnualReportRecord['status'];
  submittedAt: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  correctionReason: string | null;
  createdAt: string;
}

export interface ReportView {
  unit: { id: number; code: string; name: string; kind: ReportUnitKind };
  year: number;
  /** The layout of the selected version, or of a new report for this year. */
  format: ReportFormat;
  report: AnnualReportRecord | null;
  isLatest: boolean;
  /** The selected version is the latest and may still be changed (draft or returned), or none exists yet. */
  isEditable: boolean;
  versions: ReportVersionSummary[];
  previous: { year: number; versionNo: number; format: ReportFormat; cells: Record<string, number | null> } | null;
  checks: ReportCheck[];
  timeliness: ReturnType<typeof assessReportTimeliness>;
  events: ReportEvent[];
}

const summarize = (r: AnnualReportRecord): ReportVersionSummary => ({
  id: r.id,
  versionNo: r.versionNo,
  status: r.status,
  submittedAt: r.submittedAt,
  decidedAt: r.decidedAt,
  decisionReason: r.decisionReason,
  correctionReason: r.correctionReason,
  createdAt: r.createdAt,
});

/** China calendar date of an ISO instant. */
export const chinaDateOf = (iso: string | null): string | null => (iso === null ? null : chinaToday(new Date(iso)));

export async function openReport(ctx: Authed, input: z.output<typeof reportOpenInputSchema>): Promise<ReportView> {
  const unit = await requireReportUnit(ctx.db, ctx.user, input.unitId);
  const unitKind = reportUnitKindOf(unit.kind);
  const versions = await listReportVersions(ctx.db, unit.id, input.year);
  const latest = versions.at(-1) ?? null;
  const report = input.versionNo === null ? latest : (versions.find((v) => v.versionNo === input.versionNo) ?? null);
  if (input.versionNo !== null && !report) throw notFound(`没有第 ${input.versionNo} 版`);
  const context = await loadCheckContext(ctx.db, unit.id, unitKind, input.year);
  const format = report?.format ?? reportFormatForYear(input.year);
  const isLatest = report === null || report.id === latest?.id;
  const firstSubmittedAt = versions.map((v) => v.firstSubmittedAt).find((v) => v !== null) ?? null;
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, kind: unitKind },
    year: input.year,
    format,
    report,
    isLatest,
    isEditable: report === null || (isLatest && isEditable(report.status)),
    versions: versions.map(summarize),
    previous: context.previousRecord && {
      year: input.year - 1,
      versionNo: context.previousRecord.versionNo,
      format: context.previousRecord.format,
      cells: context.previousRecord.cells,
    },
    checks: report ? checkRecord(report, context) : [],
    timeliness: assessReportTimeliness({
      year: input.year,
      unitKind,
      isSubmitted: firstSubmittedAt !== null,
      publishedAt: latest?.publishedAt ?? null,
      firstSubmittedOn: chinaDateOf(firstSubmittedAt),
      today: chinaToday(ctx.now()),
    }),
    events: await listReportEvents(ctx.db, unit.id, input.year),
  };
}

/** Years of a unit's reports, each with its latest version. */
export async function listReportsOfUnit(ctx: Authed, unitId: number) {
  const unit = await requireReportUnit(ctx.db, ctx.user, unitId);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, kind: reportUnitKindOf(unit.kind) },
    reports: await listUnitReportYears(ctx.db, unit.id),
  };
}

const actorOf = (user: SessionUser) => ({ by: user.id > 0 ? user.id : null, byName: user.displayName });

export async function writeReportEvent(
  trx: Db,
  user: SessionUser,
  at: Date,
  reportId: number,
  action: ReportEvent['action'],
  note: string | null,
): Promise<void> {
  await insertReportEvent(trx, {
    reportId,
    at: at.toISOString(),
    actorId: user.id > 0 ? user.id : null,
    actorName: user.displayName,
    action,
    note,
  });
}

function auditState(r: AnnualReportRecord) {
  return { year: r.year, versionNo: r.versionNo, status: r.status, version: r.version };
}

/** Saves the open version (creating version 1 when the unit has none for the year). Errors do not stop a save. */
export async function saveReportDraft(
  ctx: Authed,
  input: z.output<typeof reportSaveInputSchema>,
): Promise<{ report: AnnualReportRecord; checks: ReportCheck[] }> {
  const now = ctx.now();
  // A year's report describes work already done: nothing can be filed for a year still to come.
  const thisYear = Number(chinaToday(now).slice(0, 4));
  if (input.year > thisYear) throw invalidInput(`不能填报 ${input.year} 年度的年报:该年度尚未开始(当前为 ${thisYear} 年)`);
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await requireReportUnit(trx, ctx.user, input.unitId);
    const latest = await findLatestReportVersion(trx, unit.id, input.year);
    const format = latest?.format ?? reportFormatForYear(input.year);
    const content = {
      format,
      cells: normalizeReportCells(format, input.cells),
      sources: normalizeReportSources(format, input.sources),
      importMeta: input.importMeta,
      sectionOne: input.sectionOne,
      sectionFive: input.sectionFive,
      sectionSix: input.sectionSix,
      publishedAt: input.publishedAt,
      explanations: input.explanations,
    };
    const imported = input.importMeta !== null && JSON.stringify(input.importMeta) !== JSON.stringify(latest?.importMeta ?? null);
    let report: AnnualReportRecord;
    if (input.id === null) {
      if (latest) throw conflict('该单位该年度已有报告,请刷新后在原报告上修改');
      report = await insertReportVersion(
        trx,
        {
          ...content,
          unitId: unit.id,
          year: input.year,
          versionNo: 1,
          correctionReason: null,
          firstSubmittedAt: null,
          createdByName: ctx.user.displayName,
        },
        now.toISOString(),
      );
      await writeReportEvent(trx, ctx.user, now, report.id, imported ? 'imported' : 'created', input.importMeta?.fileName ?? null);
      await recordChange(trx, ctx.user, now, {
        action: 'annual_report.create',
        entity: 'annual_report',
        entityId: report.id,
        unitId: unit.id,
        before: null,
        after: { ...auditState(report), imported },
      });
    } else {
      if (!latest || latest.id !== input.id) {
        const target = await findReportById(trx, input.id);
        if (!target || target.unitId !== unit.id || target.year !== input.year) throw notFound('年度报告不存在');
        throw invalidInput('只能修改最新版本');
      }
      if (!canPerform(latest.status, 'save'))
        throw invalidInput(latest.status === 'accepted' ? '报告已通过并锁定,如需修改请发起更正' : '报告已报送,等待审核,不能修改');
      const updated = await updateReportContent(trx, latest.id, input.version, content, now.toISOString());
      if (!updated) throw conflict(REPORT_CONFLICT);
      report = updated;
      await writeReportEvent(
        trx,
        ctx.user,
        now,
        report.id,
        imported ? 'imported' : 'saved',
        imported ? (input.importMeta?.fileName ?? null) : null,
      );
      await recordChange(trx, ctx.user, now, {
        action: 'annual_report.save',
        entity: 'annual_report',
        entityId: report.id,
        unitId: unit.id,
        before: {
          ...auditState(latest),
          cells: Object.fromEntries(Object.entries(changedCells(latest.cells, report.cells)).map(([k, [b]]) => [k, b])),
        },
        after: {
          ...auditState(report),
          cells: Object.fromEntries(Object.entries(changedCells(latest.cells, report.cells)).map(([k, [, a]]) => [k, a])),
          imported,
        },
      });
    }
    const context = await loadCheckContext(trx, unit.id, reportUnitKindOf(unit.kind), input.year);
    return { report, checks: checkRecord(report, context) };
  });
}

/** Submits the open version: no hard-rule finding may remain, and every soft warning needs a written explanation. */
export async function submitReport(
  ctx: Authed,
  input: z.output<typeof reportSubmitInputSchema>,
): Promise<{ report: AnnualReportRecord; checks: ReportCheck[] }> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const report = await requireReport(trx, ctx.user, input.id);
    const latest = await findLatestReportVersion(trx, report.unitId, report.year);
    if (latest?.id !== report.id) throw invalidInput('只能报送最新版本');
    if (!canPerform(report.status, 'submit')) throw invalidInput(report.status === 'accepted' ? '报告已通过并锁定' : '报告已报送,等待审核');
    if (report.version !== input.version) throw conflict(REPORT_CONFLICT);
    const context = await loadCheckContext(trx, report.unitId, report.unitKind, report.year);
    const checks = checkRecord(report, context);
    const readiness = assessSubmitReadiness(checks, { ...report.explanations, ...input.explanations });
    const [firstBlocking] = readiness.blocking;
    if (firstBlocking) throw invalidInput(`存在 ${readiness.blocking.length} 处勾稽关系问题,不能报送。${firstBlocking.message}`);
    const [firstUnexplained] = readiness.unexplained;
    if (firstUnexplained)
      throw invalidInput(`有 ${readiness.unexplained.length} 条提示需要填写说明后才能报送。${firstUnexplained.message}`);
    const submitted = await updateReportState(
      trx,
      report.id,
      input.version,
      { status: 'submitted', explanations: readiness.explanations, submitted: { at: now.toISOString(), ...actorOf(ctx.user) } },
      now.toISOString(),
    );
    if (!submitted) throw conflict(REPORT_CONFLICT);
    await writeReportEvent(trx, ctx.user, now, report.id, 'submitted', null);
    await recordChange(trx, ctx.user, now, {
      action: 'annual_report.submit',
      entity: 'annual_report',
      entityId: report.id,
      unitId: report.unitId,
      before: auditState(report),
      after: { ...auditState(submitted), explanations: readiness.explanations },
    });
    return { report: submitted, checks };
  });
}

/** A correction after acceptance: the next version starts as a draft copy; the accepted one stays readable and locked. */
export async function startReportCorrection(ctx: Authed, input: z.output<typeof reportCorrectionInputSchema>): Promise<AnnualReportRecord> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    await requireReportUnit(trx, ctx.user, input.unitId);
    const latest = await findLatestReportVersion(trx, input.unitId, input.year);
    if (!latest) throw notFound('该年度还没有报告');
    if (!canPerform(latest.status, 'correct'))
      throw invalidInput(isEditable(latest.status) ? '已有未完成的版本,请直接修改' : '只有已通过的报告才能发起更正');
    const next = await insertReportVersion(
      trx,
      {
        unitId: latest.unitId,
        year: latest.year,
        versionNo: latest.versionNo + 1,
        format: latest.format,
        cells: latest.cells,
        sources: latest.sources,
        importMeta: latest.importMeta,
        sectionOne: latest.sectionOne,
        sectionFive: latest.sectionFive,
        sectionSix: latest.sectionSix,
        publishedAt: latest.publishedAt,
        explanations: latest.explanations,
        correctionReason: input.reason,
        firstSubmittedAt: latest.firstSubmittedAt,
        createdByName: ctx.user.displayName,
      },
      now.toISOString(),
    );
    await writeReportEvent(trx, ctx.user, now, next.id, 'correction', input.reason);
    await recordChange(trx, ctx.user, now, {
      action: 'annual_report.correction',
      entity: 'annual_report',
      entityId: next.id,
      unitId: next.unitId,
      before: auditState(latest),
      after: { ...auditState(next), reason: input.reason },
    });
    return next;
  });
}
