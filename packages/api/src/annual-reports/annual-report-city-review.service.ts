// 年报评查 for a whole city: a folder (or .zip) of published reports read off the request path —
// the files go to isolated processes (importers' readReportBatch), the request returns a job id at
// once and the page polls. Each matched report is checked exactly as the report page checks it
// (fitPublishedReport + the unit's context); the table itself is built by the domain.
//
// Jobs live in this process's memory (the last JOBS_KEPT): a review is a reading of files the office
// holds anyway, re-run in seconds, so it is not stored; exporting it and ordering rectification are.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { cityReviewExportInputSchema, cityReviewStartInputSchema } from '@kaoping/contracts/annual-report-review/city-review-input';
import { CITY_REVIEW_MAX_BYTES } from '@kaoping/contracts/annual-report-review/city-review-input';
import {
  assignReviewFiles,
  buildCityReview,
  type CheckedReviewReport,
  type CityReview,
  type ReviewUnit,
} from '@kaoping/domain/annual-report-review/city-review';
import { reportUnitKindOf } from '@kaoping/domain/annual-report-workflow/report-unit-kind';
import { invalidInput, notFound, tooLarge } from '@kaoping/domain/errors/domain-error';
import { listExpectedReportUnits } from '@kaoping/db/annual-reports/annual-report.repository';
import type { Db } from '@kaoping/db/connect';
import { renderCityReviewXlsx } from '@kaoping/exporters/annual-report/city-review-xlsx';
import { readReportBatch } from '@kaoping/importers/annual-report/review/read-report-batch';
import type { BatchFile, BatchFileRead } from '@kaoping/importers/annual-report/review/read-report-batch-task';
import { recordChange } from '../audit/record-change';
import { fitPublishedReport } from './annual-report-parse.service';
import { loadCheckContext, type Authed } from './annual-report.service';

export type CityReviewStatus = 'reading' | 'checking' | 'done' | 'failed';

export interface CityReviewJob {
  id: string;
  year: number;
  status: CityReviewStatus;
  files: number;
  done: number;
  startedAt: string;
  finishedAt: string | null;
  startedBy: number;
  review: CityReview | null;
  error: string | null;
}

const JOBS_KEPT = 20;
const jobs = new Map<string, CityReviewJob>();

function keep(job: CityReviewJob) {
  jobs.set(job.id, job);
  while (jobs.size > JOBS_KEPT) {
    const oldest = jobs.keys().next().value;
    if (oldest === undefined) break;
    jobs.delete(oldest);
  }
}

/** Checks each read file that matched a unit, as the report page would, and builds the table. */
export async function reviewReadFiles(db: Db, year: number, read: readonly BatchFileRead[]): Promise<CityReview> {
  const expected = await listExpectedReportUnits(db, year);
  const units: ReviewUnit[] = expected.map((u) => ({
    unitId: u.unitId,
    code: u.code,
    name: u.name,
    kind: reportUnitKindOf(u.kind),
    groupName: u.groupName,
  }));
  const assignments = assignReviewFiles(
    units,
    read.map((r) => ({
      fileName: r.fileName,
      error: r.error,
      parsedUnit: r.report?.parsed.meta.unit ?? null,
      parsedYear: r.report?.parsed.meta.year ?? null,
    })),
  );
  const reports = new Map<number, CheckedReviewReport>();
  for (const a of assignments) {
    if (a.unitId === null || a.matchedBy === null) continue;
    const unit = units.find((u) => u.unitId === a.unitId);
    const file = read.find((r) => r.fileName === a.fileName);
    if (!unit || !file) continue;
    if (!file.report) {
      reports.set(unit.unitId, {
        fileName: a.fileName,
        matchedBy: a.matchedBy,
        parsedYear: null,
        publishedAt: null,
        cellsRead: 0,
        cellsTotal: 0,
        unresolved: [],
        checks: [],
        notes: [],
        error: file.error,
      });
      continue;
    }
    const context = await loadCheckContext(db, unit.unitId, unit.kind, year);
    const fitted = fitPublishedReport(file.report, { fileName: a.fileName, year, unitName: unit.name, unitKind: unit.kind }, context);
    const values = Object.values(fitted.cells);
    reports.set(unit.unitId, {
      fileName: a.fileName,
      matchedBy: a.matchedBy,
      parsedYear: file.report.parsed.meta.year,
      publishedAt: fitted.publishedAt,
      cellsRead: values.filter((v) => v !== null).length,
      cellsTotal: values.length,
      unresolved: fitted.importMeta.unresolved,
      checks: fitted.checks,
      notes: fitted.notes,
      error: null,
    });
  }
  return buildCityReview({ year, units, assignments, reports });
}

