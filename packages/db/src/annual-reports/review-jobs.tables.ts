import type { Generated } from 'kysely';

// The report_review_jobs table (see migration 2026-12-08-1101-report-review-jobs): instants are
// ISO UTC text, the review table is JSON text.
export interface ReportReviewJobTable {
  /** The office the job belongs to (tenancy, issue #14 Part 3); 1 until offices are wired in. */
  office_id: Generated<number>;
  /** A random UUID, handed to the browser to poll. */
  id: string;
  /** The user who uploaded the files. */
  started_by: number;
  year: number;
  /** reading | checking | done | failed */
  status: string;
  /** Files found in the upload (archives unpacked) and how many are read so far. */
  files: number;
  done: number;
  review_json: string | null;
  error: string | null;
  /** The server process doing the work (host:pid:tag). */
  worker: string;
  /** Refreshed by that process while the job runs. */
  heartbeat_at: string;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface ReviewJobTables {
  report_review_jobs: ReportReviewJobTable;
}
