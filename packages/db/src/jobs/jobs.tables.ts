// The job_leases table (see migration 2026-12-07-1601-job-leases): instants are ISO UTC text.
export interface JobLeaseTable {
  /** What the lease is for, e.g. 'rectification-reminders'. */
  name: string;
  /** Who holds it: a server process (host, pid and a random tag). */
  holder: string;
  /** When the current holder took it (kept while it renews). */
  acquired_at: string;
  /** After this instant anyone may take it. */
  expires_at: string;
}

export interface JobTables {
  job_leases: JobLeaseTable;
}
