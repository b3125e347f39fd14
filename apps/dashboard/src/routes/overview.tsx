// 概览: readers see the city's figures for a published quarter; a liaison sees their own unit's.
import { useQueryClient } from '@tanstack/react-query';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { CityOverview } from '../features/dashboard/city-overview';
import { PrintStyle } from '../features/dashboard/print-style';
import { UnitOverview } from '../features/dashboard/unit-overview';
import { useDashboardParams } from '../features/dashboard/use-dashboard-params';
import { SetupChecklist } from '../features/onboarding/setup-checklist';
import { prefetchOnce } from '../features/dashboard/prefetch';
import { useTRPC } from '../trpc';

export function OverviewPage({ user }: { user: SessionUser }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { period } = useDashboardParams();
  // Send the request while the page renders, not once it is committed.
  if (user.role !== 'liaison') prefetchOnce(queryClient, trpc.dashboard.overview.queryOptions({ period }));
  return (
    <>
      <PrintStyle />
      {/* An office's first run: what to set up before the first quarter can be assessed. */}
      {user.role === 'admin' && <SetupChecklist />}
      {user.role === 'liaison' ? <UnitOverview unitId={user.unitId ?? 0} /> : <CityOverview />}
    </>
  );
}
