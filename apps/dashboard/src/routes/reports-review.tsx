// 年报评查 (/reports/review): the office uploads a whole city's published annual reports — files, a
// folder or a .zip — and gets a row per expected unit: found or missing, publication date against
// the deadline, cells read, cells left unresolved, each failed rule with its equation, the overview
// counts that differ from the tables (S6). Reading runs on the server off the request path; this
// page polls the job. Each failure can be turned into a rectification order (the same 交办整改
// dialog as on a single report).
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Collapse,
  Empty,
  List,
  Progress,
  Result,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { UploadFile } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportCheck } from '@kaoping/contracts/annual-report/annual-report';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { Outputs } from '../api-types';
import { IssueDialog } from '../features/rectification/issue-dialog';
import { RuleTag } from '../features/reports/rule-tag';
import { downloadBase64, fileToBase64 } from '../lib/files';
import { errorMessage, useTRPC } from '../trpc';

type Job = Outputs['reportReview']['status'];
type Row = NonNullable<Job['review']>['rows'][number];

const MAX_BYTES = 20 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const REPORT_FILE = /\.(txt|md|markdown|html?|docx|pdf|zip)$/i;
const TIMELINESS_COLOR: Record<Row['timeliness'], string> = { on_time: 'green', late: 'red', no_date: 'orange', missing: 'default' };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function Failures({ row, onOrder }: { row: Row; onOrder: (row: Row, check: ReportCheck) => void }) {
  const { t } = useTranslation();
  if (!row.found) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={`review-failures-${row.code}`}>
      {row.failures.length + row.narrative.length === 0 && <Typography.Text type="secondary">{t('reportReview.none')}</Typography.Text>}
      <List
        size="small"
        dataSource={[...row.failures, ...row.narrative]}
        renderItem={(c) => (
          <List.Item
            actions={[
              <Button key="order" size="small" onClick={() => onOrder(row, c)} data-testid="review-order">
                {t('reportReview.order')}
              </Button>,
            ]}
          >
            <Space>
              <RuleTag rule={c.rule} color={c.severity === 'error' ? 'red' : c.rule === 'S6' ? 'purple' : 'orange'} />
              <Typography.Text>{c.message}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {row.notes.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('reportReview.notes')}
          description={row.notes.map((n) => (
            <div key={n}>{n}</div>
          ))}
        />
      )}
    </Space>
  );
}

