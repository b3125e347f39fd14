// 概览: readers see the city's figures for a published quarter; a liaison sees their own unit's.
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { CityOverview } from '../features/dashboard/city-overview';
import { PrintStyle } from '../features/dashboard/print-style';
import { UnitOverview } from '../features/dashboard/unit-overview';

export function OverviewPage({ user }: { user: SessionUser }) {
  return (
    <>
      <PrintStyle />
      {user.role === 'liaison' ? <UnitOverview unitId={user.unitId ?? 0} /> : <CityOverview />}
    </>
  );
}
