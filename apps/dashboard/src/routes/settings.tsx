import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Group } from '@kaoping/contracts/org/group';
import type { PeriodRow, PeriodStatus } from '@kaoping/contracts/org/period';
import { AuditTable } from '../components/audit-table';
import { OfficeDetailsForm } from '../features/onboarding/office-details-form';
import { SetupChecklist } from '../features/onboarding/setup-checklist';
import { SecurityLogPanel } from '../features/security/security-log-panel';
import { UsersPanel } from '../features/users/users-panel';
import { useGroupYear } from '../features/units/use-current-year';
import { PERIOD_CODE_PATTERN, isChinaDate } from '@kaoping/contracts/common';
import { errorMessage, useTRPC } from '../trpc';

function GroupsTab() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { year, years, setYear } = useGroupYear();
  const [form] = Form.useForm<{ code: string; name: string; sortOrder: number }>();
  const groups = useQuery(trpc.groups.list.queryOptions({ year }));
  const upsert = useMutation(
    trpc.groups.upsert.mutationOptions({
      // Ready for the next group: a new office adds several in a row.
      onSuccess: () => (form.resetFields(), void queryClient.invalidateQueries()),
      onError: (e) => void message.error(errorMessage(e)),
    }),
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Select
          value={year}
          onChange={setYear}
          options={[...new Set([...years, year + 1])].map((y) => ({ value: y, label: `${y}` }))}
          style={{ width: 100 }}
        />
        <Form form={form} layout="inline" onFinish={(v) => upsert.mutate({ year, ...v })}>
          <Form.Item name="code" rules={[{ required: true }]}>
            <Input placeholder={t('settings.groupCode')} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="name" rules={[{ required: true }]}>
            <Input placeholder={t('settings.groupName')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="sortOrder" initialValue={0}>
            <InputNumber min={0} max={999} placeholder={t('settings.sortOrder')} aria-label={t('settings.sortOrder')} />
          </Form.Item>
          <Button htmlType="submit">{t('settings.addGroup')}</Button>
        </Form>
      </Space>
      <Table<Group>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={groups.data ?? []}
        columns={[
          { title: t('settings.groupCode'), dataIndex: 'code' },
          { title: t('settings.groupName'), dataIndex: 'name' },
          { title: t('settings.unitCount'), dataIndex: 'unitCount' },
          { title: t('settings.sortOrder'), dataIndex: 'sortOrder' },
        ]}
      />
    </Space>
  );
}

