// 年度报告: the office's table of a year (rates per group, every expected report with its status,
// timeliness and findings), and the routes of the area: a unit's reports, one report, the summary.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Progress, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useSearchParams } from 'react-router';
import type { ReportOverviewRow, ReportingRate } from '@kaoping/contracts/annual-report-workflow/annual-report-record';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { ReportStatusTag, TimelinessTag } from '../features/reports/report-tags';
import { useReportYear } from '../features/reports/use-report-year';
import { errorMessage, useTRPC } from '../trpc';

const ReportDetailPage = lazy(() => import('./reports-detail').then((m) => ({ default: m.ReportDetailPage })));
const UnitReportsPage = lazy(() => import('./reports-unit').then((m) => ({ default: m.UnitReportsPage })));
const ReportSummaryPage = lazy(() => import('./reports-summary').then((m) => ({ default: m.ReportSummaryPage })));

/** Everything under /reports. A liaison lands on their own unit's reports. */
export function ReportsArea({ user }: { user: SessionUser }) {
  const isLiaison = user.role === 'liaison';
  return (
    <Suspense fallback={null}>
      <Routes>
        <Route index element={isLiaison ? <Navigate to={`unit/${user.unitId ?? 0}`} replace /> : <ReportsOverviewPage />} />
        <Route path="summary" element={isLiaison ? <Navigate to=".." replace /> : <ReportSummaryPage />} />
        <Route path="unit/:unitId" element={<UnitReportsPage user={user} />} />
        <Route path=":unitId/:year" element={<ReportDetailPage user={user} />} />
      </Routes>
    </Suspense>
  );
}

type Filter = 'all' | 'late' | 'missing' | 'errors' | 'pending';
const FILTERS: Record<Filter, (r: ReportOverviewRow) => boolean> = {
  all: () => true,
  late: (r) => r.timeliness === 'late',
  missing: (r) => !r.isSubmitted,
  errors: (r) => r.errorCount > 0,
  pending: (r) => r.status === 'submitted',
};

const rateBar = (value: number | null) =>
  value === null ? (
    '—'
  ) : (
    <Progress percent={value} size="small" format={(p) => `${(p ?? 0).toFixed(1)}%`} style={{ width: 150, margin: 0 }} />
  );

function RatesTable({ groups, overall }: { groups: ReportingRate[]; overall: ReportingRate }) {
  const { t } = useTranslation();
  return (
    <Table<ReportingRate>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={[...groups, overall]}
      data-testid="report-rates"
      rowClassName={(r) => (r.key === 'all' ? 'rates-overall' : '')}
      onRow={(r) => (r.key === 'all' ? { style: { fontWeight: 600, background: '#fafafa' } } : {})}
      columns={[
        {
          title: t('reports.rates.group'),
          dataIndex: 'label',
          // The overall row's label comes from the server in Chinese: said here in the UI's language.
          render: (label: string, r) => (r.key === 'all' ? t('reports.rates.all') : `${r.key} ${label}`),
        },
        { title: t('reports.rates.expected'), dataIndex: 'expected', width: 70, align: 'right' },
        { title: t('reports.rates.submitted'), dataIndex: 'submitted', width: 70, align: 'right' },
        { title: t('reports.rates.onTime'), dataIndex: 'onTime', width: 70, align: 'right' },
        {
          title: t('reports.rates.late'),
          dataIndex: 'late',
          width: 70,
          align: 'right',
          render: (n: number) => (n > 0 ? <Typography.Text type="warning">{n}</Typography.Text> : n),
        },
        {
          title: t('reports.rates.missing'),
          dataIndex: 'missing',
          width: 70,
          align: 'right',
          render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
        },
        { title: t('reports.rates.accepted'), dataIndex: 'accepted', width: 80, align: 'right' },
        { title: t('reports.rates.reportingRate'), dataIndex: 'reportingRate', width: 180, render: rateBar },
        { title: t('reports.rates.onTimeRate'), dataIndex: 'onTimeRate', width: 180, render: rateBar },
      ]}
    />
  );
}

