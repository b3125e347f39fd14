// 概览 for readers: a published quarter's key figures (each opens the list behind it), the groups
// with their top and bottom units, and what changed since the previous quarter.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Drawer, Empty, List, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageLink } from '../../components/page-link';
import type { Outputs } from '../../api-types';
import { useTRPC } from '../../trpc';
import { StatusTag } from '../rectification/status-tag';
import type { RectificationStatus } from '@kaoping/contracts/rectification/rectification-status';
import { DashboardError } from './dashboard-error';
import { formatPercent, formatPeriod, formatScore, profilePath } from './dashboard-format';
import { Delta, GradeTag, Movement } from './dashboard-tags';
import { FigureCard } from './figure-card';
import { PeriodPicker } from './period-picker';
import { useDashboardParams } from './use-dashboard-params';

type Overview = Outputs['dashboard']['overview'];
type Assessment = NonNullable<Overview['assessment']>;
type Brief = Assessment['groups'][number]['top'][number];
type ListKind = 'failing' | 'vetoes' | 'lateReports' | 'missingReports' | 'overdueItems' | 'openByUnit';

function UnitLink({ unit, period }: { unit: Pick<Brief, 'unitId' | 'name'>; period: string | null }) {
  return unit.unitId !== null ? <PageLink to={profilePath(unit.unitId, period)}>{unit.name}</PageLink> : <>{unit.name}</>;
}

