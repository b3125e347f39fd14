// 网站检查 in the server process: the worker that runs queued and scheduled checks off the request
// path, and, with the demo city, the demo units' websites on local ports (issue #16).
import type { DatabaseHandle } from '@kaoping/db/connect';
import { startDemoWebsites } from '@kaoping/api/site-check/site-check-demo-sites';
import { startSiteCheckWorker } from '@kaoping/api/site-check/site-check-worker';

export function startSiteChecks(
  database: DatabaseHandle,
  options: { demoWebsites: boolean; onError: (error: unknown, what: string) => void; onDemo?: (sites: number) => void },
): void {
  const worker = startSiteCheckWorker(database.db, { onError: (e) => options.onError(e, 'site check run failed') });
  if (options.demoWebsites) {
    startDemoWebsites(database.db).then(
      (city) => {
        options.onDemo?.(city.units.length);
        process.once('beforeExit', () => void city.close());
      },
      (e: unknown) => options.onError(e, 'demo websites failed to start'),
    );
  }
  process.once('beforeExit', () => void worker.stop());
}
