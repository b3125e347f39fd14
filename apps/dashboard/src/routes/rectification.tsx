import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { rectificationStatuses, type RectificationStatus } from '@kaoping/contracts/rectification/rectification-status';
import { severities } from '@kaoping/contracts/rectification/rectification-ledger';
import { downloadBase64 } from '../features/rectification/download';
import { FiguresCards } from '../features/rectification/figures-cards';
import { IssueDialog } from '../features/rectification/issue-dialog';
import { ItemDrawer } from '../features/rectification/item-drawer';
import { StatusTag } from '../features/rectification/status-tag';
import { useGroupYear } from '../features/units/use-current-year';
import type { Outputs } from '../api-types';
import { usePeriodLabel } from '../features/dashboard/use-period-label';
import { useTRPC } from '../trpc';

type LedgerRow = Outputs['rectification']['ledger']['rows'][number];

/** 整改台账: filter, read, export; open an item to act on it. */
export function RectificationPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const trpc = useTRPC();
  const { year } = useGroupYear();
  const periods = useQuery(trpc.periods.list.queryOptions());
  const groups = useQuery(trpc.groups.list.queryOptions({ year }));
  const [period, setPeriod] = useState<string | null>(null);
  const [groupId, setGroupId] = useState<number | null>(null);
  const [status, setStatus] = useState<RectificationStatus[]>([]);
  const [severity, setSeverity] = useState<(typeof severities)[number] | null>(null);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [unitText, setUnitText] = useState('');
  // The server pages the ledger; any change of filter goes back to the first page.
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const firstPage = () => setPaging((p) => ({ ...p, page: 1 }));
  // The server matches name, code and pinyin initials; typing is not held up by the request.
  const unitQuery = useDeferredValue(unitText.trim());
  const [search, setSearch] = useSearchParams();
  const openId = Number(search.get('item')) || null;
  const setOpenId = (id: number | null) => setSearch(id === null ? {} : { item: String(id) });
  const [issuing, setIssuing] = useState(false);
  const filter = {
    period,
    groupId,
    status: status.length ? status : null,
    severity,
    overdueOnly,
    unitQuery: unitQuery === '' ? null : unitQuery,
  };
  const ledger = useQuery({ ...trpc.rectification.ledger.queryOptions({ ...filter, ...paging }), placeholderData: keepPreviousData });
  const exportXlsx = useMutation(
    trpc.rectification.exportXlsx.mutationOptions({
      onSuccess: (f) => downloadBase64(f.fileName, f.contentBase64, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    }),
  );
  const rows = ledger.data?.rows ?? [];
  const firstIndex = ((ledger.data?.page ?? 1) - 1) * (ledger.data?.pageSize ?? paging.pageSize);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <FiguresCards period={period} groupId={groupId} />
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('rectification.title')}
          </Typography.Title>
          <Space>
            <Link to="/rectification/board">
              <Button>{t('rectification.board')}</Button>
            </Link>
            <Button onClick={() => exportXlsx.mutate(filter)} loading={exportXlsx.isPending} data-testid="ledger-export">
              {t('rectification.export')}
            </Button>
            {user.role === 'admin' && (
              <Button type="primary" onClick={() => setIssuing(true)} data-testid="open-issue">
                {t('rectification.issue')}
              </Button>
            )}
          </Space>
        </Space>
        <Space wrap style={{ marginBottom: 12 }}>
          {user.role !== 'liaison' && (
            <Input.Search
              allowClear
              placeholder={t('rectification.filters.unitSearch')}
              style={{ width: 280 }}
              value={unitText}
              onChange={(e) => {
                setUnitText(e.target.value);
                firstPage();
              }}
              maxLength={50}
              data-testid="ledger-unit-search"
            />
          )}
          <Select
            allowClear
            placeholder={t('rectification.filters.period')}
            style={{ width: 160 }}
            value={period}
            onChange={(v) => {
              setPeriod(v ?? null);
              firstPage();
            }}
            options={(periods.data ?? []).map((p) => ({ value: p.code, label: periodLabel(p.code) }))}
          />
          {user.role !== 'liaison' && (
            <Select
              allowClear
              placeholder={t('rectification.filters.group')}
              style={{ width: 200 }}
              value={groupId}
              onChange={(v) => {
                setGroupId(v ?? null);
                firstPage();
              }}
              options={(groups.data ?? []).map((g) => ({ value: g.id, label: `${g.code} ${g.name}` }))}
            />
          )}
          <Select
            mode="multiple"
            allowClear
            placeholder={t('rectification.filters.status')}
            style={{ minWidth: 200 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              firstPage();
            }}
            options={rectificationStatuses.map((s) => ({ value: s, label: t(`rectification.statuses.${s}`) }))}
          />
          <Select
            allowClear
            placeholder={t('rectification.filters.severity')}
            style={{ width: 110 }}
            value={severity}
            onChange={(v) => {
              setSeverity(v ?? null);
              firstPage();
            }}
            options={severities.map((s) => ({ value: s, label: t(`rectification.severities.${s}`) }))}
          />
          <Checkbox
            checked={overdueOnly}
            onChange={(e) => {
              setOverdueOnly(e.target.checked);
              firstPage();
            }}
            data-testid="overdue-only"
          >
            {t('rectification.filters.overdueOnly')}
          </Checkbox>
        </Space>
        <Table<LedgerRow>
          rowKey="id"
          size="small"
          loading={ledger.isFetching}
          dataSource={rows}
          data-testid="ledger-table"
          scroll={{ x: 1400 }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: ledger.data?.total ?? 0,
            pageSizeOptions: [20, 50, 100],
            onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
            showTotal: (count) => t('common.total', { count }),
          }}
          onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('rectification.columns.index'), width: 56, render: (_, __, i) => firstIndex + i + 1 },
            { title: t('rectification.columns.code'), dataIndex: 'code', width: 120 },
            { title: t('rectification.columns.title'), dataIndex: 'title', width: 240, ellipsis: { showTitle: true } },
            { title: t('rectification.columns.unit'), dataIndex: 'unitName', width: 170, ellipsis: true },
            // 逾期 sits beside the unit so it is in view at 1366 wide without scrolling; counted in working days, as the deadline was.
            {
              title: t('rectification.columns.overdue'),
              width: 180,
              render: (_, r) =>
                r.isOverdue ? (
                  <Tooltip title={t('rectification.overdueCalendarDays', { days: r.daysOverdue })}>
                    <Tag color="red" data-testid="overdue-tag">
                      {t('rectification.overdueWorkingDays', { days: r.workingDaysOverdue })}
                    </Tag>
                  </Tooltip>
                ) : r.carriedInto ? (
                  <Tag>{t('rectification.carried', { period: periodLabel(r.carriedInto) })}</Tag>
                ) : null,
            },
            {
              title: t('rectification.columns.status'),
              dataIndex: 'status',
              width: 100,
              render: (s: RectificationStatus) => <StatusTag status={s} />,
            },
            {
              title: t('rectification.columns.due'),
              dataIndex: 'dueDate',
              width: 110,
              render: (d: string, r) => (r.isOverdue ? <Typography.Text type="danger">{d}</Typography.Text> : d),
            },
            {
              title: t('rectification.columns.measures'),
              width: 180,
              ellipsis: true,
              render: (_, r) =>
                r.submission?.kind === 'fix'
                  ? r.submission.measures
                  : r.submission?.kind === 'explanation'
                    ? r.submission.explanation
                    : '—',
            },
            {
              title: t('rectification.columns.escalation'),
              dataIndex: 'escalationLevel',
              width: 90,
              render: (l: LedgerRow['escalationLevel']) => (l ? <Tag color="volcano">{t(`rectification.escalations.${l}`)}</Tag> : null),
            },
            { title: t('rectification.columns.closedOn'), dataIndex: 'closedOn', width: 110, render: (d: string | null) => d ?? '—' },
          ]}
        />
      </Card>
      {openId !== null && <ItemDrawer itemId={openId} onClose={() => setOpenId(null)} />}
      {issuing && (
        <IssueDialog
          defaultPeriod={(periods.data ?? []).find((p) => p.status === 'open' && p.kind === 'quarter')?.code ?? ''}
          onClose={() => setIssuing(false)}
        />
      )}
    </Space>
  );
}
