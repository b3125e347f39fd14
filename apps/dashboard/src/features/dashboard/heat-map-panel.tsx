// 热力图: units × level-1 indicators of a group, coloured by the share of points earned.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Segmented, Space, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { buildHeatMapOption, heatMapHeight, type HeatMapView } from '../../charts/options/heat-map';
import { useChartLabels } from '../../charts/use-chart-labels';
import { DashboardError } from './dashboard-error';
import { useTRPC } from '../../trpc';
import { DashboardChart } from './dashboard-chart';
import { formatPercent, formatPeriod, profilePath } from './dashboard-format';
import { PeriodPicker } from './period-picker';
import { useDashboardParams } from './use-dashboard-params';
import { useCanOpenPath } from '../../components/page-link';

export function HeatMapPanel() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const canOpenPath = useCanOpenPath();
  const labels = useChartLabels();
  const { period, group, setPeriod, setGroup } = useDashboardParams();
  const heat = useQuery({ ...trpc.dashboard.heatMap.queryOptions({ period, group }), placeholderData: keepPreviousData });
  const data = heat.data;
  const view = useMemo<HeatMapView | null>(
    () =>
      data
        ? {
            indicators: data.indicators.map((i) => ({ code: i.code, name: i.name })),
            units: data.units.map((u) => ({ key: u.unit, name: u.name, shares: u.shares })),
            average: data.average,
            windowSize: 30,
          }
        : null,
    [data],
  );
  const option = useMemo(() => (view ? buildHeatMapOption(view, labels) : null), [view, labels]);
  const events = useMemo(
    () => ({
      click: (p: { value?: unknown }) => {
        const row = Array.isArray(p.value) ? Number(p.value[1]) : -1;
        // Row 0 is the group average.
        const unit = data?.units[row - 1];
        if (data && unit?.unitId != null && canOpenPath(profilePath(unit.unitId, data.period)))
          void navigate(profilePath(unit.unitId, data.period));
      },
    }),
    [data, navigate, canOpenPath],
  );
  if (heat.isPending) return <Spin />;
  if (heat.error) return <DashboardError error={heat.error} />;
  if (!data || !view || !option) return null;
  const groupLabel = `${data.group.code} ${data.group.name}`;
  return (
    <Card
      title={
        <Typography.Title
          level={3}
          style={{ margin: 0 }}
          data-testid="heatmap-title"
        >{`${t('dashboard.heatMap.title')} · ${formatPeriod(data.period, i18n.language)}`}</Typography.Title>
      }
      extra={<PeriodPicker value={period} onChange={setPeriod} />}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Segmented
          className="kp-no-print"
          value={data.group.code}
          onChange={(v) => setGroup(String(v))}
          options={data.groups.map((g) => ({ value: g.code, label: `${g.code} ${g.name}(${g.units})` }))}
          data-testid="group-picker"
        />
        <Typography.Text type="secondary">{t('dashboard.heatMap.help')}</Typography.Text>
        {data.weakest && (
          <Alert
            type="warning"
            showIcon
            title={t('dashboard.heatMap.weakest', { name: data.weakest.name, share: formatPercent(data.weakest.average) })}
            data-testid="heatmap-weakest"
          />
        )}
        <DashboardChart
          id="heat-map"
          option={option}
          ariaLabel={t('dashboard.heatMap.chartLabel', { group: groupLabel })}
          height={heatMapHeight(view)}
          onEvents={events}
        />
      </Space>
    </Card>
  );
}
