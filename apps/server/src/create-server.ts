import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { REPORT_PARSE_MAX_BYTES } from '@kaoping/contracts/annual-report-workflow/annual-report-record';
import { LoginRateLimiter } from '@kaoping/api/auth/login-rate-limiter';
import { resolveSession, type ResolvedSession } from '@kaoping/api/auth/auth.service';
import type { Context } from '@kaoping/api/context';
import { appRouter } from '@kaoping/api/root';
import { OFFICE_HEADER, requestDbFor } from '@kaoping/api/office-context';
import type { DatabaseHandle, Db } from '@kaoping/db/connect';
import { readOfficeDataVersion } from '@kaoping/db/dashboard/database-version';
import { officeOf } from '@kaoping/db/offices/office-scope';
import { AnswerCache, keepableAnswer, sendKeptAnswer } from './answer-cache';
import { clientAddress } from './client-address';
import { useChineseZodMessages } from '@kaoping/contracts/zod-chinese';
import { compressAnswer } from './compress-answers';
import { createCookieJar, readSessionToken } from './cookies';
import { CACHE_CONTROL, chinaDateClock, isVersionedQuery, matches, versionETag } from './http-cache';
import { inputProblem } from './input-guard';
import { refuseCrossSite } from './request-guard';
import { serveDashboard } from './static-assets';
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
  /** Finished answers kept by ETag (answer-cache.ts); default: 32 MB for this server; null keeps none. */
  answerCache?: AnswerCache | null;
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

/** What the host learned about a request before tRPC runs it: its session, and for a versioned GET its handle, version and ETag. */
interface Prepared {
  session: ResolvedSession | null;
  db?: Db;
  dataVersion?: string | null;
  etag?: string;
}

/** The HTTP host: `/trpc/*` is the API, everything else is the built dashboard (SPA fallback). */
export function createServer(options: ServerOptions): Server {
  const now = options.now ?? (() => new Date());
  const loginLimiter = options.loginLimiter ?? new LoginRateLimiter();
  const trustedProxies = options.trustedProxies ?? [];
  const allowedOrigins = options.allowedOrigins ?? [];
  const root = options.database.db;
  // One session lookup per request (with the office's data version in the same statement), done before tRPC.
  const prepared = new WeakMap<IncomingMessage, Prepared>();
  const chinaDate = chinaDateClock();
  const answers = options.answerCache === undefined ? new AnswerCache() : options.answerCache;

  /** The session, and for a GET of versioned queries the office's version and the ETag, before any work. */
  async function prepare(req: IncomingMessage): Promise<Prepared> {
    const session = await resolveSession(root, readSessionToken(req), now());
    if (session === null || !isVersionedQuery(req)) return { session };
    const db = await requestDbFor(root, session.user, requestedOffice(req));
    if (db === null) return { session };
    const officeId = officeOf(db) ?? session.user.officeId;
    // The user's own office's version came with the session; a city a province account reads is read now.
    const dataVersion = officeId === session.user.officeId ? session.officeDataVersion : await readOfficeDataVersion(db);
    if (dataVersion === null) return { session, db, dataVersion };
    const etag = versionETag(req, { user: session.user, officeId, dataVersion, today: chinaDate(now()) });
    return { session, db, dataVersion, etag };
  }

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
      const early = prepared.get(req) ?? (await prepare(req));
      const user = early.session?.user ?? null;
      // Scoped to the user's office (a province account: to the city it names): no query of this request reaches another office's rows.
      const db = early.db ?? (await requestDbFor(root, user, requestedOffice(req)));
      if (db === null) throw new TRPCError({ code: 'FORBIDDEN', message: '无权查看该单位的数据' });
      // The version read before the work: with the session (the user's own office) or by prepare (a city named).
      const known =
        early.dataVersion !== undefined
          ? early.dataVersion
          : early.session && officeOf(db) === early.session.user.officeId
            ? early.session.officeDataVersion
            : undefined;
      let version: Promise<string | null> | undefined = known !== undefined ? Promise.resolve(known) : undefined;
      return {
        db,
        dataVersion: () => (version ??= readOfficeDataVersion(db)),
        etag: early.etag ?? null,
        dialect: options.database.dialect,
        user,
        sessionToken,
        clientIp: clientAddress(req, trustedProxies),
        cookies: createCookieJar(res, options.secureCookies),
        loginLimiter,
        now,
      };
    },
    // A successful GET of versioned queries carries the ETag computed before the work; every GET is private, no-cache.
    responseMeta: ({ ctx, type, errors }) => {
      if (type !== 'query') return {};
      if (errors.length > 0 || !ctx?.etag) return { headers: { 'Cache-Control': CACHE_CONTROL } };
      return { headers: { 'Cache-Control': CACHE_CONTROL, ETag: ctx.etag } };
    },
    // Runs before the response is shaped: transport errors get their Chinese message here.
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') options.onError?.(error, path);
      const zh = chineseTransportMessage(error, { maxBodyMb: Math.floor(MAX_BODY_BYTES / 1048576), maxBatchSize: MAX_BATCH_SIZE });
      if (zh !== null) error.message = zh;
    },
  });
  const hasDashboard = options.dashboardDir !== null && existsSync(options.dashboardDir);
  const assets = hasDashboard && options.dashboardDir ? serveDashboard(options.dashboardDir) : null;

  return createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    setSecurityHeaders(res, options.secureCookies);
    if (options.servedBy !== undefined) res.setHeader('X-Kaoping-Worker', options.servedBy);
    if (req.url?.startsWith('/trpc/')) {
      const refusal = refuseCrossSite(req, { allowedOrigins });
      if (refusal !== null) {
        refuse(res, 403, refusal, 'FORBIDDEN');
        return;
      }
      void prepare(req).then(
        (early) => {
          // A GET whose answer has not changed since the client's copy: 304, nothing computed.
          if (early.etag !== undefined && matches(req.headers['if-none-match'], early.etag)) {
            res.statusCode = 304;
            res.setHeader('ETag', early.etag);
            res.setHeader('Cache-Control', CACHE_CONTROL);
            res.end();
            return;
          }
          const etag = early.etag;
          // A streamed answer (trpc-accept: application/jsonl) is 200 before its calls end, errors or not: never kept.
          if (answers === null || etag === undefined || req.headers['trpc-accept'] !== undefined) {
            prepared.set(req, early);
            compressAnswer(req, res);
            trpc(req, res);
            return;
          }
          // The same ETag names the same bytes: sent again without tRPC, JSON or compression.
          const kept = answers.get(etag);
          if (kept !== undefined) {
            sendKeptAnswer(res, kept);
            return;
          }
          const compute = (lead: boolean) => {
            prepared.set(req, early);
            if (!lead) {
              compressAnswer(req, res);
              trpc(req, res);
              return;
            }
            const before = new Set(res.getHeaderNames());
            const settle = answers.lead(etag);
            // Ended without an answer to keep (an error, a closed connection): the waiting requests compute their own.
            res.once('close', () => settle(null));
            compressAnswer(req, res, (body) => settle(keepableAnswer(res, etag, body, before)));
            trpc(req, res);
          };
          const pending = answers.pending(etag);
          if (pending === undefined) {
            compute(true);
            return;
          }
          // Another request is computing this very answer: wait for its bytes.
          void pending.then((answer) => (answer !== null ? sendKeptAnswer(res, answer) : compute(false)));
        },
        (error: unknown) => {
          options.onError?.(error, undefined);
          refuse(res, 500, '服务器内部错误,请稍后重试或联系管理员', 'INTERNAL_SERVER_ERROR');
        },
      );
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