async function run(db: Db, job: CityReviewJob, files: BatchFile[], now: () => Date): Promise<void> {
  try {
    const read = await readReportBatch(files, { year: job.year, onProgress: (done, total) => Object.assign(job, { done, files: total }) });
    job.status = 'checking';
    job.review = await reviewReadFiles(db, job.year, read);
    job.status = 'done';
  } catch (error) {
    job.status = 'failed';
    job.error = error instanceof Error ? error.message : String(error);
  } finally {
    job.finishedAt = now().toISOString();
  }
}

/** Starts reading the files; returns the job at once. The audit log records who reviewed what. */
export async function startCityReview(ctx: Authed, input: z.output<typeof cityReviewStartInputSchema>): Promise<CityReviewJob> {
  const files: BatchFile[] = input.files.map((f) => ({
    fileName: f.fileName,
    bytes: new Uint8Array(Buffer.from(f.contentBase64, 'base64')),
  }));
  const bytes = files.reduce((s, f) => s + f.bytes.byteLength, 0);
  if (bytes > CITY_REVIEW_MAX_BYTES)
    throw tooLarge(
      `文件合计 ${(bytes / 1024 / 1024).toFixed(1)} MB, 超过单次上传上限 ${CITY_REVIEW_MAX_BYTES / 1024 / 1024} MB; 请分批上传或使用命令行 kaoping report import`,
    );
  if (files.every((f) => f.bytes.byteLength === 0)) throw invalidInput('上传的文件都是空的');
  const now = ctx.now();
  const job: CityReviewJob = {
    id: randomUUID(),
    year: input.year,
    status: 'reading',
    files: files.length,
    done: 0,
    startedAt: now.toISOString(),
    finishedAt: null,
    startedBy: ctx.user?.id ?? 0,
    review: null,
    error: null,
  };
  await ctx.db.transaction().execute((trx) =>
    recordChange(trx, ctx.user, now, {
      action: 'annual_report.city_review',
      entity: 'annual_report_review',
      entityId: job.id,
      unitId: null,
      before: null,
      after: { year: input.year, files: files.map((f) => f.fileName).slice(0, 200) },
    }),
  );
  keep(job);
  void run(ctx.db, job, files, ctx.now);
  return job;
}

export function getCityReview(input: { jobId: string }): CityReviewJob {
  const job = jobs.get(input.jobId);
  if (!job) throw notFound('评查任务不存在或已过期, 请重新上传');
  return job;
}

export async function exportCityReview(
  ctx: Authed,
  input: z.output<typeof cityReviewExportInputSchema>,
): Promise<{ fileName: string; mimeType: string; contentBase64: string }> {
  const job = getCityReview(input);
  if (!job.review) throw invalidInput('评查尚未完成');
  const title = `${job.year}年度政府信息公开工作年度报告评查表`;
  const bytes = await renderCityReviewXlsx(job.review, title);
  await ctx.db.transaction().execute((trx) =>
    recordChange(trx, ctx.user, ctx.now(), {
      action: 'annual_report.city_review_export',
      entity: 'annual_report_review',
      entityId: job.id,
      unitId: null,
      before: null,
      after: { year: job.year, units: job.review?.rows.length ?? 0 },
    }),
  );
  return {
    fileName: `${title}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: Buffer.from(bytes).toString('base64'),
  };
}