export function ReportReviewPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [jobId, setJobId] = useState<string | null>(null);
  const [ordering, setOrdering] = useState<{ unitId: number; title: string } | null>(null);
  const start = useMutation(trpc.reportReview.start.mutationOptions({ onSuccess: (job) => setJobId(job.id) }));
  const status = useQuery({
    ...trpc.reportReview.status.queryOptions({ jobId: jobId ?? '00000000-0000-4000-8000-000000000000' }),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 800),
  });
  const exportXlsx = useMutation(
    trpc.reportReview.export.mutationOptions({ onSuccess: (f) => downloadBase64(f.fileName, f.contentBase64, XLSX) }),
  );
  const size = useMemo(() => files.reduce((s, f) => s + (f.size ?? 0), 0), [files]);
  if (user.role !== 'admin') return <Result status="403" title="403" subTitle={t('reportReview.officeOnly')} />;

  const job = status.data ?? null;
  const review = job?.review ?? null;
  const years = Array.from({ length: 6 }, (_, i) => new Date().getFullYear() - 1 - i);
  const add = (file: UploadFile) => {
    if (!REPORT_FILE.test(file.name)) return false;
    setFiles((list) => (list.some((f) => f.uid === file.uid) ? list : [...list, file]));
    return false;
  };
  const run = async () => {
    setJobId(null);
    const payload = await Promise.all(
      files.map(async (f) => ({ fileName: f.name, contentBase64: await fileToBase64(f.originFileObj ?? (f as unknown as Blob)) })),
    );
    start.mutate({ year, files: payload });
  };
  const order = (row: Row, check: ReportCheck) =>
    setOrdering({ unitId: row.unitId, title: t('reportReview.orderTitle', { year, message: `${check.rule} ${check.message}` }) });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('reportReview.title', { year })}
            </Typography.Title>
            <Select
              style={{ width: 100 }}
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: `${y}` }))}
              aria-label={t('reportReview.year')}
              data-testid="review-year"
            />
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('reportReview.intro')}</Typography.Paragraph>
        <Space wrap>
          <Upload
            multiple
            showUploadList={false}
            beforeUpload={add}
            accept=".txt,.md,.html,.htm,.docx,.pdf,.zip"
            data-testid="review-pick-files"
          >
            <Button>{t('reportReview.pickFiles')}</Button>
          </Upload>
          <Upload directory showUploadList={false} beforeUpload={add}>
            <Button>{t('reportReview.pickFolder')}</Button>
          </Upload>
          {files.length > 0 && (
            <>
              <Typography.Text data-testid="review-chosen">
                {t('reportReview.chosen', { count: files.length, size: megabytes(size) })}
              </Typography.Text>
              <Button type="link" onClick={() => setFiles([])}>
                {t('reportReview.clear')}
              </Button>
            </>
          )}
          <Button
            type="primary"
            disabled={files.length === 0 || size > MAX_BYTES}
            loading={start.isPending}
            onClick={() => void run()}
            data-testid="review-start"
          >
            {t('reportReview.start')}
          </Button>
        </Space>
        <Typography.Paragraph type={size > MAX_BYTES ? 'danger' : 'secondary'} style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
          {t('reportReview.limit')}
        </Typography.Paragraph>
        {start.error && <Alert type="error" showIcon title={errorMessage(start.error)} style={{ marginTop: 12 }} />}
        {status.error && <Alert type="error" showIcon title={errorMessage(status.error)} style={{ marginTop: 12 }} />}
        {job && job.status !== 'done' && job.status !== 'failed' && (
          <div style={{ marginTop: 12 }} data-testid="review-progress">
            <Typography.Text>
              {job.status === 'reading' ? t('reportReview.reading', { done: job.done, files: job.files }) : t('reportReview.checking')}
            </Typography.Text>
            <Progress percent={job.files === 0 ? 0 : Math.round((100 * job.done) / job.files)} />
          </div>
        )}
        {job?.status === 'failed' && (
          <Alert type="error" showIcon title={t('reportReview.failed', { error: job.error ?? '' })} style={{ marginTop: 12 }} />
        )}
      </Card>

      {review && jobId && (
        <Card
          extra={
            <Button onClick={() => exportXlsx.mutate({ jobId })} loading={exportXlsx.isPending} data-testid="review-export">
              {t('reportReview.export')}
            </Button>
          }
          title={
            <Space size="large" wrap>
              {(['expected', 'found', 'missing', 'late', 'noDate', 'withErrors', 'unresolved'] as const).map((k) => (
                <Statistic key={k} title={t(`reportReview.totals.${k}`)} value={review.totals[k]} data-testid={`review-total-${k}`} />
              ))}
            </Space>
          }
        >
          {review.unmatched.length > 0 && (
            <Collapse
              style={{ marginBottom: 12 }}
              items={[
                {
                  key: 'unmatched',
                  label: (
                    <Typography.Text type="warning">{t('reportReview.unmatched', { count: review.unmatched.length })}</Typography.Text>
                  ),
                  children: review.unmatched.map((u) => (
                    <div key={u.fileName} data-testid="review-unmatched">
                      <Typography.Text code>{u.fileName}</Typography.Text> {u.problem}
                    </div>
                  )),
                },
              ]}
            />
          )}
          <Table<Row>
            rowKey="unitId"
            size="small"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            dataSource={review.rows}
            locale={{ emptyText: <Empty /> }}
            onRow={(r) => ({ 'data-testid': `review-row-${r.code}` }) as React.HTMLAttributes<HTMLTableRowElement>}
            expandable={{ expandedRowRender: (r) => <Failures row={r} onOrder={order} />, rowExpandable: (r) => r.found }}
            columns={[
              { title: t('reportReview.columns.unit'), key: 'unit', render: (_, r) => `${r.code} ${r.name}` },
              {
                title: t('reportReview.columns.report'),
                key: 'report',
                render: (_, r) =>
                  r.found ? (
                    <Space size={4}>
                      <Tag color="blue">{t('reportReview.found')}</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.fileName}
                      </Typography.Text>
                    </Space>
                  ) : (
                    <Tag>{t('reportReview.missing')}</Tag>
                  ),
              },
              { title: t('reportReview.columns.published'), dataIndex: 'publishedAt', render: (v: string | null) => v ?? '—' },
              { title: t('reportReview.columns.deadline'), dataIndex: 'deadline' },
              {
                title: t('reportReview.columns.timeliness'),
                key: 'timeliness',
                render: (_, r) => (
                  <Tag color={TIMELINESS_COLOR[r.timeliness]}>{t(`reportReview.timeliness.${r.timeliness}`, { days: r.daysLate })}</Tag>
                ),
              },
              {
                title: t('reportReview.columns.cells'),
                key: 'cells',
                align: 'right',
                render: (_, r) => (r.found ? `${r.cellsRead}/${r.cellsTotal}` : '—'),
              },
              {
                title: t('reportReview.columns.unresolved'),
                key: 'unresolved',
                align: 'right',
                render: (_, r) => (r.found ? r.unresolved.length : '—'),
              },
              {
                title: t('reportReview.columns.problems'),
                key: 'problems',
                render: (_, r) => {
                  if (!r.found) return '—';
                  const errors = r.failures.filter((c) => c.severity === 'error').length;
                  return (
                    <Space size={4}>
                      <Typography.Text type={errors > 0 ? 'danger' : undefined}>
                        {t('reportReview.problems', { errors, warnings: r.failures.length - errors })}
                      </Typography.Text>
                      {r.narrative.length > 0 && <Tag color="purple">{t('reportReview.narrative')}</Tag>}
                    </Space>
                  );
                },
              },
            ]}
          />
        </Card>
      )}
      {ordering && (
        <IssueDialog
          defaultPeriod={String(year)}
          defaults={{ unitId: ordering.unitId, title: ordering.title, source: 'report_rule' }}
          onClose={() => setOrdering(null)}
        />
      )}
    </Space>
  );
}