function BriefList({ units, period, render }: { units: readonly Brief[]; period: string | null; render?: (u: Brief) => React.ReactNode }) {
  const { t } = useTranslation();
  if (units.length === 0) return <Typography.Text type="secondary">{t('dashboard.none')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={[...units]}
      renderItem={(u) => (
        <List.Item>
          <Space size={6} wrap>
            <UnitLink unit={u} period={period} />
            <Typography.Text type="secondary">{u.group}</Typography.Text>
          </Space>
          <Space size={8}>
            {render ? (
              render(u)
            ) : (
              <>
                {formatScore(u.final)} <GradeTag grade={u.grade} />
              </>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}

type ListData = Outputs['dashboard']['overviewList'];
type ReportRow = Extract<ListData, { reports: unknown }>['reports'][number];

/** The list behind a figure, fetched when it is opened. */
function ListDrawer({ kind, period, onClose }: { kind: ListKind; period: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const list = useQuery(trpc.dashboard.overviewList.queryOptions({ period, kind }));
  const data = list.data;
  const year = data && 'year' in data ? data.year : '';
  const title = t(`dashboard.overview.lists.${kind}`, { year });
  const reportTable = (rows: ReportRow[], reportYear: number) => (
    <Table
      size="small"
      rowKey="unitId"
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, size: 'small' } : false}
      columns={[
        {
          title: t('dashboard.unit'),
          dataIndex: 'name',
          render: (name: string, r) => <PageLink to={`/reports/${r.unitId}/${reportYear}`}>{name}</PageLink>,
        },
        { title: t('dashboard.overview.reportColumns.deadline'), dataIndex: 'deadline', width: 110 },
        {
          title: t('dashboard.overview.reportColumns.reportedOn'),
          dataIndex: 'reportedOn',
          width: 130,
          render: (d: string | null) => d ?? '—',
        },
        { title: t('dashboard.overview.reportColumns.daysLate'), dataIndex: 'daysLate', width: 90, align: 'right' },
      ]}
    />
  );
  let body: React.ReactNode = list.isPending ? <Spin /> : list.error ? <DashboardError error={list.error} /> : null;
  let footer: React.ReactNode = null;
  const unitPeriod = period;
  if (data) {
    switch (data.kind) {
      case 'failing':
        body = (
          <BriefList
            units={data.units}
            period={unitPeriod}
            render={(u) => (
              <>
                {formatScore(u.final)} {u.isVetoFail ? <Tag color="red">{t('dashboard.vetoFail')}</Tag> : <GradeTag grade={u.grade} />}
              </>
            )}
          />
        );
        footer = (
          <PageLink fallback={null} to="/rankings">
            {t('dashboard.overview.openRankings')}
          </PageLink>
        );
        break;
      case 'vetoes':
        body = (
          <List
            size="small"
            dataSource={data.units}
            renderItem={(u) => (
              <List.Item>
                <List.Item.Meta
                  title={<UnitLink unit={u} period={unitPeriod} />}
                  description={u.vetoItems.map((v) => `${v.code} ${v.name}${v.note ? `:${v.note}` : ''}`).join(';')}
                />
                {u.isVetoFail ? <Tag color="red">{t('dashboard.vetoFail')}</Tag> : formatScore(u.final)}
              </List.Item>
            )}
          />
        );
        break;
      case 'lateReports':
        body = reportTable(data.reports, data.year);
        footer = (
          <PageLink fallback={null} to="/reports?filter=late">
            {t('dashboard.overview.openReports')}
          </PageLink>
        );
        break;
      case 'missingReports':
        body = reportTable(data.reports, data.year);
        footer = (
          <PageLink fallback={null} to="/reports?filter=missing">
            {t('dashboard.overview.openReports')}
          </PageLink>
        );
        break;
      case 'overdueItems':
        body = (
          <Table
            size="small"
            rowKey="id"
            dataSource={data.items}
            pagination={data.items.length > 20 ? { pageSize: 20, size: 'small' } : false}
            columns={[
              {
                title: t('dashboard.overview.itemColumns.code'),
                dataIndex: 'code',
                width: 120,
                render: (code: string, r) => <PageLink to={`/rectification?item=${r.id}`}>{code}</PageLink>,
              },
              { title: t('dashboard.unit'), dataIndex: 'unitName', ellipsis: true },
              { title: t('dashboard.overview.itemColumns.due'), dataIndex: 'dueDate', width: 110 },
              {
                title: t('dashboard.overview.itemColumns.status'),
                dataIndex: 'status',
                width: 100,
                render: (s: string) => <StatusTag status={s as RectificationStatus} />,
              },
            ]}
          />
        );
        footer = (
          <PageLink fallback={null} to="/rectification/board">
            {t('dashboard.overview.openBoard')}
          </PageLink>
        );
        break;
      case 'openByUnit':
        body = (
          <Table
            size="small"
            rowKey="unitId"
            dataSource={data.units}
            pagination={data.units.length > 20 ? { pageSize: 20, size: 'small' } : false}
            columns={[
              {
                title: t('dashboard.unit'),
                dataIndex: 'name',
                render: (name: string, r) => <PageLink to={profilePath(r.unitId)}>{name}</PageLink>,
              },
              { title: t('dashboard.board.columns.open'), dataIndex: 'open', width: 80, align: 'right' },
              {
                title: t('dashboard.board.columns.overdue'),
                dataIndex: 'overdue',
                width: 80,
                align: 'right',
                render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
              },
            ]}
          />
        );
        footer = (
          <PageLink fallback={null} to="/rectification">
            {t('dashboard.overview.openLedger')}
          </PageLink>
        );
        break;
    }
  }
  return (
    <Drawer open title={title} size={640} onClose={onClose} footer={footer} data-testid={`list-${kind}`}>
      {body}
    </Drawer>
  );
}

function ChangeList({
  title,
  units,
  period,
  testId,
}: {
  title: string;
  units: readonly (Brief & { scoreDelta?: number })[];
  period: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} data-testid={testId}>
      {units.length === 0 ? (
        <Typography.Text type="secondary">{t('dashboard.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={[...units]}
          renderItem={(u) => (
            <List.Item>
              <Space size={6} style={{ minWidth: 0 }}>
                <UnitLink unit={u} period={period} />
                <Typography.Text type="secondary">{u.group}</Typography.Text>
              </Space>
              <Space size={8}>
                {u.scoreDelta !== undefined && <Delta value={u.scoreDelta} />}
                <Movement delta={u.rankDelta} />
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export function CityOverview() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { period, setPeriod } = useDashboardParams();
  const [list, setList] = useState<ListKind | null>(null);
  const overview = useQuery({ ...trpc.dashboard.overview.queryOptions({ period }), placeholderData: keepPreviousData });
  if (overview.isPending) return <Spin />;
  if (overview.error) return <DashboardError error={overview.error} />;
  const data = overview.data;
  const a = data.assessment;
  const reports = data.reports;
  const rect = data.rectification;
  const rankingsOf = (group?: string) =>
    `/rankings?${new URLSearchParams({ ...(period ? { period } : {}), ...(group ? { group } : {}) }).toString()}`;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="overview-title">
            {a
              ? `${t('dashboard.overview.title')} · ${t('dashboard.overview.subtitle', { period: formatPeriod(a.period, i18n.language) })}`
              : t('dashboard.overview.title')}
          </Typography.Title>
        }
        extra={
          <Space className="kp-no-print" wrap>
            {a && <PeriodPicker value={period} onChange={setPeriod} />}
            <PageLink to="/rectification/board" fallback={null}>
              <Button>{t('dashboard.overview.openBoard')}</Button>
            </PageLink>
            <Button onClick={() => window.print()}>{t('dashboard.print')}</Button>
          </Space>
        }
      >
        {a ? (
          <Typography.Text type="secondary">
            {`${a.round.title} · ${t('dashboard.published', { date: a.round.publishedAt.slice(0, 10) })}${a.round.isRestated ? ` · ${t('dashboard.restated')}` : ''}`}
          </Typography.Text>
        ) : (
          <Alert type="info" showIcon title={t('dashboard.noResults')} data-testid="overview-no-results" />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        {a && (
          <>
            <Col xs={12} md={8} xl={4}>
              <FigureCard
                testId="figure-assessed"
                title={t('dashboard.overview.figures.assessed')}
                value={a.totals.units}
                hint={t('dashboard.overview.figures.assessedHint', { scored: a.totals.scored, ranked: a.totals.ranked })}
                onOpen={() => void navigate(rankingsOf())}
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <FigureCard
                testId="figure-failing"
                title={t('dashboard.overview.figures.failing')}
                value={a.totals.failing}
                tone={a.totals.failing > 0 ? 'danger' : 'success'}
                hint={t('dashboard.overview.figures.failingHint')}
                onOpen={() => setList('failing')}
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <FigureCard
                testId="figure-vetoes"
                title={t('dashboard.overview.figures.vetoes')}
                value={a.totals.vetoes}
                tone={a.totals.vetoes > 0 ? 'warning' : undefined}
                hint={t('dashboard.overview.figures.vetoesHint', { count: a.totals.vetoFail })}
                onOpen={() => setList('vetoes')}
              />
            </Col>
          </>
        )}
        <Col xs={12} md={8} xl={4}>
          <FigureCard
            testId="figure-reports"
            title={t('dashboard.overview.figures.reportOnTime', { year: reports.year })}
            value={formatPercent(reports.overall.onTimeRate)}
            hint={t('dashboard.overview.figures.reportHint', {
              expected: reports.overall.expected,
              onTime: reports.overall.onTime,
              late: reports.overall.late,
              missing: reports.overall.missing,
            })}
            onOpen={() => setList(reports.overall.late === 0 && reports.overall.missing > 0 ? 'missingReports' : 'lateReports')}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <FigureCard
            testId="figure-open"
            title={t('dashboard.overview.figures.rectOpen')}
            value={rect.open}
            hint={t('dashboard.overview.figures.rectHint', { date: rect.today, rate: formatPercent(rect.onTimeClosureRate) })}
            onOpen={() => setList('openByUnit')}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <FigureCard
            testId="figure-overdue"
            title={t('dashboard.overview.figures.rectOverdue')}
            value={rect.overdue}
            tone={rect.overdue > 0 ? 'danger' : 'success'}
            hint={`${t('dashboard.overview.figures.onTimeClosure')} ${formatPercent(rect.onTimeClosureRate)}`}
            onOpen={() => setList('overdueItems')}
          />
        </Col>
      </Row>
      {a && (
        <>
          <Row gutter={[16, 16]}>
            {a.groups.map((g) => (
              <Col key={g.code} xs={12} xl={6}>
                <FigureCard
                  testId={`figure-group-${g.code}`}
                  title={`${g.code} ${g.name}`}
                  value={formatScore(g.average)}
                  suffix={<span style={{ fontSize: 14 }}> {t('dashboard.overview.figures.average')}</span>}
                  hint={
                    <Space orientation="vertical" size={0}>
                      <span>
                        {t('dashboard.overview.figures.passRate')} {formatPercent(g.passRate)}
                        {g.passRateDelta !== null && g.passRateDelta !== 0 && (
                          <>
                            {'('}
                            <Delta value={g.passRateDelta} digits={1} suffix="%" />
                            {')'}
                          </>
                        )}
                      </span>
                      <span>
                        {t('dashboard.overview.figures.averageChange')} <Delta value={g.averageDelta} />
                      </span>
                    </Space>
                  }
                  onOpen={() => void navigate(rankingsOf(g.code))}
                />
              </Col>
            ))}
          </Row>
          <Card size="small" title={t('dashboard.overview.groupsTitle')}>
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={a.groups}
              data-testid="overview-groups"
              scroll={{ x: 1100 }}
              columns={[
                {
                  title: t('dashboard.overview.columns.group'),
                  dataIndex: 'name',
                  width: 190,
                  render: (name: string, g) => <PageLink to={rankingsOf(g.code)}>{`${g.code} ${name}`}</PageLink>,
                },
                { title: t('dashboard.overview.columns.units'), dataIndex: 'scored', width: 70, align: 'right' },
                {
                  title: t('dashboard.overview.columns.average'),
                  dataIndex: 'average',
                  width: 80,
                  align: 'right',
                  render: (v: number | null) => formatScore(v),
                },
                {
                  title: t('dashboard.overview.columns.change'),
                  dataIndex: 'averageDelta',
                  width: 80,
                  align: 'right',
                  render: (v: number | null) => <Delta value={v} />,
                },
                {
                  title: t('dashboard.overview.columns.max'),
                  dataIndex: 'max',
                  width: 80,
                  align: 'right',
                  render: (v: number | null) => formatScore(v),
                },
                {
                  title: t('dashboard.overview.columns.min'),
                  dataIndex: 'min',
                  width: 80,
                  align: 'right',
                  render: (v: number | null) => formatScore(v),
                },
                {
                  title: t('dashboard.overview.columns.passRate'),
                  dataIndex: 'passRate',
                  width: 80,
                  align: 'right',
                  render: (v: number | null) => formatPercent(v),
                },
                {
                  title: t('dashboard.overview.columns.failing'),
                  dataIndex: 'failing',
                  width: 70,
                  align: 'right',
                  render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
                },
                {
                  title: t('dashboard.overview.columns.top'),
                  dataIndex: 'top',
                  render: (units: Brief[]) => (
                    <Space size={[8, 0]} wrap>
                      {units.map((u) => (
                        <UnitLink key={u.unit} unit={u} period={a.period} />
                      ))}
                    </Space>
                  ),
                },
                {
                  title: t('dashboard.overview.columns.bottom'),
                  dataIndex: 'bottom',
                  render: (units: Brief[]) => (
                    <Space size={[8, 0]} wrap>
                      {units.map((u) => (
                        <UnitLink key={u.unit} unit={u} period={a.period} />
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
          <Card
            size="small"
            title={
              a.previousPeriod
                ? t('dashboard.overview.changesTitle', { period: formatPeriod(a.previousPeriod, i18n.language) })
                : t('dashboard.overview.changesTitle', { period: '—' })
            }
          >
            {a.previousPeriod === null ? (
              <Empty description={t('dashboard.overview.noPrevious')} />
            ) : (
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={8}>
                  <ChangeList testId="changes-rises" title={t('dashboard.overview.rises')} units={a.changes.rises} period={a.period} />
                </Col>
                <Col xs={24} lg={8}>
                  <ChangeList testId="changes-falls" title={t('dashboard.overview.falls')} units={a.changes.falls} period={a.period} />
                </Col>
                <Col xs={24} lg={8}>
                  <ChangeList
                    testId="changes-failing"
                    title={t('common.paren', { text: t('dashboard.overview.newlyFailing'), inner: a.changes.newlyFailingCount })}
                    units={a.changes.newlyFailing}
                    period={a.period}
                  />
                  {a.changes.recoveredCount > 0 && (
                    <div style={{ marginTop: 16 }}>
                      <ChangeList
                        testId="changes-recovered"
                        title={t('common.paren', { text: t('dashboard.overview.recovered'), inner: a.changes.recoveredCount })}
                        units={a.changes.recovered}
                        period={a.period}
                      />
                    </div>
                  )}
                </Col>
              </Row>
            )}
          </Card>
        </>
      )}
      {list && <ListDrawer kind={list} period={period} onClose={() => setList(null)} />}
    </Space>
  );
}
