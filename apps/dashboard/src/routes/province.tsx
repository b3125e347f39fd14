// 全省概况: a province account's landing page — its cities side by side from their published results
// (province.summary). Opening a city picks it in the header (X-Kaoping-Office) and shows its overview.
import { useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Spin, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DashboardError } from '../features/dashboard/dashboard-error';
import { formatPeriod } from '../features/dashboard/dashboard-format';
import { ProvinceCitiesChart, ProvinceCitiesTable } from '../features/province/province-cities';
import { useSwitchOffice } from '../features/province/use-switch-office';
import { useTRPC } from '../trpc';

export function ProvincePage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const [period, setPeriod] = useState<string | null>(null);
  const navigate = useNavigate();
  const switchOffice = useSwitchOffice();
  const summary = useQuery(trpc.province.summary.queryOptions({ period }, { placeholderData: (previous) => previous }));
  const open = useCallback(
    (cityId: number) => {
      switchOffice(cityId);
      void navigate('/');
    },
    [switchOffice, navigate],
  );
  if (summary.isPending) return <Spin />;
  if (summary.isError) return <DashboardError error={summary.error} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="province-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <div>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('province.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('province.intro')}</Typography.Text>
        </div>
        <Select<string>
          data-testid="province-period"
          style={{ width: 180 }}
          aria-label={t('province.columns.period')}
          value={period ?? ''}
          onChange={(value) => setPeriod(value === '' ? null : value)}
          options={[
            { value: '', label: t('province.latest') },
            ...summary.data.periods.map((p) => ({ value: p, label: formatPeriod(p, i18n.language) })),
          ]}
        />
      </Space>
      {summary.data.cities.some((c) => c.period !== null) && (
        <Card title={t('province.chartTitle')} size="small">
          <ProvinceCitiesChart summary={summary.data} onOpen={open} />
        </Card>
      )}
      <Card size="small">
        <ProvinceCitiesTable summary={summary.data} onOpen={open} />
      </Card>
    </Space>
  );
}
