// 网站检查 in the server process: the worker that runs queued and scheduled checks off the request
// path (one per city office, offices added while the server runs included), and, with the demo city, the demo units' websites on local ports (issue #16). With several
// server processes each starts a worker (only the lease holder works, see site-check-worker.ts), and
// the demo websites are started once, by the cluster's primary.
import type { DatabaseHandle } from '@kaoping/db/connect';
import { startDemoWebsites } from '@kaoping/api/site-check/site-check-demo-sites';
import {
  SITE_CHECK_LEASE,
  startSiteCheckWorker,
  type SiteCheckWorker,
  type SiteCheckWorkerOptions,
} from '@kaoping/api/site-check/site-check-worker';
import { DEPLOYMENT_OFFICE_ID, forEachOffice } from '@kaoping/api/office-context';
import { scopeToOffice } from '@kaoping/db/offices/office-scope';

export interface SiteChecks {
  stop(): Promise<void>;
}

/** How often the offices are listed again, so an office added while the server runs gets its worker. */
export const OFFICE_CHECK_EVERY_MS = 60_000;

export function startSiteChecks(
  database: DatabaseHandle,
  options: {
    demoWebsites: boolean;
    onError: (error: unknown, what: string) => void;
    onDemo?: (sites: number) => void;
    /** Time between two listings of the offices; default OFFICE_CHECK_EVERY_MS. */
    checkOfficesEveryMs?: number;
    /** Passed to every worker (tests). */
    worker?: Omit<SiteCheckWorkerOptions, 'onError' | 'leaseName'>;
  },
): SiteChecks {
  // One worker per city office, each on its office's handle and lease. The offices are listed again
  // every minute: an office set up while the server runs gets its worker then, without a restart.
  const workers = new Map<number, SiteCheckWorker>();
  let stopped = false;
  const startMissing = () =>
    forEachOffice(database.db, async (db, office) => {
      if (stopped || workers.has(office.id)) return;
      workers.set(
        office.id,
        startSiteCheckWorker(db, {
          ...options.worker,
          onError: (e) => options.onError(e, 'site check run failed'),
          leaseName: office.id === DEPLOYMENT_OFFICE_ID ? SITE_CHECK_LEASE : `${SITE_CHECK_LEASE}:${office.id}`,
        }),
      );
    }).then(
      () => undefined,
      (e: unknown) => options.onError(e, 'site check workers failed to start'),
    );
  let listing = startMissing();
  const timer = setInterval(() => {
    listing = listing.then(startMissing);
  }, options.checkOfficesEveryMs ?? OFFICE_CHECK_EVERY_MS);
  timer.unref();
  let demo: Promise<{ close(): Promise<void> } | null> = Promise.resolve(null);
  if (options.demoWebsites) demo = startDemoSites(database, options);
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await listing;
      await Promise.all([...workers.values()].map((w) => w.stop()));
      await (await demo)?.close();
    },
  };
}

/** The demo units' websites, served by this process; null when they could not start (logged). */
export function startDemoSites(
  database: DatabaseHandle,
  options: { onError: (error: unknown, what: string) => void; onDemo?: (sites: number) => void },
): Promise<{ close(): Promise<void> } | null> {
  // The demo city is office 1's.
  return startDemoWebsites(scopeToOffice(database.db, DEPLOYMENT_OFFICE_ID)).then(
    (city) => {
      options.onDemo?.(city.units.length);
      return city;
    },
    (e: unknown) => {
      options.onError(e, 'demo websites failed to start');
      return null;
    },
  );
}
