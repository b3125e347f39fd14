import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Sends a page's request while the page is still rendering (a query only sends it once the page is
 * committed). Called during render, so only for a query never asked yet: an error, a refetch or
 * staleness stay the page's own query's business, and a re-render never asks again.
 */
export function prefetchOnce<T extends { queryKey: QueryKey }>(queryClient: QueryClient, options: T): void {
  if (queryClient.getQueryState(options.queryKey) !== undefined) return;
  void queryClient.prefetchQuery(options as Parameters<QueryClient['prefetchQuery']>[0]);
}
