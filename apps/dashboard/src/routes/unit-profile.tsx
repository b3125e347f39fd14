// 单位画像 (/units/:id/profile?period=…): the unit's level-1 shares against its group, how its
// score came about, the gap to the unit above and where it lost most, its findings and their
// rectification, its ledger items, annual reports and history. A liaison: their own unit only
// (the server refuses any other).
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, List, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RectificationStatus } from '@kaoping/contracts/rectification/rectification-status';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { buildScoreWaterfallOption } from '../charts/options/score-waterfall';
import { buildUnitRadarOption } from '../charts/options/unit-radar';
import { buildUnitTrendOption } from '../charts/options/unit-trend';
import { useChartLabels } from '../charts/use-chart-labels';
import type { Outputs } from '../api-types';
import { DashboardChart } from '../features/dashboard/dashboard-chart';
import { DashboardError } from '../features/dashboard/dashboard-error';
import { formatPercent, formatPeriod, formatScore } from '../features/dashboard/dashboard-format';
import { GradeTag, Movement } from '../features/dashboard/dashboard-tags';
import { PrintStyle } from '../features/dashboard/print-style';
import { useDashboardParams } from '../features/dashboard/use-dashboard-params';
import { waterfallViewOf } from '../features/dashboard/waterfall-view';
import { StatusTag } from '../features/rectification/status-tag';
import { loadECharts } from '../charts/echart';
import { prefetchOnce } from '../features/dashboard/prefetch';
import { usePeriodLabel } from '../features/dashboard/use-period-label';
import { useTRPC } from '../trpc';
import { useGradeLabel } from '../features/dashboard/use-grade-label';

type Profile = Outputs['dashboard']['unitProfile'];
type Assessment = NonNullable<Profile['assessment']>;

