// Revalidation for tRPC queries (issue #14). A GET answer carries `Cache-Control: private, no-cache`
// (answers depend on the session: never shared caches; the browser keeps it but asks every time).
// Queries whose answer is a function of the office's data version (db/dashboard/database-version.ts:
// a counter the database bumps with every write the dashboard reads), the caller and the input get a
// strong ETag computed BEFORE the work from those, so a matching If-None-Match is answered 304
// without computing anything. The tag names the user (and their role, unit and office), the office
// whose data is read, China's date (answers count days), the request's URL (procedures and input)
// and its tRPC accept and Accept-Encoding headers, and this process's random boot id (a new server version answers anew;
// nobody can forge a tag). Mutations, errors and other queries carry no ETag. A strong tag names one
// body: answer-cache.ts sends the bytes of the first answer under a tag to the later requests with it.
import { hash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { chinaToday } from '@kaoping/domain/period/period';

/** Queries answered from the office's data version (db/dashboard/database-version.ts lists what moves it). */
export const VERSIONED_QUERY_PATHS: ReadonlySet<string> = new Set([
  'dashboard.periods',
  'dashboard.overview',
  'dashboard.overviewList',
  'dashboard.unitSummary',
  'dashboard.ranking',
  'dashboard.crossGroup',
  'dashboard.heatMap',
  'dashboard.groupTrends',
  'dashboard.unitHistory',
  'dashboard.unitProfile',
  'dashboard.rectificationBoard',
  // Items, findings, units, groups and (since 2026-12-09-0400-ledger-version) the work calendar.
  'rectification.ledger',
]);

export const CACHE_CONTROL = 'private, no-cache';

const BOOT_ID = randomBytes(12).toString('base64url');

/** The procedures a `/trpc/a,b?…` URL calls. */
export function pathsOf(url: string, basePath = '/trpc/'): string[] {
  const path = url.slice(basePath.length).split('?')[0] ?? '';
  return path.split(',').map((p) => decodeURIComponent(p));
}

/** True when every procedure of a GET is answered from the office's data version. */
export function isVersionedQuery(req: IncomingMessage): boolean {
  if (req.method !== 'GET' || req.url === undefined) return false;
  return pathsOf(req.url).every((p) => VERSIONED_QUERY_PATHS.has(p));
}

export interface VersionTagInput {
  user: Pick<SessionUser, 'id' | 'role' | 'unitId' | 'officeId' | 'officeKind' | 'mustChangePassword'>;
  /** The office whose rows the request reads (a province account: the city it names). */
  officeId: number;
  /** That office's data version, read before the work. */
  dataVersion: string;
  /** China's date (yyyy-mm-dd): answers count days to deadlines. */
  today: string;
}

/** The strong ETag of a versioned query, computed before the work. */
export function versionETag(req: IncomingMessage, input: VersionTagInput): string {
  const u = input.user;
  const accept = req.headers['trpc-accept'];
  // Answers are compressed by Accept-Encoding (compress-answers.ts): a strong tag names one encoding.
  const encoding = req.headers['accept-encoding'] ?? '';
  const parts = [
    BOOT_ID,
    input.officeId,
    input.dataVersion,
    input.today,
    u.id,
    u.role,
    u.unitId ?? '',
    u.officeId,
    u.officeKind ?? '',
    u.mustChangePassword === true ? 1 : 0,
    Array.isArray(accept) ? accept.join(',') : (accept ?? ''),
    encoding,
    req.url ?? '',
  ];
  return `"${hash('sha256', parts.join('\u0000'), 'base64url')}"`;
}

/** China's date at `now`, formatted once per day (China keeps no summer time: a day is 24 hours from 00:00+08:00). */
export function chinaDateClock(): (now: Date) => string {
  let day = '';
  let from = 0;
  let to = -1;
  return (now) => {
    const t = now.getTime();
    if (t < from || t >= to) {
      day = chinaToday(now);
      from = Date.parse(`${day}T00:00:00+08:00`);
      to = from + 86_400_000;
    }
    return day;
  };
}

/** True when the request's If-None-Match names `etag` (weak comparison, as RFC 9110 asks for If-None-Match). */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === etag || t === '*' || t === `W/${etag}`;
  });
}
