import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import sirv from 'sirv';
import { LoginRateLimiter } from '@kaoping/api/auth/login-rate-limiter';
import { resolveSessionUser } from '@kaoping/api/auth/auth.service';
import type { Context } from '@kaoping/api/context';
import { appRouter } from '@kaoping/api/root';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { createCookieJar, readSessionToken } from './cookies';

export interface ServerOptions {
  database: DatabaseHandle;
  dashboardDir: string | null;
  secureCookies: boolean;
  now?: () => Date;
  onError?: (error: unknown, path: string | undefined) => void;
}

/** The HTTP host: `/trpc/*` is the API, everything else is the built dashboard (SPA fallback). */
export function createServer(options: ServerOptions): Server {
  const now = options.now ?? (() => new Date());
  const loginLimiter = new LoginRateLimiter();
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: 16 * 1024 * 1024,
    createContext: async ({ req, res }): Promise<Context> => {
      const sessionToken = readSessionToken(req);
      return {
        db: options.database.db,
        dialect: options.database.dialect,
        user: await resolveSessionUser(options.database.db, sessionToken, now()),
        sessionToken,
        clientIp: req.socket.remoteAddress ?? 'unknown',
        cookies: createCookieJar(res, options.secureCookies),
        loginLimiter,
        now,
      };
    },
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') options.onError?.(error, path);
    },
  });
  const hasDashboard = options.dashboardDir !== null && existsSync(options.dashboardDir);
  const assets = hasDashboard && options.dashboardDir ? sirv(options.dashboardDir, { single: true, etag: true, gzip: true, dev: false }) : null;

  return createHttpServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    if (req.url?.startsWith('/trpc/')) {
      trpc(req, res);
      return;
    }
    if (req.url === '/healthz') {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ ok: true }));
      return;
    }
    if (!assets) {
      res.statusCode = 503;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('看板尚未构建:请先运行 pnpm --filter @kaoping/dashboard build');
      return;
    }
    res.setHeader('Content-Security-Policy', "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'");
    assets(req, res, () => {
      res.statusCode = 404;
      res.end();
    });
  });
}
