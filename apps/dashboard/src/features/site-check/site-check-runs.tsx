// 检查任务: start a check (all units or chosen ones), follow its progress per unit (polled while it
// runs), cancel it, open a unit's result, export the run as the monthly 通报 table.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Descriptions, Drawer, List, Progress, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outputs } from '../../api-types';
import { downloadBase64 } from '../../lib/files';
import { errorMessage, useTRPC } from '../../trpc';

type RunUnit = Outputs['siteCheck']['run']['units'][number];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STATUS_COLOR: Record<string, string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  cancelled: 'warning',
  failed: 'error',
  skipped: 'default',
};

function UnitResult({ runId, unit, onClose }: { runId: number; unit: RunUnit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const result = useQuery({
    ...trpc.siteCheck.unitResult.queryOptions({ runId, unitId: unit?.unitId ?? 0 }),
    enabled: unit?.status === 'done',
  });
  const r = result.data;
  return (
    <Drawer open={unit !== null} onClose={onClose} size="large" title={`${t('siteCheck.result.title')} · ${unit?.unitName ?? ''}`}>
      {r && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="site-unit-result">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('siteCheck.columns.url')}>{r.site}</Descriptions.Item>
            <Descriptions.Item label={t('siteCheck.columns.status')}>
              {r.reachable ? (
                <Tag color="green">{t('siteCheck.result.reachable')}</Tag>
              ) : (
                <Tag color="red">{t('siteCheck.result.unreachable')}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('siteCheck.result.homepage')}>{r.homepageUpdated ?? t('siteCheck.result.none')}</Descriptions.Item>
            <Descriptions.Item label={t('siteCheck.result.report')}>
              {r.annualReport
                ? `${r.annualReport.year} · ${r.annualReport.publishedAt ?? '—'} · ${r.annualReport.onTime ? t('siteCheck.result.onTime') : t('siteCheck.result.late')}`
                : t('siteCheck.result.reportMissing')}
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="name"
            pagination={false}
            title={() => t('siteCheck.result.columns')}
            dataSource={r.columns}
            columns={[
              { title: t('siteCheck.settings.columnName'), dataIndex: 'name' },
              { title: t('siteCheck.result.newest'), dataIndex: 'newest', render: (v: string | null) => v ?? '—' },
              { title: t('siteCheck.settings.interval'), dataIndex: 'intervalDays' },
              {
                title: t('siteCheck.columns.status'),
                dataIndex: 'status',
                render: (s: 'ok' | 'stale' | 'blank') => <Tag color={s === 'ok' ? 'green' : 'red'}>{t(`siteCheck.columnStatus.${s}`)}</Tag>,
              },
            ]}
          />
          <List
            size="small"
            header={t('common.paren', { text: t('siteCheck.columns.kind'), inner: r.problems.length })}
            dataSource={r.problems}
            renderItem={(p) => (
              <List.Item>
                <Space>
                  <Tag color={p.veto ? 'red' : 'orange'}>{t(`siteCheck.kinds.${p.kind}`)}</Tag>
                  <Typography.Text>{p.detail}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Space>
      )}
    </Drawer>
  );
}

export function SiteCheckRuns({ canRun }: { canRun: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [scope, setScope] = useState<'all' | 'units'>('all');
  const [unitIds, setUnitIds] = useState<number[]>([]);
  const [judgedOn, setJudgedOn] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [open, setOpen] = useState<RunUnit | null>(null);
  const units = useQuery(trpc.units.options.queryOptions());
  const runs = useQuery({
    ...trpc.siteCheck.runs.queryOptions(),
    refetchInterval: (q) => (q.state.data?.some((r) => r.status === 'queued' || r.status === 'running') ? 1000 : 10_000),
  });
  const runId = selected ?? runs.data?.[0]?.id ?? null;
  const progress = useQuery({
    ...trpc.siteCheck.run.queryOptions({ runId: runId ?? 0 }),
    enabled: runId !== null,
    refetchInterval: (q) => (q.state.data && ['queued', 'running'].includes(q.state.data.run.status) ? 1000 : false),
  });
  const start = useMutation(
    trpc.siteCheck.start.mutationOptions({
      onSuccess: (run) => {
        void message.success(t('siteCheck.run.started'));
        setSelected(run.id);
        void queryClient.invalidateQueries({ queryKey: trpc.siteCheck.runs.queryKey() });
      },
      onError: (e) => void message.error(errorMessage(e)),
    }),
  );
  const cancel = useMutation(
    trpc.siteCheck.cancel.mutationOptions({
      onSuccess: () => void message.info(t('siteCheck.run.cancelled')),
      onError: (e) => void message.error(errorMessage(e)),
    }),
  );
  const exportRun = async (id: number) => {
    const file = await queryClient.fetchQuery(trpc.siteCheck.exportRun.queryOptions({ runId: id }));
    downloadBase64(file.fileName, file.contentBase64, XLSX);
  };
  const p = progress.data;
  const total = p?.units.length ?? 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canRun && (
        <Card size="small">
          <Space wrap>
            <Typography.Text>{t('siteCheck.run.scope')}</Typography.Text>
            <Radio.Group
              value={scope}
              onChange={(e) => setScope(e.target.value as 'all' | 'units')}
              options={[
                { value: 'all', label: t('siteCheck.run.all') },
                { value: 'units', label: t('siteCheck.run.units') },
              ]}
            />
            {scope === 'units' && (
              <Select
                mode="multiple"
                style={{ minWidth: 320 }}
                placeholder={t('siteCheck.run.pickUnits')}
                value={unitIds}
                onChange={setUnitIds}
                optionFilterProp="label"
                options={(units.data ?? []).filter((u) => u.isActive).map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
                data-testid="site-run-units"
              />
            )}
            <DatePicker placeholder={t('siteCheck.run.judgedOn')} onChange={(d) => setJudgedOn(d ? d.format('YYYY-MM-DD') : null)} />
            <Button
              type="primary"
              loading={start.isPending}
              disabled={scope === 'units' && unitIds.length === 0}
              onClick={() => start.mutate({ scope: scope === 'all' ? { kind: 'all' } : { kind: 'units', unitIds }, judgedOn })}
              data-testid="site-run-start"
            >
              {t('siteCheck.run.start')}
            </Button>
          </Space>
        </Card>
      )}
      <Table
        size="small"
        rowKey="id"
        loading={runs.isPending}
        dataSource={runs.data ?? []}
        pagination={{ pageSize: 5 }}
        rowClassName={(r) => (r.id === runId ? 'ant-table-row-selected' : '')}
        onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '#', dataIndex: 'id', width: 60 },
          { title: t('siteCheck.columns.judgedOn'), dataIndex: 'judgedOn' },
          {
            title: t('siteCheck.columns.trigger'),
            dataIndex: 'trigger',
            render: (v: 'manual' | 'schedule') => t(`siteCheck.trigger.${v}`),
          },
          { title: t('siteCheck.columns.createdBy'), dataIndex: 'createdByName' },
          {
            title: t('siteCheck.columns.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`siteCheck.runStatus.${s}`)}</Tag>,
          },
        ]}
      />
      {p && (
        <Card
          size="small"
          title={`#${p.run.id} · ${p.run.judgedOn} · ${t(`siteCheck.runStatus.${p.run.status}`)}`}
          extra={
            <Space>
              {canRun && ['queued', 'running'].includes(p.run.status) && (
                <Button danger onClick={() => cancel.mutate({ runId: p.run.id })} data-testid="site-run-cancel">
                  {t('siteCheck.run.cancel')}
                </Button>
              )}
              {p.run.status === 'done' && (
                <Button onClick={() => void exportRun(p.run.id)} data-testid="site-run-export">
                  {t('siteCheck.run.export')}
                </Button>
              )}
            </Space>
          }
          data-testid="site-run-progress"
        >
          <Progress
            percent={total === 0 ? 0 : Math.round((p.finished / total) * 100)}
            format={() => `${p.finished}/${total} · ${t('siteCheck.columns.pages')} ${p.pages}`}
          />
          <Table
            size="small"
            rowKey="id"
            dataSource={p.units}
            pagination={{ pageSize: 20 }}
            onRow={(u) => ({
              onClick: () => u.status === 'done' && setOpen(u),
              style: { cursor: u.status === 'done' ? 'pointer' : 'default' },
            })}
            columns={[
              { title: t('siteCheck.columns.unit'), render: (_, u) => `${u.unitCode} ${u.unitName}` },
              { title: t('siteCheck.columns.url'), dataIndex: 'url', render: (v: string | null) => v ?? '—' },
              {
                title: t('siteCheck.columns.status'),
                dataIndex: 'status',
                render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`siteCheck.unitStatus.${s}`)}</Tag>,
              },
              { title: t('siteCheck.columns.pages'), dataIndex: 'pages', align: 'right' },
              { title: t('siteCheck.columns.problems'), dataIndex: 'problems', align: 'right' },
            ]}
          />
        </Card>
      )}
      {runId !== null && <UnitResult runId={runId} unit={open} onClose={() => setOpen(null)} />}
    </Space>
  );
}
