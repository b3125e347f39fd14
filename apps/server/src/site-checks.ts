// 网站检查 in the server process: the worker that runs queued and scheduled checks off the request
// path, and, with the demo city, the demo units' websites on local ports (issue #16). With several
// server processes each starts a worker (only the lease holder works, see site-check-worker.ts), and
// the demo websites are started once, by the cluster's primary.
import type { DatabaseHandle } from '@kaoping/db/connect';
import { startDemoWebsites } from '@kaoping/api/site-check/site-check-demo-sites';
import { startSiteCheckWorker } from '@kaoping/api/site-check/site-check-worker';

export interface SiteChecks {
  stop(): Promise<void>;
}

export function startSiteChecks(
  database: DatabaseHandle,
  options: { demoWebsites: boolean; onError: (error: unknown, what: string) => void; onDemo?: (sites: number) => void },
): SiteChecks {
  const worker = startSiteCheckWorker(database.db, { onError: (e) => options.onError(e, 'site check run failed') });
  let demo: Promise<{ close(): Promise<void> } | null> = Promise.resolve(null);
  if (options.demoWebsites) demo = startDemoSites(database, options);
  return {
    stop: async () => {
      await worker.stop();
      await (await demo)?.close();
    },
  };
}

/** The demo units' websites, served by this process; null when they could not start (logged). */
export function startDemoSites(
  database: DatabaseHandle,
  options: { onError: (error: unknown, what: string) => void; onDemo?: (sites: number) => void },
): Promise<{ close(): Promise<void> } | null> {
  return startDemoWebsites(database.db).then(
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