function PeriodsTab() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const periods = useQuery(trpc.periods.list.queryOptions());
  const options = { onSuccess: () => queryClient.invalidateQueries(), onError: (e: unknown) => void message.error(errorMessage(e)) };
  const create = useMutation(trpc.periods.create.mutationOptions(options));
  const setStatus = useMutation(trpc.periods.setStatus.mutationOptions(options));
  const color: Record<PeriodStatus, string> = { open: 'green', closed: 'orange', locked: 'default' };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Form layout="inline" onFinish={(v: { code: string }) => create.mutate(v)}>
        <Form.Item name="code" rules={[{ required: true, pattern: PERIOD_CODE_PATTERN, message: '2025Q3 / 2025' }]}>
          <Input placeholder="2027Q1" style={{ width: 120 }} />
        </Form.Item>
        <Button htmlType="submit">{t('settings.addPeriod')}</Button>
      </Form>
      <Table<PeriodRow>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={periods.data ?? []}
        columns={[
          { title: t('settings.periodCode'), dataIndex: 'code' },
          { title: t('settings.range'), render: (_, p) => `${p.startDate} ~ ${p.endDate}` },
          {
            title: t('settings.status'),
            dataIndex: 'status',
            render: (s: PeriodStatus) => <Tag color={color[s]}>{t(`settings.periodStatus.${s}`)}</Tag>,
          },
          {
            title: t('common.actions'),
            render: (_, p) => (
              <Space>
                {p.status === 'open' && (
                  <Button size="small" onClick={() => setStatus.mutate({ code: p.code, status: 'closed' })}>
                    {t('settings.close')}
                  </Button>
                )}
                {p.status === 'closed' && (
                  <Button size="small" onClick={() => setStatus.mutate({ code: p.code, status: 'open' })}>
                    {t('settings.reopen')}
                  </Button>
                )}
                {p.status === 'closed' && (
                  <Button size="small" danger onClick={() => setStatus.mutate({ code: p.code, status: 'locked' })}>
                    {t('settings.lock')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

function CalendarTab() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const calendar = useQuery(trpc.calendar.overrides.queryOptions());
  const options = { onSuccess: () => queryClient.invalidateQueries(), onError: (e: unknown) => void message.error(errorMessage(e)) };
  const upsert = useMutation(trpc.calendar.upsert.mutationOptions(options));
  const remove = useMutation(trpc.calendar.remove.mutationOptions(options));
  const coverage = calendar.data?.coverage;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={t('settings.calendarHelp')}
        description={coverage ? t('settings.calendarCoverage', { years: coverage.years.slice(-3).join('、') }) : undefined}
      />
      {coverage && !coverage.years.includes(new Date().getFullYear() + 1) && (
        <Alert
          type="warning"
          showIcon
          data-testid="calendar-warning"
          title={t('settings.calendarMissing', { year: new Date().getFullYear() + 1 })}
        />
      )}
      <Form
        layout="inline"
        onFinish={(v: { date: string; kind: 'holiday' | 'workday'; name: string }) =>
          upsert.mutate({ date: v.date, kind: v.kind, name: v.name ?? '' })
        }
      >
        <Form.Item
          name="date"
          rules={[
            {
              required: true,
              validator: async (_rule, value: string) => {
                if (!isChinaDate(value)) throw new Error('YYYY-MM-DD');
              },
            },
          ]}
        >
          <Input placeholder="2027-10-01" style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="kind" initialValue="holiday">
          <Select
            style={{ width: 140 }}
            options={[
              { value: 'holiday', label: t('settings.holiday') },
              { value: 'workday', label: t('settings.workday') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name">
          <Input placeholder={t('settings.holidayName')} style={{ width: 160 }} />
        </Form.Item>
        <Button htmlType="submit">{t('settings.addDay')}</Button>
      </Form>
      <Table
        rowKey="date"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={calendar.data?.overrides ?? []}
        columns={[
          { title: t('settings.date'), dataIndex: 'date' },
          {
            title: t('settings.dayKind'),
            dataIndex: 'kind',
            render: (k: string) =>
              k === 'holiday' ? <Tag color="red">{t('settings.holiday')}</Tag> : <Tag color="blue">{t('settings.workday')}</Tag>,
          },
          { title: t('settings.holidayName'), dataIndex: 'name' },
          {
            title: t('common.actions'),
            render: (_, o) => (
              <Button size="small" danger onClick={() => remove.mutate({ date: o.date })}>
                {t('settings.remove')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}

function RecentChangesTab() {
  const trpc = useTRPC();
  const recent = useQuery(trpc.audit.recent.queryOptions({ limit: 200 }));
  return <AuditTable entries={recent.data ?? []} loading={recent.isPending} />;
}

function OfficeTab() {
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <OfficeDetailsForm />
      <SetupChecklist always />
    </Space>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  // The tab lives in the address (?tab=users): the first-run checklist links straight to a step.
  const [params, setParams] = useSearchParams();
  return (
    <Card title={t('settings.title')}>
      <Tabs
        activeKey={params.get('tab') ?? 'office'}
        onChange={(tab) => setParams({ tab }, { replace: true })}
        items={[
          { key: 'office', label: t('onboarding.office.tab'), children: <OfficeTab /> },
          { key: 'groups', label: t('settings.groups'), children: <GroupsTab /> },
          { key: 'periods', label: t('settings.periods'), children: <PeriodsTab /> },
          { key: 'users', label: t('settings.users'), children: <UsersPanel /> },
          { key: 'calendar', label: t('settings.calendar'), children: <CalendarTab /> },
          { key: 'audit', label: t('settings.recent'), children: <RecentChangesTab /> },
          { key: 'security', label: t('security.tab'), children: <SecurityLogPanel /> },
        ]}
      />
    </Card>
  );
}
