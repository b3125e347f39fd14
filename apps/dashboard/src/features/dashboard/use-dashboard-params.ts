import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTRPC } from '../../trpc';

/**
 * The period and group a dashboard page shows, kept in the address (?period=2026Q3&group=B1) so
 * a view can be linked, printed and shared; null means the latest published period / first group.
 */
export function useDashboardParams() {
  const [params, setParams] = useSearchParams();
  const period = params.get('period');
  const group = params.get('group');
  const set = (key: 'period' | 'group', value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  return {
    period: period && /^\d{4}Q[1-4]$/.test(period) ? period : null,
    group: group || null,
    setPeriod: (value: string | null) => set('period', value),
    setGroup: (value: string | null) => set('group', value),
    /** The current query string, to carry period and group over to a sibling page. */
    search: params.toString(),
  };
}

/** The quarters with published results (newest first). */
export function usePublishedPeriods() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.dashboard.periods.queryOptions(), staleTime: 60_000 });
}
