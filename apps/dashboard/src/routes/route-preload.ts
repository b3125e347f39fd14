// What a full reload of a page needs besides the app frame, asked for all at once (issue #14).
// Without this, a reload is a chain: scripts → auth.me → layout → the page's chunk → its data and
// ECharts, each step waiting for the one before. The entry (main.tsx) calls preloadRoute before
// the frame is even loaded; the app (app.tsx) calls prefetchRouteData once the session is known.
// The import() calls name the same modules as the route table's lazy() (app-routes.tsx, rankings.tsx),
// so the browser loads each chunk once and the page's lazy() finds it ready. Nothing here is needed
// for correctness: a page still asks for its own data and chunks; this only asks earlier.
// No runtime imports: this module is part of the tiny entry chunk.
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@kaoping/api/root';
import type { SessionUser } from '@kaoping/contracts/auth/session';

const loadECharts = () => import('../charts/echarts-setup');

interface RouteChunks {
  match: RegExp;
  /** The page's chunk and the chunks it would load lazily on first render. */
  load: () => Promise<unknown>[];
  /** The page draws with ECharts. */
  charts: boolean;
}

const ROUTE_CHUNKS: RouteChunks[] = [
  { match: /^\/$/, load: () => [import('./overview')], charts: false },
  { match: /^\/rankings\/?$/, load: () => [import('./rankings')], charts: true },
  {
    match: /^\/rankings\/compare\/?$/,
    load: () => [import('./rankings'), import('../features/dashboard/cross-group-panel')],
    charts: false,
  },
  { match: /^\/rankings\/heat-map\/?$/, load: () => [import('./rankings'), import('../features/dashboard/heat-map-panel')], charts: true },
  { match: /^\/rankings\/trends\/?$/, load: () => [import('./rankings'), import('./trends')], charts: true },
  { match: /^\/units\/\d+\/profile\/?$/, load: () => [import('./unit-profile')], charts: true },
  { match: /^\/rectification\/board\/?$/, load: () => [import('./rectification-board')], charts: true },
  { match: /^\/rectification\/?$/, load: () => [import('./rectification')], charts: false },
  { match: /^\/analysis\/?$/, load: () => [import('./analysis')], charts: true },
  { match: /^\/presentation\/?$/, load: () => [import('./presentation')], charts: true },
  { match: /^\/bulletin\/?$/, load: () => [import('./bulletin')], charts: false },
  { match: /^\/units\/?$/, load: () => [import('./units')], charts: false },
  { match: /^\/units\/\d+\/?$/, load: () => [import('./unit-detail')], charts: false },
  { match: /^\/assessment(\/|$)/, load: () => [import('./assessment')], charts: false },
  { match: /^\/reports\/review\/?$/, load: () => [import('./reports-review')], charts: false },
  { match: /^\/reports(\/|$)/, load: () => [import('./reports')], charts: false },
  { match: /^\/settings\/?$/, load: () => [import('./settings')], charts: false },
  { match: /^\/site-check\/?$/, load: () => [import('./site-check')], charts: false },
];

/** Starts loading the page's chunks (and ECharts for a chart page); a failure is left to the page's own lazy(). */
export function preloadRoute(pathname: string): void {
  const route = ROUTE_CHUNKS.find((r) => r.match.test(pathname));
  if (!route) return;
  const loads = route.load();
  if (route.charts) loads.push(loadECharts());
  for (const load of loads) load.catch(() => undefined);
}

/** The period a dashboard page reads from the address (as useDashboardParams does). */
function periodOf(search: URLSearchParams): string | null {
  const period = search.get('period');
  return period && /^\d{4}Q[1-4]$/.test(period) ? period : null;
}

/**
 * Sends the page's main data request with the same input as the page's own query (so the page
 * finds it in the cache), before the frame has rendered. Only for an office's own accounts: a
 * province account's requests name the city it reads, which the layout sets up.
 */
export function prefetchRouteData(
  location: { pathname: string; search: string },
  user: SessionUser,
  queryClient: QueryClient,
  trpc: TRPCOptionsProxy<AppRouter>,
): void {
  if (user.officeKind === 'province' || user.mustChangePassword) return;
  const { pathname } = location;
  const search = new URLSearchParams(location.search);
  const period = periodOf(search);
  const group = search.get('group') || null;
  const isReader = user.role !== 'liaison';
  const prefetch = <T extends { queryKey: QueryKey }>(options: T) => {
    if (queryClient.getQueryState(options.queryKey) === undefined)
      void queryClient.prefetchQuery(options as Parameters<QueryClient['prefetchQuery']>[0]);
  };
  // The period picker's list (overview, ranking, heat map, cross-group view), in the same batch as the page's data.
  if (/^\/$|^\/rankings(\/heat-map|\/compare)?\/?$/.test(pathname)) prefetch(trpc.dashboard.periods.queryOptions());
  if (/^\/$/.test(pathname) && isReader) prefetch(trpc.dashboard.overview.queryOptions({ period }));
  else if (/^\/rankings\/?$/.test(pathname)) prefetch(trpc.dashboard.ranking.queryOptions({ period, group }));
  else if (/^\/rankings\/heat-map\/?$/.test(pathname)) prefetch(trpc.dashboard.heatMap.queryOptions({ period, group }));
  else if (/^\/rankings\/compare\/?$/.test(pathname)) prefetch(trpc.dashboard.crossGroup.queryOptions({ period }));
  else if (/^\/rankings\/trends\/?$/.test(pathname)) prefetch(trpc.dashboard.groupTrends.queryOptions());
  else if (/^\/rectification\/board\/?$/.test(pathname)) prefetch(trpc.dashboard.rectificationBoard.queryOptions({ groupId: null }));
  else {
    const profile = /^\/units\/(\d+)\/profile\/?$/.exec(pathname);
    const unitId = Number(profile?.[1]);
    if (profile && Number.isSafeInteger(unitId) && unitId > 0) prefetch(trpc.dashboard.unitProfile.queryOptions({ unitId, period }));
  }
}
