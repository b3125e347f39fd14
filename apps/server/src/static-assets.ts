// The built dashboard: files under /assets/ carry a content hash in their name, so the browser may
// keep them for a year without asking again (a new build has new names); everything else
// (index.html, also the SPA fallback for any page address) is asked for again each time (issue #14).
// The build writes .br and .gz beside each text file (apps/dashboard/vite.config.ts), which are sent
// as they are to a browser that accepts them: nothing is compressed per request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

export function serveDashboard(dir: string): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return sirv(dir, {
    single: true,
    etag: true,
    gzip: true,
    brotli: true,
    dev: false,
    // A path with a file extension never falls back to index.html (sirv's default `ignores`), so a
    // hashed name always is the file itself and a missing one is a 404, never a cached page.
    setHeaders: (res, pathname) => res.setHeader('Cache-Control', /^\/assets\/[^/]+\.\w+$/.test(pathname) ? IMMUTABLE : 'no-cache'),
  });
}
