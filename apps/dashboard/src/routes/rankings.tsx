// 排名 and its siblings: one group's official ranking (chart and table), the cross-group view
// (percentiles, never a cross-group rank), the heat map and the trends. Period and group live in
// the address and carry over between the tabs.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Segmented, Space, Spin, Tabs, Typography } from 'antd';
import { lazy, startTransition, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { PageLink, useCanOpenPath } from '../components/page-link';
import { DashboardError } from '../features/dashboard/dashboard-error';
import { analysisPath, formatPercent, formatPeriod, formatScore, profilePath } from '../features/dashboard/dashboard-format';
import { PeriodPicker } from '../features/dashboard/period-picker';
import { PrintStyle } from '../features/dashboard/print-style';
import { RankingChart } from '../features/dashboard/ranking-chart';
import { RankingTable } from '../features/dashboard/ranking-table';
import { useDashboardParams } from '../features/dashboard/use-dashboard-params';
import { loadECharts } from '../charts/echart';
import { prefetchOnce } from '../features/dashboard/prefetch';
import { useTRPC } from '../trpc';

const CrossGroupPanel = lazy(() => import('../features/dashboard/cross-group-panel').then((m) => ({ default: m.CrossGroupPanel })));
const HeatMapPanel = lazy(() => import('../features/dashboard/heat-map-panel').then((m) => ({ default: m.HeatMapPanel })));
const TrendsPage = lazy(() => import('./trends').then((m) => ({ default: m.TrendsPage })));

type Tab = 'ranking' | 'compare' | 'heatMap' | 'trends';
const TAB_PATHS: Record<Tab, string> = {
  ranking: '/rankings',
  compare: '/rankings/compare',
  heatMap: '/rankings/heat-map',
  trends: '/rankings/trends',
};

/** Everything under /rankings. */
export function RankingsArea() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { period, group, search } = useDashboardParams();
  const tab =
    (Object.entries(TAB_PATHS) as [Tab, string][])
      .filter(([, path]) => location.pathname.startsWith(path))
      .sort((a, b) => b[1].length - a[1].length)[0]?.[0] ?? 'ranking';
  // Ask for the data while the page itself still renders (the query below would only send it once
  // the page is committed); the same request is shared, never sent twice.
  if (tab === 'ranking') prefetchOnce(queryClient, trpc.dashboard.ranking.queryOptions({ period, group }));
  if (tab === 'heatMap') prefetchOnce(queryClient, trpc.dashboard.heatMap.queryOptions({ period, group }));
  if (tab === 'compare') prefetchOnce(queryClient, trpc.dashboard.crossGroup.queryOptions({ period }));
  if (tab === 'trends') prefetchOnce(queryClient, trpc.dashboard.groupTrends.queryOptions());
  // The period picker's list, with the data rather than after the page has rendered.
  if (tab !== 'trends') prefetchOnce(queryClient, { ...trpc.dashboard.periods.queryOptions(), staleTime: 60_000 });
  // Then ECharts, which every tab but the cross-group table draws with.
  if (tab !== 'compare') void loadECharts();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Tabs
        className="kp-no-print"
        activeKey={tab}
        onChange={(key) => void navigate({ pathname: TAB_PATHS[key as Tab], search })}
        items={(Object.keys(TAB_PATHS) as Tab[]).map((key) => ({ key, label: t(`dashboard.rankings.tabs.${key}`) }))}
        data-testid="rankings-tabs"
        style={{ marginBottom: -16 }}
      />
      <Suspense fallback={<Spin />}>
        <PrintStyle />
        <Routes>
          <Route index element={<RankingPage />} />
          <Route path="compare" element={<CrossGroupPanel />} />
          <Route path="heat-map" element={<HeatMapPanel />} />
          <Route path="trends" element={<TrendsPage />} />
        </Routes>
      </Suspense>
    </Space>
  );
}

function RankingPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { period, group, setPeriod, setGroup } = useDashboardParams();
  const canOpenPath = useCanOpenPath();
  const ranking = useQuery({ ...trpc.dashboard.ranking.queryOptions({ period, group }), placeholderData: keepPreviousData });
  const data = ranking.data;
  const openUnit = useCallback(
    (unit: string) => {
      const row = data?.rows.find((r) => r.unit === unit);
      if (data && row?.unitId != null && canOpenPath(profilePath(row.unitId, data.period)))
        void navigate(profilePath(row.unitId, data.period));
    },
    [data, navigate, canOpenPath],
  );
  const tableShown = useAfterFirstPaint(data !== undefined);
  if (ranking.isPending) return <Spin />;
  if (ranking.error) return <DashboardError error={ranking.error} />;
  if (!data) return null;
  const stats = data.stats;
  return (
    <Card
      title={
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="ranking-title">
            {`${t('dashboard.rankings.title')} · ${formatPeriod(data.period, i18n.language)}`}
          </Typography.Title>
        </Space>
      }
      extra={
        <Space className="kp-no-print" wrap>
          <PeriodPicker value={period} onChange={setPeriod} />
          <PageLink to={analysisPath(data.period, data.group.code)} data-testid="open-analysis" fallback={null}>
            <Button>{t('dashboard.openAnalysis')}</Button>
          </PageLink>
          <Button onClick={() => window.print()}>{t('dashboard.print')}</Button>
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Segmented
          className="kp-no-print"
          value={data.group.code}
          onChange={(v) => setGroup(String(v))}
          options={data.groups.map((g) => ({ value: g.code, label: `${g.code} ${g.name}(${g.units})` }))}
          data-testid="group-picker"
        />
        <Space wrap size="large">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="ranking-group">
            {`${data.group.code} ${data.group.name}`}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('dashboard.rankings.stats', {
              average: formatScore(stats.average),
              passRate: formatPercent(stats.passRate),
              max: formatScore(stats.max),
              min: formatScore(stats.min),
            })}
          </Typography.Text>
        </Space>
        <Alert type="info" showIcon title={t('dashboard.rankings.officialNote')} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <RankingChart
              rows={data.rows}
              passScore={data.passScore}
              groupName={`${data.group.code} ${data.group.name}`}
              onOpenUnit={openUnit}
            />
          </Col>
          <Col xs={24} xl={12}>
            {tableShown ? <RankingTable rows={data.rows} period={data.period} /> : <Spin data-testid="ranking-table-pending" />}
          </Col>
        </Row>
      </Space>
    </Card>
  );
}

/**
 * False until the browser has painted once after `ready` became true, then true (as a transition).
 * The 3,000-row table renders after the chart is on screen, not in the same long task (issue #14).
 */
function useAfterFirstPaint(ready: boolean): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!ready || shown) return;
    let timer: number | undefined;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => startTransition(() => setShown(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, shown]);
  return shown;
}