export function ReportsOverviewPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { year, years, setYear } = useReportYear();
  const [search, setSearch] = useSearchParams();
  const filter = (search.get('filter') as Filter | null) ?? 'all';
  const [group, setGroup] = useState<string | null>(null);
  const overview = useQuery({ ...trpc.annualReports.overview.queryOptions({ year }), placeholderData: keepPreviousData });
  const rows = (overview.data?.rows ?? []).filter(
    (r) => FILTERS[filter in FILTERS ? filter : 'all'](r) && (group === null || (r.groupCode ?? '—') === group),
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('reports.overviewTitle', { year })}
            </Typography.Title>
            <Select
              style={{ width: 100 }}
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: `${y}` }))}
              aria-label={t('reports.year')}
              data-testid="report-year"
            />
          </Space>
        }
        extra={
          <Link to="summary">
            <Button data-testid="open-summary">{t('reports.summaryTitle')}</Button>
          </Link>
        }
      >
        {overview.error && <Alert type="error" title={errorMessage(overview.error)} />}
        {overview.data && <RatesTable groups={overview.data.groups} overall={overview.data.overall} />}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
          {t('reports.rates.hint')}
        </Typography.Paragraph>
      </Card>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented<Filter>
            value={filter}
            onChange={(v) => setSearch(v === 'all' ? {} : { filter: v })}
            options={(Object.keys(FILTERS) as Filter[]).map((f) => ({
              value: f,
              label: `${t(`reports.filters.${f}`)} (${(overview.data?.rows ?? []).filter(FILTERS[f]).length})`,
            }))}
            data-testid="report-filter"
          />
          <Select
            allowClear
            placeholder={t('reports.group')}
            style={{ width: 220 }}
            value={group}
            onChange={(v) => setGroup(v ?? null)}
            options={(overview.data?.groups ?? []).map((g) => ({ value: g.key, label: g.key === '—' ? g.label : `${g.key} ${g.label}` }))}
          />
        </Space>
        <Table<ReportOverviewRow>
          size="small"
          rowKey="unitId"
          loading={overview.isFetching}
          dataSource={rows}
          data-testid="report-overview"
          pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (count) => t('common.total', { count }) }}
          columns={[
            { title: t('reports.columns.code'), dataIndex: 'unitCode', width: 90 },
            {
              title: t('reports.columns.unit'),
              dataIndex: 'unitName',
              render: (name: string, r) => <Link to={`${r.unitId}/${year}`}>{name}</Link>,
            },
            { title: t('reports.columns.group'), dataIndex: 'groupCode', width: 70, render: (g: string | null) => g ?? '—' },
            {
              title: t('reports.columns.status'),
              dataIndex: 'status',
              width: 90,
              render: (s: ReportOverviewRow['status']) => <ReportStatusTag status={s} />,
            },
            { title: t('reports.columns.reportedOn'), dataIndex: 'reportedOn', width: 120, render: (d: string | null) => d ?? '—' },
            { title: t('reports.columns.deadline'), dataIndex: 'deadline', width: 110 },
            {
              title: t('reports.columns.timeliness'),
              dataIndex: 'timeliness',
              width: 130,
              render: (v: ReportOverviewRow['timeliness'], r) => <TimelinessTag timeliness={v} days={r.daysLate} />,
            },
            {
              title: t('reports.columns.checks'),
              width: 150,
              render: (_, r) =>
                r.reportId === null ? (
                  '—'
                ) : (
                  <Space size={4}>
                    {r.errorCount > 0 ? (
                      <Tag color="red">{t('reports.checks.errors', { count: r.errorCount })}</Tag>
                    ) : (
                      <Tag color="green">✓</Tag>
                    )}
                    {r.warningCount > 0 && <Tag color="orange">{r.warningCount}</Tag>}
                  </Space>
                ),
            },
            {
              title: t('reports.columns.version'),
              dataIndex: 'versionNo',
              width: 70,
              render: (v: number | null) => (v === null ? '—' : `v${v}`),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
