import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import sirv from 'sirv';
import { REPORT_PARSE_MAX_BYTES } from '@kaoping/contracts/annual-report-workflow/annual-report-record';
import { LoginRateLimiter } from '@kaoping/api/auth/login-rate-limiter';
import { resolveSessionUser } from '@kaoping/api/auth/auth.service';
import type { Context } from '@kaoping/api/context';
import { appRouter } from '@kaoping/api/root';
import { OFFICE_HEADER, requestDbFor } from '@kaoping/api/office-context';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { clientAddress } from './client-address';
import { useChineseZodMessages } from '@kaoping/contracts/zod-chinese';
import { createCookieJar, readSessionToken } from './cookies';
import { withHttpCache } from './http-cache';
import { inputProblem } from './input-guard';
import { refuseCrossSite } from './request-guard';
import { chineseTransportMessage } from './transport-messages';

useChineseZodMessages();

export interface ServerOptions {
  database: DatabaseHandle;
  dashboardDir: string | null;
  secureCookies: boolean;
  /** Reverse proxies whose X-Forwarded-For is believed (KAOPING_TRUSTED_PROXIES). */
  trustedProxies?: readonly string[];
  /** Origins besides the request's own host allowed to send mutations (KAOPING_ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
  loginLimiter?: LoginRateLimiter;
  now?: () => Date;
  onError?: (error: unknown, path: string | undefined) => void;
  /** Sent as X-Kaoping-Worker on every response when several processes share the port (which one answered). */
  servedBy?: string;
}

/** Calls one request may carry. The dashboard's batch link is capped at the same number. */
export const MAX_BATCH_SIZE = 20;
/** The largest upload (a 20 MB report) in base64, plus room for the rest of the JSON. */
export const MAX_BODY_BYTES = Math.ceil((REPORT_PARSE_MAX_BYTES * 4) / 3) + 1024 * 1024;

const API_CSP = "default-src 'none'; frame-ancestors 'none'";
const DASHBOARD_CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

function setSecurityHeaders(res: ServerResponse, secure: boolean): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  // Never framed: clickjacking. The CSP directive for current browsers, the header for old ones.
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Content-Security-Policy', API_CSP);
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  if (secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
}

function refuse(res: ServerResponse, status: number, message: string, code: TRPCError['code']): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ error: { message, code: -32003, data: { code, httpStatus: status } } }));
}

/** The office a request names (a province account's office picker), if any. */
function requestedOffice(req: IncomingMessage): number | null {
  const raw = req.headers[OFFICE_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === '') return null;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : -1;
}

/** The HTTP host: `/trpc/*` is the API, everything else is the built dashboard (SPA fallback). */
export function createServer(options: ServerOptions): Server {
  const now = options.now ?? (() => new Date());
  const loginLimiter = options.loginLimiter ?? new LoginRateLimiter();
  const trustedProxies = options.trustedProxies ?? [];
  const allowedOrigins = options.allowedOrigins ?? [];
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: MAX_BODY_BYTES,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async ({ req, res, info }): Promise<Context> => {
      // Sign-in is never batched: one request, one password guess.
      if (info.calls.length > 1 && info.calls.some((c) => c.path === 'auth.login')) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: '登录请求不能与其他请求合并发送,请单独提交' });
      }
      for (const call of info.calls) {
        const problem = inputProblem(await call.getRawInput());
        if (problem !== null) throw new TRPCError({ code: 'BAD_REQUEST', message: problem });
      }
      const sessionToken = readSessionToken(req);
      const user = await resolveSessionUser(options.database.db, sessionToken, now());
      // Scoped to the user's office (a province account: to the city it names): no query of this request reaches another office's rows.
      const db = await requestDbFor(options.database.db, user, requestedOffice(req));
      if (db === null) throw new TRPCError({ code: 'FORBIDDEN', message: '无权查看该单位的数据' });
      return {
        db,
        dialect: options.database.dialect,
        user,
        sessionToken,
        clientIp: clientAddress(req, trustedProxies),
        cookies: createCookieJar(res, options.secureCookies),
        loginLimiter,
        now,
      };
    },
    // Runs before the response is shaped: transport errors get their Chinese message here.
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') options.onError?.(error, path);
      const zh = chineseTransportMessage(error, { maxBodyMb: Math.floor(MAX_BODY_BYTES / 1048576), maxBatchSize: MAX_BATCH_SIZE });
      if (zh !== null) error.message = zh;
    },
  });
  const hasDashboard = options.dashboardDir !== null && existsSync(options.dashboardDir);
  const assets =
    hasDashboard && options.dashboardDir ? sirv(options.dashboardDir, { single: true, etag: true, gzip: true, dev: false }) : null;

  return createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    setSecurityHeaders(res, options.secureCookies);
    if (options.servedBy !== undefined) res.setHeader('X-Kaoping-Worker', options.servedBy);
    if (req.url?.startsWith('/trpc/')) {
      const refusal = refuseCrossSite(req, { allowedOrigins });
      if (refusal !== null) {
        refuse(res, 403, refusal, 'FORBIDDEN');
        return;
      }
      withHttpCache(req, res, trpc);
      return;
    }
    if (req.url === '/healthz') {
      res.setHeader('Content-Type', 'application/json');
      // The pid tells which server process answered (several share the port with --workers).
      res.end(JSON.stringify({ ok: true, pid: process.pid }));
      return;
    }
    res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
    if (!assets) {
      res.statusCode = 503;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('看板尚未构建:请先运行 pnpm --filter @kaoping/dashboard build');
      return;
    }
    assets(req, res, () => {
      res.statusCode = 404;
      res.end();
    });
  });
}
