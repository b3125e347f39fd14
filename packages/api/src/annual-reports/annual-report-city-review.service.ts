// 年报评查 for a whole city: a folder (or .zip) of published reports read off the request path —
// the files go to isolated processes (importers' readReportBatch), the request returns a job id at
// once and the page polls. Each matched report is checked exactly as the report page checks it
// (fitPublishedReport + the unit's context); the table itself is built by the domain.
//
// Jobs live in the database (report_review_jobs), so a poll reaching any server process answers
// (issue #14 Part 2). The process that took the upload does the work and keeps the job's heartbeat
// fresh; the uploaded files stay in that process's memory only — a review is a reading of files the
// office holds anyway, re-run in seconds — so a job whose process died cannot be resumed and is
// reported failed, asking to upload again. Jobs are kept 7 days.
import { randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
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
import {
  deleteReviewJobsCreatedBefore,
  failStaleReviewJob,
  findReviewJob,
  insertReviewJob,
  updateRunningReviewJob,
  type ReviewJobChange,
} from '@kaoping/db/annual-reports/review-job.repository';
import type { Db } from '@kaoping/db/connect';
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

/** How often the working process refreshes the job's heartbeat. */
export const REVIEW_HEARTBEAT_MS = 20_000;
/** A running job whose heartbeat is older than this lost its process. */
export const REVIEW_STALE_MS = 2 * 60_000;
/** Jobs older than this are removed when a new one starts. */
export const REVIEW_KEPT_MS = 7 * 24 * 3_600_000;
/** Progress is written at most this often (a batch reports every file). */
const PROGRESS_WRITE_MS = 300;
/**
 * The stored review table's bound. Its rows are the expected units plus the unmatched files (at
 * most 2,000 per upload), so it stays far below this; a larger one is refused rather than stored.
 */
const REVIEW_MAX_JSON_CHARS = 64 * 1024 * 1024;

export const REVIEW_WORKER_LOST =
  '处理该评查任务的服务进程已停止(超过 2 分钟没有进展)。上传的文件不在服务器上保存,无法继续评查,请重新选择文件开始评查';

/** This process, as recorded on the jobs it works on. */
const WORKER = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

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

/**
 * Writes a running job's changes one after another (progress callbacks are synchronous and
 * frequent): later writes never overtake earlier ones, and progress is coalesced.
 */
function jobWriter(db: Db, id: string, now: () => Date) {
  let chain: Promise<unknown> = Promise.resolve();
  let pending: ReviewJobChange | null = null;
  let lastProgressAt = 0;
  const write = (change: ReviewJobChange): Promise<boolean> => {
    const written = chain.then(() => updateRunningReviewJob(db, id, change, now()));
    chain = written.catch(() => undefined);
    return written;
  };
  return {
    progress(done: number, files: number) {
      pending = { done, files };
      const at = Date.now();
      if (done < files && at - lastProgressAt < PROGRESS_WRITE_MS) return;
      lastProgressAt = at;
      const change = pending;
      pending = null;
      // A lost progress write is made good by the next one; the outcome's write is awaited.
      write(change).catch(() => undefined);
    },
    /** Writes any coalesced progress with `change`, after every write so far. */
    write(change: ReviewJobChange): Promise<boolean> {
      const merged = { ...(pending ?? {}), ...change };
      pending = null;
      return write(merged);
    },
  };
}

async function run(db: Db, job: CityReviewJob, files: BatchFile[], now: () => Date): Promise<void> {
  const writer = jobWriter(db, job.id, now);
  const heartbeat = setInterval(() => writer.write({}).catch(() => undefined), REVIEW_HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const { readReportBatch } = await import('@kaoping/importers/annual-report/review/read-report-batch');
    const read = await readReportBatch(files, { year: job.year, onProgress: (done, total) => writer.progress(done, total) });
    await writer.write({ status: 'checking' });
    const review = await reviewReadFiles(db, job.year, read);
    const chars = JSON.stringify(review).length;
    if (chars > REVIEW_MAX_JSON_CHARS) throw new Error(`评查结果过大(${(chars / 1024 / 1024).toFixed(0)} MB),请分批上传评查`);
    await writer.write({ status: 'done', review });
  } catch (error) {
    // When even this write fails (the database is gone), the heartbeat stops and polls report the
    // job failed once it is stale.
    await writer.write({ status: 'failed', error: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
  } finally {
    clearInterval(heartbeat);
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
  await ctx.db.transaction().execute(async (trx) => {
    await deleteReviewJobsCreatedBefore(trx, new Date(now.getTime() - REVIEW_KEPT_MS));
    await insertReviewJob(trx, { id: job.id, year: job.year, files: job.files, startedBy: job.startedBy, worker: WORKER, now });
    await recordChange(trx, ctx.user, now, {
      action: 'annual_report.city_review',
      entity: 'annual_report_review',
      entityId: job.id,
      unitId: null,
      before: null,
      after: { year: input.year, files: files.map((f) => f.fileName).slice(0, 200) },
    });
  });
  void run(ctx.db, job, files, ctx.now);
  return job;
}

/**
 * The job as stored, from whichever process worked on it. A running job whose heartbeat is stale
 * is declared failed here (its process died; the upload is gone with it).
 */
export async function getCityReview(ctx: Pick<Authed, 'db' | 'now'>, input: { jobId: string }): Promise<CityReviewJob> {
  let stored = await findReviewJob(ctx.db, input.jobId);
  if (!stored) throw notFound('评查任务不存在或已过期, 请重新上传');
  if (stored.status === 'reading' || stored.status === 'checking') {
    const now = ctx.now();
    const staleBefore = new Date(now.getTime() - REVIEW_STALE_MS);
    if (
      stored.heartbeatAt < staleBefore.toISOString() &&
      (await failStaleReviewJob(ctx.db, stored.id, staleBefore, REVIEW_WORKER_LOST, now))
    )
      stored = (await findReviewJob(ctx.db, input.jobId)) ?? stored;
  }
  return {
    id: stored.id,
    year: stored.year,
    status: stored.status,
    files: stored.files,
    done: stored.done,
    startedAt: stored.createdAt,
    finishedAt: stored.finishedAt,
    startedBy: stored.startedBy,
    review: stored.review,
    error: stored.error,
  };
}

export async function exportCityReview(
  ctx: Authed,
  input: z.output<typeof cityReviewExportInputSchema>,
): Promise<{ fileName: string; mimeType: string; contentBase64: string }> {
  const job = await getCityReview(ctx, input);
  if (!job.review) throw invalidInput('评查尚未完成');
  const title = `${job.year}年度政府信息公开工作年度报告评查表`;
  const bytes = await (await import('@kaoping/exporters/annual-report/city-review-xlsx')).renderCityReviewXlsx(job.review, title);
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
