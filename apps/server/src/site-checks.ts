// 网站检查 in the server process: the worker that runs queued and scheduled checks off the request
// path, and, with the demo city, the demo units' websites on local ports (issue #16). With several
// server processes each starts a worker (only the lease holder works, see site-check-worker.ts), and
// the demo websites are started once, by the cluster's primary.
import type { DatabaseHandle } from '@kaoping/db/connect';
import { startDemoWebsites } from '@kaoping/api/site-check/site-check-demo-sites';
import { SITE_CHECK_LEASE, startSiteCheckWorker } from '@kaoping/api/site-check/site-check-worker';
import { DEPLOYMENT_OFFICE_ID, forEachOffice } from '@kaoping/api/office-context';
import { scopeToOffice } from '@kaoping/db/offices/office-scope';

export interface SiteChecks {
  stop(): Promise<void>;
}

export function startSiteChecks(
  database: DatabaseHandle,
  options: { demoWebsites: boolean; onError: (error: unknown, what: string) => void; onDemo?: (sites: number) => void },
): SiteChecks {
  // One worker per office, each on its office's handle and lease (offices added later start with the next restart).
  const workers = forEachOffice(database.db, async (db, office) =>
    startSiteCheckWorker(db, {
      onError: (e) => options.onError(e, 'site check run failed'),
      leaseName: office.id === DEPLOYMENT_OFFICE_ID ? SITE_CHECK_LEASE : `${SITE_CHECK_LEASE}:${office.id}`,
    }),
  ).catch((e: unknown) => {
    options.onError(e, 'site check workers failed to start');
    return [];
  });
  let demo: Promise<{ close(): Promise<void> } | null> = Promise.resolve(null);
  if (options.demoWebsites) demo = startDemoSites(database, options);
  return {
    stop: async () => {
      await Promise.all((await workers).map((w) => w.stop()));
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
