// 整改看板 (/rectification/board): open against closed items by week, overdue and open items by
// unit, the on-time closure rate overall and by the period of the findings. A liaison sees their
// own unit's items (the server scopes them).
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, List, Row, Select, Space, Spin, Table, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LedgerDefinition } from '../features/rectification/figures-cards';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { buildOverdueByUnitOption } from '../charts/options/overdue-by-unit';
import { buildRectificationBurndownOption } from '../charts/options/rectification-burndown';
import { useChartLabels } from '../charts/use-chart-labels';
import { DashboardChart } from '../features/dashboard/dashboard-chart';
import { DashboardError } from '../features/dashboard/dashboard-error';
import { formatPercent, profilePath } from '../features/dashboard/dashboard-format';
import { FigureCard } from '../features/dashboard/figure-card';
import { PrintStyle } from '../features/dashboard/print-style';
import { useGroupYear } from '../features/units/use-current-year';
import { loadECharts } from '../charts/echart';
import { prefetchOnce } from '../features/dashboard/prefetch';
import { usePeriodLabel } from '../features/dashboard/use-period-label';
import { useTRPC } from '../trpc';

export function RectificationBoardPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const labels = useChartLabels();
  const { year } = useGroupYear();
  const isReader = user.role !== 'liaison';
  const groups = useQuery({ ...trpc.groups.list.queryOptions({ year }), enabled: isReader });
  const [groupId, setGroupId] = useState<number | null>(null);
  // Send the request and fetch ECharts while the page renders, not once it is committed.
  const queryClient = useQueryClient();
  prefetchOnce(queryClient, trpc.dashboard.rectificationBoard.queryOptions({ groupId }));
  void loadECharts();
  const board = useQuery({ ...trpc.dashboard.rectificationBoard.queryOptions({ groupId }), placeholderData: keepPreviousData });
  const data = board.data;
  const burndown = useMemo(
    () => (data ? buildRectificationBurndownOption({ points: data.burndown, windowSize: 60 }, labels) : null),
    [data, labels],
  );
  const openUnits = useMemo(() => (data ? data.units.filter((u) => u.open > 0) : []), [data]);
  const byUnit = useMemo(
    () =>
      buildOverdueByUnitOption(
        { units: openUnits.map((u) => ({ key: u.code, name: u.name, overdue: u.overdue, openOnTime: u.openOnTime })), windowSize: 20 },
        labels,
      ),
    [openUnits, labels],
  );
  const unitEvents = useMemo(
    () => ({
      click: (p: { name?: string }) => {
        const unit = openUnits.find((u) => u.code === p.name);
        if (unit) void navigate(profilePath(unit.unitId));
      },
    }),
    [openUnits, navigate],
  );
  if (board.isPending) return <Spin />;
  if (board.error || !data) return <DashboardError error={board.error} />;
  const f = data.figures;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="board-title">
            {t('dashboard.board.title')}
          </Typography.Title>
        }
        extra={
          <Space className="kp-no-print" wrap>
            {isReader && (
              <Select
                allowClear
                style={{ width: 220 }}
                placeholder={t('dashboard.group')}
                value={groupId}
                onChange={(v) => setGroupId(v ?? null)}
                options={(groups.data ?? []).map((g) => ({ value: g.id, label: `${g.code} ${g.name}` }))}
                data-testid="board-group"
              />
            )}
            <Link to="/rectification">
              <Button>{t('dashboard.board.openLedger')}</Button>
            </Link>
            <PrintStyle />
            <Button onClick={() => window.print()}>{t('dashboard.print')}</Button>
          </Space>
        }
      >
        {data.isOwnUnitOnly ? (
          <Typography.Text type="secondary">{t('dashboard.board.ownUnit')}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">
            {t('dashboard.overview.figures.rectHint', { date: data.today, rate: formatPercent(f.onTimeClosureRate) })}
          </Typography.Text>
        )}
        <div>
          <LedgerDefinition />
        </div>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={8} xl={4}>
          <FigureCard testId="board-total" title={t('dashboard.board.total')} value={f.total} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <FigureCard testId="board-open" title={t('dashboard.board.open')} value={f.open} tone="warning" />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <FigureCard
            testId="board-overdue"
            title={t('dashboard.board.overdue')}
            value={f.overdue}
            tone={f.overdue > 0 ? 'danger' : 'success'}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <FigureCard testId="board-closed" title={t('dashboard.board.closed')} value={f.closed} tone="success" />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <FigureCard
            testId="board-on-time"
            title={t('dashboard.board.onTime')}
            value={formatPercent(f.onTimeClosureRate)}
            hint={
              <Tooltip
                title={t('dashboard.board.onTimeHelp')}
              >{`${f.closedOnTime} / ${f.closedOnTime + f.closedLate + f.overdue}`}</Tooltip>
            }
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <FigureCard
            testId="board-median"
            title={t('dashboard.board.median')}
            value={f.medianDaysToClose === null ? '—' : t('dashboard.board.days', { count: f.medianDaysToClose })}
          />
        </Col>
      </Row>
      {f.total === 0 ? (
        <Card>
          <Empty description={t('common.noData')} />
        </Card>
      ) : (
        <>
          <Card size="small" title={t('dashboard.board.burndown')}>
            {burndown && (
              <DashboardChart id="board-burndown" option={burndown} ariaLabel={t('dashboard.board.burndownLabel')} height={320} />
            )}
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('dashboard.board.byUnit')} style={{ height: '100%' }}>
                {openUnits.length === 0 ? (
                  <Empty description={t('dashboard.none')} />
                ) : (
                  <DashboardChart
                    id="board-by-unit"
                    option={byUnit}
                    ariaLabel={t('dashboard.board.byUnitLabel')}
                    height={Math.min(openUnits.length, 20) * 24 + 70}
                    onEvents={unitEvents}
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('dashboard.board.byPeriod')} style={{ height: '100%' }}>
                <Table
                  size="small"
                  rowKey="period"
                  pagination={false}
                  dataSource={data.byPeriod}
                  data-testid="board-by-period"
                  columns={[
                    { title: t('dashboard.board.columns.period'), dataIndex: 'period', render: (code: string) => periodLabel(code) },
                    { title: t('dashboard.board.columns.total'), dataIndex: 'total', align: 'right' },
                    { title: t('dashboard.board.columns.open'), dataIndex: 'open', align: 'right' },
                    {
                      title: t('dashboard.board.columns.overdue'),
                      dataIndex: 'overdue',
                      align: 'right',
                      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
                    },
                    {
                      title: t('dashboard.board.columns.rate'),
                      dataIndex: 'onTimeClosureRate',
                      align: 'right',
                      render: (v: number | null) => formatPercent(v),
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          {f.unitsNotReportedBack.length > 0 && (
            <Card
              size="small"
              title={t('common.paren', { text: t('dashboard.board.notReported'), inner: f.unitsNotReportedBack.length })}
              data-testid="board-not-reported"
            >
              {data.isOwnUnitOnly ? (
                <Alert
                  type="error"
                  showIcon
                  title={t('dashboard.board.ownNotReported', { count: f.unitsNotReportedBack.reduce((n, u) => n + u.items, 0) })}
                />
              ) : (
                <List
                  size="small"
                  grid={{ gutter: 8, xs: 1, md: 2, xl: 4 }}
                  dataSource={f.unitsNotReportedBack}
                  pagination={f.unitsNotReportedBack.length > 24 ? { pageSize: 24, size: 'small' } : false}
                  renderItem={(u) => (
                    <List.Item>
                      <Link to={profilePath(u.unitId)}>{u.name}</Link>{' '}
                      <Typography.Text type="danger">{t('dashboard.items', { count: u.items })}</Typography.Text>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          )}
        </>
      )}
    </Space>
  );
}
