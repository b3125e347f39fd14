// Periodic jobs of the server: the hourly rectification reminders and overdue notices. Every server
// process runs this timer, but each turn is taken through a lease in the database (db/jobs), so the
// job runs once per hour across all processes sharing the database, whichever process that is.
// The job itself is idempotent (and the notification list catches up on demand), so a turn lost to
// a process dying mid-run costs at most an hour's delay.
import { hostname } from 'node:os';
import type { Db } from '@kaoping/db/connect';
import { takeTurn } from '@kaoping/db/jobs/job-lease.repository';
import { runDueReminders } from '@kaoping/api/rectification/rectification-notices';
import { forEachOffice } from '@kaoping/api/office-context';

export const REMINDERS_JOB = 'rectification-reminders';

export interface PeriodicJobsOptions {
  /** How often a process asks whether the hourly turn is free; default every minute. */
  checkEveryMs?: number;
  /** Time between two runs across all processes; default one hour. */
  intervalMs?: number;
  now?: () => Date;
  onRan?: (notices: number) => void;
  onError?: (error: unknown) => void;
}

export interface PeriodicJobs {
  /** Resolves when the turn in progress (if any) has finished. */
  stop(): Promise<void>;
}

export function startPeriodicJobs(db: Db, options: PeriodicJobsOptions = {}): PeriodicJobs {
  const now = options.now ?? (() => new Date());
  const holder = `${hostname()}:${process.pid}`;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      const at = now();
      if (!(await takeTurn(db, { name: REMINDERS_JOB, holder, now: at, ttlMs: options.intervalMs ?? 60 * 60 * 1000 }))) return;
      // Office by office, each on its own scoped handle (the lease itself is deployment-wide).
      const counts = await forEachOffice(db, (office) => runDueReminders(office, at));
      options.onRan?.(counts.reduce((a, b) => a + b, 0));
    })()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.checkEveryMs ?? 60 * 1000);
  timer.unref();
  tick();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
