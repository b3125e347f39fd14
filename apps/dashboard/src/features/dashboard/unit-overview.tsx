// A liaison's overview: their own unit's score, rank in its group, grade, findings, open
// rectification items and annual report (the server answers for their unit only).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RectificationStatus } from '@kaoping/contracts/rectification/rectification-status';
import { useTRPC } from '../../trpc';
import { StatusTag } from '../rectification/status-tag';
import { DashboardError } from './dashboard-error';
import { formatPercent, formatPeriod, formatScore, profilePath } from './dashboard-format';
import { GradeTag, Movement } from './dashboard-tags';
import { FigureCard } from './figure-card';
import { PeriodPicker } from './period-picker';
import { usePeriodLabel } from './use-period-label';
import { useDashboardParams } from './use-dashboard-params';

export function UnitOverview({ unitId }: { unitId: number }) {
  const { t, i18n } = useTranslation();
  const periodLabel = usePeriodLabel();
  const trpc = useTRPC();
  const { period, setPeriod } = useDashboardParams();
  const summary = useQuery({ ...trpc.dashboard.unitSummary.queryOptions({ unitId, period }), placeholderData: keepPreviousData });
  if (summary.isPending) return <Spin />;
  if (summary.error) return <DashboardError error={summary.error} />;
  const data = summary.data;
  const r = data.result;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="overview-title">
            {`${t('dashboard.mine.title')} · ${data.unit.name}`}
          </Typography.Title>
        }
        extra={
          <Space className="kp-no-print" wrap>
            {data.period && <PeriodPicker value={period} onChange={setPeriod} />}
            <Link to={profilePath(data.unit.id, period)}>
              <Button type="primary" data-testid="open-own-profile">
                {t('dashboard.mine.openProfile')}
              </Button>
            </Link>
          </Space>
        }
      >
        {data.period ? (
          <Typography.Text type="secondary">
            {t('dashboard.overview.subtitle', { period: formatPeriod(data.period, i18n.language) })}
          </Typography.Text>
        ) : (
          <Alert type="info" showIcon title={t('dashboard.noResults')} />
        )}
      </Card>
      {data.period && !r && <Alert type="info" showIcon title={t('dashboard.mine.notAssessed')} />}
      <Row gutter={[16, 16]}>
        {r && (
          <>
            <Col xs={12} md={8} xl={4}>
              <FigureCard
                testId="mine-score"
                title={t('dashboard.mine.score')}
                value={formatScore(r.final)}
                tone={r.isFailing ? 'danger' : undefined}
                hint={
                  r.previous
                    ? t('dashboard.mine.previous', {
                        period: formatPeriod(r.previous.period, i18n.language),
                        score: formatScore(r.previous.final),
                        rank: r.previous.rank ?? '—',
                      })
                    : undefined
                }
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <FigureCard
                testId="mine-rank"
                title={t('common.paren', { text: t('dashboard.mine.rank'), inner: `${r.group.code} ${r.group.name}` })}
                value={r.rank === null ? t('dashboard.unranked') : `${r.rank} / ${r.group.ranked}`}
                hint={
                  <Space size={6}>
                    {t('dashboard.movement')} <Movement delta={r.rankDelta} />
                  </Space>
                }
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card size="small" style={{ height: '100%' }} data-testid="mine-grade">
                <Typography.Text type="secondary">{t('dashboard.mine.grade')}</Typography.Text>
                <div style={{ fontSize: 22, marginTop: 6 }}>
                  <GradeTag grade={r.grade} />{' '}
                  {r.vetoes.map((v) => (
                    <Tag key={v.code} color="red">{`${v.code} ${v.name}`}</Tag>
                  ))}
                </div>
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <FigureCard
                testId="mine-findings"
                title={t('dashboard.mine.findings')}
                value={r.findings}
                tone={r.findings > 0 ? 'warning' : 'success'}
              />
            </Col>
          </>
        )}
        <Col xs={12} md={8} xl={4}>
          <FigureCard
            testId="mine-open"
            title={t('dashboard.mine.openItems')}
            value={data.rectification.open}
            hint={`${t('dashboard.mine.overdueItems')} ${data.rectification.overdue} · ${t('dashboard.board.onTime')} ${formatPercent(data.rectification.onTimeClosureRate)}`}
            tone={data.rectification.overdue > 0 ? 'danger' : undefined}
          />
        </Col>
        {data.report && (
          <Col xs={12} md={8} xl={4}>
            <Card size="small" style={{ height: '100%' }} data-testid="mine-report">
              <Typography.Text type="secondary">{t('dashboard.mine.report', { year: data.report.year })}</Typography.Text>
              <div style={{ fontSize: 18, marginTop: 6 }}>
                <Tag color={data.report.timeliness === 'on_time' ? 'green' : data.report.timeliness === 'not_due' ? 'default' : 'red'}>
                  {t(`dashboard.mine.timeliness.${data.report.timeliness}`)}
                </Tag>
              </div>
              <Link to={`/reports/${data.unit.id}/${data.report.year}`}>{data.report.reportedOn ?? data.report.deadline}</Link>
            </Card>
          </Col>
        )}
      </Row>
      {data.overdueItems.length > 0 && (
        <Card size="small" title={t('dashboard.overview.lists.overdueItems')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.overdueItems}
            columns={[
              {
                title: t('dashboard.overview.itemColumns.code'),
                dataIndex: 'code',
                width: 130,
                render: (code: string, i) => <Link to={`/rectification?item=${i.id}`}>{code}</Link>,
              },
              {
                title: t('dashboard.overview.itemColumns.period'),
                dataIndex: 'period',
                width: 130,
                render: (code: string) => periodLabel(code),
              },
              { title: t('dashboard.overview.itemColumns.due'), dataIndex: 'dueDate', width: 110 },
              {
                title: t('dashboard.overview.itemColumns.status'),
                dataIndex: 'status',
                render: (s: string) => <StatusTag status={s as RectificationStatus} />,
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