function ResultCard({ a }: { a: Assessment }) {
  const { t } = useTranslation();
  const gap = a.explanation?.gapToAbove ?? null;
  const losses = a.explanation?.relativeLosses ?? [];
  return (
    <Card size="small" title={t('dashboard.profile.result')} style={{ height: '100%' }} data-testid="profile-result">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space size="large" wrap align="baseline">
          <Typography.Text
            style={{ fontSize: 36, fontWeight: 600, color: a.result.isFailing ? '#c0392b' : undefined }}
            data-testid="profile-score"
          >
            {formatScore(a.result.final)}
          </Typography.Text>
          <GradeTag grade={a.result.grade} />
          <Typography.Text>
            {a.result.rank === null ? t('dashboard.unranked') : t('dashboard.rankOf', { rank: a.result.rank, count: a.group.ranked })}
          </Typography.Text>
          <Movement delta={a.result.rankDelta} />
        </Space>
        <Typography.Text type="secondary">{`${a.group.code} ${a.group.name} · ${a.round.title}`}</Typography.Text>
        {a.result.vetoes.length > 0 && (
          <Space wrap>
            {a.result.vetoes.map((v) => (
              <Tag key={v.code} color="red">{`${v.code} ${v.name}${v.note ? `:${v.note}` : ''}`}</Tag>
            ))}
          </Space>
        )}
        <div data-testid="profile-gap">
          <Typography.Title level={5}>{t('dashboard.profile.gapTitle')}</Typography.Title>
          {a.result.rank === null ? (
            <Typography.Text type="secondary">{t('dashboard.profile.gapNone')}</Typography.Text>
          ) : gap === null ? (
            <Typography.Text type="secondary">{t('dashboard.profile.gapTop')}</Typography.Text>
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>
                {gap.name === null
                  ? t('dashboard.profile.gapTextHidden', { rank: gap.rank, gap: formatScore(gap.gap) })
                  : t('dashboard.profile.gapText', { rank: gap.rank, name: gap.name, gap: formatScore(gap.gap) })}
              </Typography.Text>
              {gap.indicators.length > 0 && (
                <Table
                  size="small"
                  rowKey="code"
                  pagination={false}
                  dataSource={gap.indicators}
                  columns={[
                    { title: t('dashboard.profile.gapIndicators'), dataIndex: 'name' },
                    { title: t('dashboard.profile.own'), dataIndex: 'own', width: 80, align: 'right', render: (v: number) => v.toFixed(2) },
                    {
                      title: t('dashboard.profile.other'),
                      dataIndex: 'other',
                      width: 80,
                      align: 'right',
                      render: (v: number) => v.toFixed(2),
                    },
                    {
                      title: t('dashboard.profile.difference'),
                      dataIndex: 'difference',
                      width: 80,
                      align: 'right',
                      render: (v: number) => <Typography.Text type="danger">{v.toFixed(2)}</Typography.Text>,
                    },
                  ]}
                />
              )}
            </Space>
          )}
        </div>
        <div data-testid="profile-losses">
          <Typography.Title level={5}>{t('dashboard.profile.lossTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
            {t('dashboard.profile.lossHelp')}
          </Typography.Paragraph>
          {losses.length === 0 ? (
            <Typography.Text type="secondary">{t('dashboard.profile.lossNone')}</Typography.Text>
          ) : (
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={losses.slice(0, 5)}
              columns={[
                { title: t('dashboard.profile.findingColumns.indicator'), dataIndex: 'name' },
                { title: t('dashboard.profile.lost'), dataIndex: 'lost', width: 70, align: 'right', render: (v: number) => v.toFixed(2) },
                {
                  title: t('dashboard.profile.groupLost'),
                  dataIndex: 'groupAverageLost',
                  width: 100,
                  align: 'right',
                  render: (v: number) => v.toFixed(2),
                },
                {
                  title: t('dashboard.profile.excess'),
                  dataIndex: 'excessLost',
                  width: 70,
                  align: 'right',
                  render: (v: number) => <Typography.Text type="danger">{v.toFixed(2)}</Typography.Text>,
                },
              ]}
            />
          )}
        </div>
      </Space>
    </Card>
  );
}

function ProfileCharts({ profile, a }: { profile: Profile; a: Assessment }) {
  const { t, i18n } = useTranslation();
  const gradeLabel = useGradeLabel();
  const labels = useChartLabels();
  const radar = useMemo(
    () =>
      buildUnitRadarOption(
        {
          unitName: profile.unit.name,
          groupName: a.group.name,
          indicators: a.radar.map((r) => ({ code: r.code, name: r.name, unitShare: r.unitShare, groupShare: r.groupShare })),
        },
        labels,
      ),
    [profile.unit.name, a, labels],
  );
  const waterfallView = useMemo(() => (a.explanation ? waterfallViewOf(a.explanation, labels) : null), [a, labels]);
  const waterfall = useMemo(() => (waterfallView ? buildScoreWaterfallOption(waterfallView, labels) : null), [waterfallView, labels]);
  const history = useMemo(
    () =>
      buildUnitTrendOption(
        {
          unitName: profile.unit.name,
          passScore: profile.history.passScore,
          points: profile.history.points.map((p) => ({
            period: formatPeriod(p.period, i18n.language),
            score: p.final,
            rank: p.rank,
            rankedCount: p.rankedCount,
            grade: p.grade,
            gradeLabel: gradeLabel(p.grade),
          })),
        },
        labels,
      ),
    [profile, labels, i18n.language, gradeLabel],
  );
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <ResultCard a={a} />
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('dashboard.profile.radar')} style={{ height: '100%' }}>
            <DashboardChart
              id="profile-radar"
              option={radar}
              ariaLabel={t('dashboard.profile.radarLabel', { unit: profile.unit.name })}
              height={420}
            />
          </Card>
        </Col>
      </Row>
      {waterfall && (
        <Card size="small" title={t('dashboard.profile.waterfall')}>
          <DashboardChart
            id="profile-waterfall"
            option={waterfall}
            ariaLabel={t('dashboard.profile.waterfallLabel', { unit: profile.unit.name })}
            height={320}
          />
        </Card>
      )}
      <Card size="small" title={t('dashboard.profile.history')}>
        <DashboardChart
          id="profile-history"
          option={history}
          ariaLabel={t('dashboard.trends.unitChartLabel', { unit: profile.unit.name })}
          height={280}
        />
      </Card>
    </>
  );
}

