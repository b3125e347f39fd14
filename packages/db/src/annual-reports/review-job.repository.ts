// 年报评查 jobs in the database, so that any server process can answer a poll for a job another
// process is working on. The working process writes progress, heartbeats and the outcome; every
// write is conditional on the job still running, so a late write from a process that was declared
// dead (or a second outcome) changes nothing. Instants come from the caller's clock.
import type { CityReview } from '@kaoping/domain/annual-report-review/city-review';
import type { Db } from '../connect';

export type ReviewJobStatus = 'reading' | 'checking' | 'done' | 'failed';

const RUNNING: ReviewJobStatus[] = ['reading', 'checking'];

export interface ReviewJobRecord {
  id: string;
  year: number;
  status: ReviewJobStatus;
  files: number;
  done: number;
  startedBy: number;
  worker: string;
  heartbeatAt: string;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  error: string | null;
}

export interface NewReviewJob {
  id: string;
  year: number;
  files: number;
  startedBy: number;
  worker: string;
  now: Date;
}

export interface ReviewJobChange {
  status?: ReviewJobStatus;
  files?: number;
  done?: number;
  /** Only with status 'done'. */
  review?: CityReview;
  /** Only with status 'failed'. */
  error?: string;
}

export async function insertReviewJob(db: Db, job: NewReviewJob): Promise<void> {
  const at = job.now.toISOString();
  await db
    .insertInto('report_review_jobs')
    .values({
      id: job.id,
      started_by: job.startedBy,
      year: job.year,
      status: 'reading',
      files: job.files,
      done: 0,
      review_json: null,
      error: null,
      worker: job.worker,
      heartbeat_at: at,
      created_at: at,
      updated_at: at,
      finished_at: null,
    })
    .execute();
}

/**
 * Applies progress or the outcome of a running job and refreshes its heartbeat. False when the
 * job no longer runs (finished, declared dead, or cleaned up): the caller should stop.
 */
export async function updateRunningReviewJob(db: Db, id: string, change: ReviewJobChange, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const finished = change.status === 'done' || change.status === 'failed';
  const result = await db
    .updateTable('report_review_jobs')
    .set({
      ...(change.status !== undefined ? { status: change.status } : {}),
      ...(change.files !== undefined ? { files: change.files } : {}),
      ...(change.done !== undefined ? { done: change.done } : {}),
      ...(change.review !== undefined ? { review_json: JSON.stringify(change.review) } : {}),
      ...(change.error !== undefined ? { error: change.error } : {}),
      ...(finished ? { finished_at: at } : {}),
      heartbeat_at: at,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('status', 'in', RUNNING)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Declares a running job failed when its heartbeat is older than `staleBefore` (its process died).
 * True when this call did it; a job that heartbeats meanwhile is left alone.
 */
export async function failStaleReviewJob(db: Db, id: string, staleBefore: Date, error: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .updateTable('report_review_jobs')
    .set({ status: 'failed', error, finished_at: at, updated_at: at })
    .where('id', '=', id)
    .where('status', 'in', RUNNING)
    .where('heartbeat_at', '<', staleBefore.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function toRecord(row: {
  id: string;
  year: number;
  status: string;
  files: number;
  done: number;
  started_by: number;
  worker: string;
  heartbeat_at: string;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  error: string | null;
}): ReviewJobRecord {
  return {
    id: row.id,
    year: Number(row.year),
    status: row.status as ReviewJobStatus,
    files: Number(row.files),
    done: Number(row.done),
    startedBy: Number(row.started_by),
    worker: row.worker,
    heartbeatAt: row.heartbeat_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
    error: row.error,
  };
}

const RECORD_COLUMNS = [
  'id',
  'year',
  'status',
  'files',
  'done',
  'started_by',
  'worker',
  'heartbeat_at',
  'created_at',
  'updated_at',
  'finished_at',
  'error',
] as const;

/** The job, with its review table once done (null before). */
export async function findReviewJob(db: Db, id: string): Promise<(ReviewJobRecord & { review: CityReview | null }) | null> {
  const row = await db
    .selectFrom('report_review_jobs')
    .select([...RECORD_COLUMNS, 'review_json'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return { ...toRecord(row), review: row.review_json === null ? null : (JSON.parse(row.review_json) as CityReview) };
}

/** Removes jobs created before `before`, whatever their state; returns how many. */
export async function deleteReviewJobsCreatedBefore(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('report_review_jobs').where('created_at', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
