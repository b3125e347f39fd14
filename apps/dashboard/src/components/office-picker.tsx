// The header's city picker of a province account (docs/scale.md, The province): lists the province's
// cities, keeps the choice (features/province/office-choice.ts) and makes every tRPC request name it
// (X-Kaoping-Office, trpc.ts). Switching city drops the city-scoped answers so every page asks again.
// A city account sees nothing here and sends no header.
import { useQuery } from '@tanstack/react-query';
import { Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { activateOfficeChoice, deactivateOfficeChoice, useChosenOffice } from '../features/province/office-choice';
import { useSwitchOffice } from '../features/province/use-switch-office';
import { useTRPC } from '../trpc';

export function OfficePicker({ user }: { user: Pick<SessionUser, 'id' | 'officeKind'> }) {
  if (user.officeKind !== 'province') return null;
  return <ProvinceOfficePicker userId={user.id} />;
}

function ProvinceOfficePicker({ userId }: { userId: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const location = useLocation();
  // Before the page below asks for anything: its first requests already name the kept city.
  activateOfficeChoice(userId, false);
  useEffect(() => {
    activateOfficeChoice(userId);
    return () => deactivateOfficeChoice(userId);
  }, [userId]);
  const chosen = useChosenOffice();
  const switchOffice = useSwitchOffice();
  const cities = useQuery(trpc.province.cities.queryOptions());
  const known = cities.data?.some((c) => c.id === chosen) ?? true;
  // A kept city no longer in the province (or of another account) is forgotten.
  useEffect(() => {
    if (!known) switchOffice(null);
  }, [known, switchOffice]);
  // Without a city, the province's own landing page rather than an empty overview.
  if (chosen === null && location.pathname === '/') return <Navigate to="/province" replace />;
  return (
    <Space size={4}>
      <Typography.Text type="secondary">{t('province.picker.label')}</Typography.Text>
      <Select
        data-testid="office-picker"
        style={{ minWidth: 160 }}
        size="small"
        loading={cities.isPending}
        placeholder={t('province.picker.placeholder')}
        notFoundContent={t('province.picker.none')}
        value={known ? (chosen ?? undefined) : undefined}
        options={(cities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        onChange={(value: number) => switchOffice(value)}
      />
    </Space>
  );
}