export function UnitProfilePage({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const periodLabel = usePeriodLabel();
  const trpc = useTRPC();
  const unitId = Number(useParams().id);
  const { period, setPeriod } = useDashboardParams();
  const isValid = Number.isInteger(unitId) && unitId > 0;
  // Send the request and fetch ECharts while the page renders, not once it is committed.
  const queryClient = useQueryClient();
  if (isValid) prefetchOnce(queryClient, trpc.dashboard.unitProfile.queryOptions({ unitId, period }));
  void loadECharts();
  const profile = useQuery({
    ...trpc.dashboard.unitProfile.queryOptions({ unitId, period }),
    enabled: isValid,
    placeholderData: keepPreviousData,
  });
  if (profile.isPending) return <Spin />;
  if (profile.error) return <DashboardError error={profile.error} />;
  const data = profile.data;
  const a = data.assessment;
  const shownPeriod = a?.period ?? null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="profile-title">
              {`${data.unit.name} · ${t('dashboard.profile.title')}`}
            </Typography.Title>
            {shownPeriod && <Tag>{formatPeriod(shownPeriod, i18n.language)}</Tag>}
          </Space>
        }
        extra={
          <Space className="kp-no-print" wrap>
            {data.periods.length > 0 && (
              <Select
                style={{ width: 168 }}
                aria-label={t('dashboard.period')}
                data-testid="period-picker"
                value={shownPeriod ?? undefined}
                onChange={(v: string) => setPeriod(v === data.periods[0] ? null : v)}
                options={data.periods.map((p) => ({ value: p, label: formatPeriod(p, i18n.language) }))}
              />
            )}
            <Link to={`/units/${data.unit.id}`}>
              <Button>{t('dashboard.profile.back')}</Button>
            </Link>
            {a && (
              <Link to={`/assessment/rounds/${a.round.id}/units/${data.unit.id}`}>
                <Button>{t('dashboard.profile.sheet')}</Button>
              </Link>
            )}
            <PrintStyle />
            <Button onClick={() => window.print()}>{t('dashboard.print')}</Button>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 4 }}>
          <Descriptions.Item label={t('units.code')}>{data.unit.code}</Descriptions.Item>
          <Descriptions.Item label={t('units.kind')}>{t(`units.kinds.${data.unit.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('dashboard.board.open')}>{data.rectification.open}</Descriptions.Item>
          <Descriptions.Item label={t('dashboard.board.onTime')}>{formatPercent(data.rectification.onTimeClosureRate)}</Descriptions.Item>
        </Descriptions>
        {user.role === 'liaison' && <Typography.Text type="secondary">{t('units.ownUnitOnly')}</Typography.Text>}
      </Card>
      {a ? <ProfileCharts profile={data} a={a} /> : <Alert type="info" showIcon title={t('dashboard.profile.notAssessed')} />}
      {a && (
        <Card
          size="small"
          title={t('common.paren', { text: t('dashboard.profile.findings'), inner: a.findings.length })}
          data-testid="profile-findings"
        >
          <Table
            size="small"
            rowKey="id"
            dataSource={a.findings}
            pagination={a.findings.length > 10 ? { pageSize: 10, size: 'small' } : false}
            locale={{ emptyText: t('common.noData') }}
            columns={[
              {
                title: t('dashboard.profile.findingColumns.indicator'),
                dataIndex: 'leafName',
                width: 200,
                render: (name: string, f) => `${f.leaf} ${name}`,
              },
              {
                title: t('dashboard.profile.findingColumns.description'),
                dataIndex: 'description',
                render: (d: string, f) =>
                  f.url ? (
                    <Typography.Link href={f.url} target="_blank" rel="noreferrer noopener">
                      {d}
                    </Typography.Link>
                  ) : (
                    d
                  ),
              },
              { title: t('dashboard.profile.findingColumns.count'), dataIndex: 'count', width: 60, align: 'right' },
              {
                title: t('dashboard.profile.findingColumns.points'),
                dataIndex: 'points',
                width: 70,
                align: 'right',
                render: (p: number | null) => (p === null ? '—' : p.toFixed(2)),
              },
              {
                title: t('dashboard.profile.findingColumns.status'),
                dataIndex: 'status',
                width: 80,
                render: (s: string) => (s === 'withdrawn' ? <Tag>{t('dashboard.profile.withdrawn')}</Tag> : t('dashboard.profile.active')),
              },
              {
                title: t('dashboard.profile.findingColumns.rectification'),
                dataIndex: 'rectification',
                width: 200,
                render: (r: Assessment['findings'][number]['rectification']) =>
                  r ? (
                    <Space size={4}>
                      <Link to={`/rectification?item=${r.itemId}`}>{r.code}</Link>
                      <StatusTag status={r.status as RectificationStatus} />
                    </Space>
                  ) : (
                    <Typography.Text type="secondary">{t('dashboard.profile.notOrdered')}</Typography.Text>
                  ),
              },
            ]}
          />
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={t('common.paren', { text: t('dashboard.profile.items'), inner: data.rectification.items.length })}
            data-testid="profile-items"
            style={{ height: '100%' }}
          >
            <Table
              size="small"
              rowKey="id"
              dataSource={data.rectification.items}
              pagination={data.rectification.items.length > 8 ? { pageSize: 8, size: 'small' } : false}
              locale={{ emptyText: t('common.noData') }}
              columns={[
                {
                  title: t('dashboard.overview.itemColumns.code'),
                  dataIndex: 'code',
                  width: 120,
                  render: (code: string, i) => <Link to={`/rectification?item=${i.id}`}>{code}</Link>,
                },
                { title: t('rectification.columns.title'), dataIndex: 'title', ellipsis: true },
                {
                  title: t('dashboard.overview.itemColumns.period'),
                  dataIndex: 'period',
                  width: 130,
                  render: (code: string) => periodLabel(code),
                },
                {
                  title: t('dashboard.overview.itemColumns.due'),
                  dataIndex: 'dueDate',
                  width: 105,
                  render: (d: string, i) => (i.isOverdue ? <Typography.Text type="danger">{d}</Typography.Text> : d),
                },
                {
                  title: t('dashboard.overview.itemColumns.status'),
                  dataIndex: 'status',
                  width: 100,
                  render: (s: string) => <StatusTag status={s as RectificationStatus} />,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('dashboard.profile.reports')} data-testid="profile-reports" style={{ height: '100%' }}>
            {data.reports.length === 0 ? (
              <Empty description={t('common.noData')} />
            ) : (
              <List
                size="small"
                dataSource={data.reports}
                renderItem={(r) => (
                  <List.Item>
                    <Link to={`/reports/${data.unit.id}/${r.year}`}>{`${r.year} · v${r.versionNo}`}</Link>
                    <Space size={4}>
                      <Tag>{t(`dashboard.profile.reportStatus.${r.status}`)}</Tag>
                      {r.timeliness && (
                        <Tag color={r.timeliness === 'on_time' ? 'green' : r.timeliness === 'not_due' ? 'default' : 'red'}>
                          {t(`dashboard.mine.timeliness.${r.timeliness}`)}
                        </Tag>
                      )}
                      <Typography.Text type="secondary">{r.reportedOn ?? ''}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
