import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBase64 } from '../features/reports/download';
import { ReportChecksPanel } from '../features/reports/report-checks-panel';
import { ReportTables } from '../features/reports/report-tables';
import { useReportYear } from '../features/reports/use-report-year';
import { errorMessage, useTRPC } from '../trpc';

type Scope = 'all' | 'groups' | 'units';

/** /reports/summary: the accepted reports of chosen units added up, checked, exported (.docx national layout, .xlsx). */
export function ReportSummaryPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const { year, years, setYear } = useReportYear();
  const [scope, setScope] = useState<Scope>('all');
  const [groups, setGroups] = useState<string[]>([]);
  const [units, setUnits] = useState<number[]>([]);
  const overview = useQuery(trpc.annualReports.overview.queryOptions({ year }));
  const rows = overview.data?.rows ?? [];
  const unitIds =
    scope === 'all' ? null : scope === 'groups' ? rows.filter((r) => groups.includes(r.groupCode ?? '—')).map((r) => r.unitId) : units;
  const summary = useQuery({ ...trpc.annualReports.summary.queryOptions({ year, unitIds }), placeholderData: keepPreviousData });
  const exporter = useMutation(
    trpc.annualReports.exportSummary.mutationOptions({
      onSuccess: (f) => downloadBase64(f.fileName, f.contentBase64, f.mimeType),
      onError: (e) => void message.error(errorMessage(e)),
    }),
  );
  const s = summary.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="summary-title">
              {t('reports.summary.title', { year })}
            </Typography.Title>
            <Select
              style={{ width: 100 }}
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: `${y}` }))}
              aria-label={t('reports.year')}
            />
          </Space>
        }
        extra={
          <Space>
            <Button
              onClick={() => exporter.mutate({ year, unitIds, format: 'docx' })}
              loading={exporter.isPending}
              disabled={!s || s.reportCount === 0}
              data-testid="export-docx"
            >
              {t('reports.summary.exportDocx')}
            </Button>
            <Button
              onClick={() => exporter.mutate({ year, unitIds, format: 'xlsx' })}
              loading={exporter.isPending}
              disabled={!s || s.reportCount === 0}
              data-testid="export-xlsx"
            >
              {t('reports.summary.exportXlsx')}
            </Button>
          </Space>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <span>{t('reports.summary.units')}</span>
            <Radio.Group
              value={scope}
              onChange={(e) => setScope(e.target.value as Scope)}
              options={[
                { value: 'all', label: t('reports.summary.allAccepted') },
                { value: 'groups', label: t('reports.summary.byGroup') },
                { value: 'units', label: t('reports.summary.pick') },
              ]}
            />
            {scope === 'groups' && (
              <Select
                mode="multiple"
                style={{ minWidth: 320 }}
                value={groups}
                onChange={setGroups}
                options={(overview.data?.groups ?? []).map((g) => ({
                  value: g.key,
                  label: g.key === '—' ? g.label : `${g.key} ${g.label}`,
                }))}
                data-testid="summary-groups"
              />
            )}
            {scope === 'units' && (
              <Select
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                style={{ minWidth: 480 }}
                value={units}
                onChange={setUnits}
                options={rows.map((r) => ({
                  value: r.unitId,
                  label: `${r.unitCode} ${r.unitName}`,
                  disabled: r.status !== 'accepted' && !(r.versionNo !== null && r.versionNo > 1),
                }))}
              />
            )}
          </Space>
          {summary.error && <Alert type="error" title={errorMessage(summary.error)} />}
          {s && (
            <>
              <Typography.Text strong data-testid="summary-count">
                {t('reports.summary.count', { count: s.reportCount })}
              </Typography.Text>
              {s.missing.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  title={t('reports.summary.missing', {
                    count: s.missing.length,
                    names: s.missing
                      .slice(0, 10)
                      .map((m) => m.name)
                      .join('、'),
                  })}
                />
              )}
              {s.incomplete.length > 0 && s.reportCount > 0 && (
                <Typography.Text type="secondary">{t('reports.summary.incomplete', { count: s.incomplete.length })}</Typography.Text>
              )}
            </>
          )}
        </Space>
      </Card>
      {s && (
        <Card size="small" title={t('reports.summary.checks')}>
          <ReportChecksPanel checks={s.checks} cells={s.cells} explanations={{}} previous={null} year={year} hidePrevious />
        </Card>
      )}
      {s && (
        <Card size="small">
          <ReportTables format={s.format} cells={s.cells} checks={s.checks} testId="summary-tables" />
        </Card>
      )}
    </Space>
  );
}
