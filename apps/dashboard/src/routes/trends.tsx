// 趋势: each group's average, spread and pass rate over the published quarters, and one unit's
// score and rank over time (?unit=<id>).
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Segmented, Select, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageLink } from '../components/page-link';
import { buildGroupTrendOption } from '../charts/options/group-trend';
import { buildUnitTrendOption } from '../charts/options/unit-trend';
import { useChartLabels } from '../charts/use-chart-labels';
import type { Outputs } from '../api-types';
import { DashboardChart } from '../features/dashboard/dashboard-chart';
import { DashboardError } from '../features/dashboard/dashboard-error';
import { formatPeriod, profilePath } from '../features/dashboard/dashboard-format';
import { useTRPC } from '../trpc';
import { useGradeLabel } from '../features/dashboard/use-grade-label';

type GroupTrend = Outputs['dashboard']['groupTrends']['groups'][number];

function GroupTrendChart({ group, spread, passScore }: { group: GroupTrend; spread: 'min-max' | 'p10-p90'; passScore: number | null }) {
  const { t, i18n } = useTranslation();
  const labels = useChartLabels();
  const option = useMemo(
    () =>
      buildGroupTrendOption(
        {
          groupName: `${group.code} ${group.name}`,
          spread,
          passScore,
          points: group.points.map((p) => ({
            period: formatPeriod(p.period, i18n.language),
            average: p.average,
            low: spread === 'min-max' ? p.min : p.p10,
            high: spread === 'min-max' ? p.max : p.p90,
            passRate: p.passRate,
          })),
        },
        labels,
      ),
    [group, spread, passScore, labels, i18n.language],
  );
  return (
    <Card size="small" title={`${group.code} ${group.name}`}>
      <DashboardChart
        id={`group-trend-${group.code}`}
        option={option}
        ariaLabel={t('dashboard.trends.chartLabel', { group: `${group.code} ${group.name}` })}
        height={280}
      />
    </Card>
  );
}

function UnitTrend({ unitId }: { unitId: number }) {
  const { t, i18n } = useTranslation();
  const gradeLabel = useGradeLabel();
  const trpc = useTRPC();
  const labels = useChartLabels();
  const history = useQuery(trpc.dashboard.unitHistory.queryOptions({ unitId }));
  const data = history.data;
  const option = useMemo(
    () =>
      data
        ? buildUnitTrendOption(
            {
              unitName: data.unit.name,
              passScore: data.passScore,
              points: data.points.map((p) => ({
                period: formatPeriod(p.period, i18n.language),
                score: p.final,
                rank: p.rank,
                rankedCount: p.rankedCount,
                grade: p.grade,
                gradeLabel: gradeLabel(p.grade),
              })),
            },
            labels,
          )
        : null,
    [data, labels, i18n.language, gradeLabel],
  );
  if (history.isPending) return <Spin />;
  if (history.error) return <DashboardError error={history.error} />;
  if (!data || !option) return null;
  if (data.points.length === 0) return <Empty description={t('dashboard.trends.noHistory')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <PageLink to={profilePath(data.unit.id)}>{`${data.unit.name} · ${t('dashboard.profile.title')}`}</PageLink>
      <DashboardChart
        id="unit-trend"
        option={option}
        ariaLabel={t('dashboard.trends.unitChartLabel', { unit: data.unit.name })}
        height={300}
      />
    </Space>
  );
}

export function TrendsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const [spread, setSpread] = useState<'min-max' | 'p10-p90'>('min-max');
  const trends = useQuery(trpc.dashboard.groupTrends.queryOptions());
  const options = useQuery({ ...trpc.units.options.queryOptions(), staleTime: 60_000 });
  const unitId = Number(params.get('unit')) || null;
  if (trends.isPending) return <Spin />;
  if (trends.error) return <DashboardError error={trends.error} />;
  const data = trends.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="trends-title">
            {t('dashboard.trends.groupTitle')}
          </Typography.Title>
        }
        extra={
          <Space className="kp-no-print">
            <Typography.Text>{t('dashboard.trends.spread')}</Typography.Text>
            <Segmented
              value={spread}
              onChange={(v) => setSpread(v as 'min-max' | 'p10-p90')}
              options={[
                { value: 'min-max', label: t('dashboard.trends.spreadMinMax') },
                { value: 'p10-p90', label: t('dashboard.trends.spreadP10P90') },
              ]}
            />
          </Space>
        }
      >
        {data.groups.length === 0 ? (
          <Empty description={t('dashboard.noResults')} />
        ) : (
          <Row gutter={[16, 16]}>
            {data.groups.map((g) => (
              <Col key={g.code} xs={24} xl={12}>
                <GroupTrendChart group={g} spread={spread} passScore={data.passScore} />
              </Col>
            ))}
          </Row>
        )}
      </Card>
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('dashboard.trends.unitTitle')}
          </Typography.Title>
        }
        extra={
          <Select
            className="kp-no-print"
            showSearch
            allowClear
            style={{ width: 320 }}
            placeholder={t('dashboard.trends.pickUnit')}
            optionFilterProp="label"
            value={unitId ?? undefined}
            onChange={(v: number | undefined) => setParams((p) => (v ? p.set('unit', String(v)) : p.delete('unit'), p), { replace: true })}
            options={(options.data ?? []).map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
            data-testid="unit-picker"
          />
        }
      >
        {unitId === null ? <Empty description={t('dashboard.trends.pickUnit')} /> : <UnitTrend unitId={unitId} />}
      </Card>
    </Space>
  );
}
