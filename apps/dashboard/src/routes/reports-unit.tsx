import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, InputNumber, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { ReportStatusTag } from '../features/reports/report-tags';
import { errorMessage, useTRPC } from '../trpc';

/** /reports/unit/:unitId: a unit's reports by year (a liaison's landing page), and filling in a year. */
export function UnitReportsPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const unitId = Number(useParams().unitId);
  const list = useQuery({ ...trpc.annualReports.forUnit.queryOptions({ unitId }), enabled: unitId > 0 });
  const years = useQuery(trpc.annualReports.years.queryOptions());
  const [other, setOther] = useState<number | null>(null);
  const byYear = new Map((list.data?.reports ?? []).map((r) => [r.year, r]));
  const rows = [...new Set([...(years.data ?? []), ...byYear.keys()])]
    .sort((a, b) => b - a)
    .map((year) => ({ year, report: byYear.get(year) ?? null }));
  const canFile = user.role === 'admin' || user.role === 'liaison';
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="unit-reports-title">
          {`${list.data ? `${list.data.unit.name} · ` : ''}${user.role === 'liaison' ? t('reports.myReports') : t('reports.unitReports')}`}
        </Typography.Title>
      }
      extra={
        canFile && (
          <Space>
            <InputNumber
              min={2007}
              max={2100}
              placeholder={t('reports.chooseYear')}
              value={other}
              onChange={(v) => setOther(typeof v === 'number' ? v : null)}
            />
            <Button disabled={other === null} onClick={() => other !== null && void navigate(`/reports/${unitId}/${other}`)}>
              {t('reports.newYear')}
            </Button>
          </Space>
        )
      }
    >
      {user.role === 'liaison' && <Typography.Paragraph type="secondary">{t('reports.liaisonHint')}</Typography.Paragraph>}
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} data-testid="report-error" />}
      <Table
        size="middle"
        rowKey="year"
        loading={list.isPending}
        pagination={false}
        dataSource={list.error ? [] : rows}
        data-testid="unit-reports"
        columns={[
          { title: t('reports.year'), dataIndex: 'year', width: 100 },
          { title: t('reports.columns.status'), render: (_, r) => <ReportStatusTag status={r.report?.status ?? null} /> },
          { title: t('reports.columns.version'), render: (_, r) => (r.report ? `v${r.report.versionNo}` : '—') },
          {
            title: t('reports.columns.updatedAt'),
            render: (_, r) => (r.report ? dayjs(r.report.updatedAt).format('YYYY-MM-DD HH:mm') : ''),
          },
          {
            title: t('reports.columns.actions'),
            render: (_, r) => (
              <Link to={`/reports/${unitId}/${r.year}`} data-testid={`open-report-${r.year}`}>
                {r.report || !canFile ? t('reports.open') : t('reports.fill')}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}
