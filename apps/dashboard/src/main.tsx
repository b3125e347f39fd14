// The entry is kept tiny on purpose (issue #14): before the app frame (React, antd, i18n, tRPC) has
// even loaded, it asks for the session and starts loading the page's own chunks (and ECharts for a
// chart page), so a full reload no longer waits for each step in turn. index.html preloads the
// frame's chunks (vite.config.ts), so they download in parallel with all of this.
import type { SessionAnswer } from './app';
import { preloadRoute } from './routes/route-preload';

/** auth.me as a plain GET (the tRPC client is part of the frame still loading); null when it cannot be read. */
function requestSession(): Promise<SessionAnswer> {
  return fetch('/trpc/auth.me', { credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then(async (response) => {
      if (!response.ok) return null;
      const body = (await response.json()) as { result?: { data?: unknown } };
      return body.result && 'data' in body.result ? { user: (body.result.data ?? null) as NonNullable<SessionAnswer>['user'] } : null;
    })
    .catch(() => null);
}

const session = requestSession();
// An English reload: its strings (a chunk of their own, i18n/i18n.ts) load alongside the session, and the frame waits for both.
if (localStorage.getItem('kaoping.language') === 'en') void import('./i18n/en');
preloadRoute(window.location.pathname);
const root = document.getElementById('root');
if (root) void import('./app').then(({ mountApp }) => mountApp(root, session));
