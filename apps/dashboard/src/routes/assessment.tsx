// 考评: the rounds of a year (one per quarter), the year's annual results and the objections
// queue; and the routes of the area (a round, a unit's sheet, self-assessment, schemes).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Modal, Result, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useSearchParams } from 'react-router';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { Outputs } from '../api-types';
import { AnnualResults } from '../features/assessment/annual-results';
import { ObjectionsTable } from '../features/assessment/objections';
import { RoundStatusTag } from '../features/assessment/ranking-table';
import { usePeriodLabel } from '../features/dashboard/use-period-label';
import { errorMessage, useTRPC } from '../trpc';

const RoundPage = lazy(() => import('./assessment-round').then((m) => ({ default: m.AssessmentRoundPage })));
const UnitSheetPage = lazy(() => import('./assessment-unit').then((m) => ({ default: m.AssessmentUnitPage })));
const SchemesPage = lazy(() => import('./assessment-schemes').then((m) => ({ default: m.AssessmentSchemesPage })));

/**
 * The office's pages of a round and the schemes are not a liaison's: one clean refusal (as the
 * route guard gives elsewhere) instead of tabs that each fail. A liaison's own sheet and
 * self-assessment stay open.
 */
function OfficePagesOnly({ user, children }: { user: SessionUser; children: ReactNode }) {
  const { t } = useTranslation();
  if (user.role !== 'liaison') return <>{children}</>;
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('assessment.liaisonRefused')}
      extra={
        <Link to="/assessment">
          <Button type="primary">{t('common.back')}</Button>
        </Link>
      }
      data-testid="refusal"
    />
  );
}

/** Everything under /assessment. */
export function AssessmentArea({ user }: { user: SessionUser }) {
  return (
    <Suspense fallback={null}>
      <Routes>
        <Route index element={<AssessmentHomePage user={user} />} />
        <Route
          path="schemes"
          element={
            <OfficePagesOnly user={user}>
              <SchemesPage user={user} />
            </OfficePagesOnly>
          }
        />
        <Route
          path="rounds/:roundId"
          element={
            <OfficePagesOnly user={user}>
              <RoundPage user={user} />
            </OfficePagesOnly>
          }
        />
        <Route path="rounds/:roundId/units/:unitId" element={<UnitSheetPage user={user} />} />
        <Route path="rounds/:roundId/self" element={<UnitSheetPage user={user} selfOnly />} />
      </Routes>
    </Suspense>
  );
}

type RoundRow = Outputs['assessment']['rounds']['list'][number];

function OpenRoundDialog({ taken, onClose }: { taken: Set<string>; onClose: () => void }) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const periods = useQuery(trpc.periods.list.queryOptions());
  const [period, setPeriod] = useState<string | null>(null);
  const [kind, setKind] = useState<'office' | 'third_party'>('office');
  const open = useMutation(
    trpc.assessment.rounds.open.mutationOptions({ onSuccess: () => (void queryClient.invalidateQueries(), onClose()) }),
  );
  const options = (periods.data ?? [])
    .filter((p) => p.kind === 'quarter' && !taken.has(p.code))
    .map((p) => ({ value: p.code, label: periodLabel(p.code) }));
  return (
    <Modal
      open
      title={t('assessment.rounds.open')}
      okButtonProps={{ disabled: period === null, loading: open.isPending }}
      onOk={() => period && open.mutate({ period, kind })}
      onCancel={onClose}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {open.error && <Alert type="error" showIcon title={errorMessage(open.error)} />}
        <Select style={{ width: 200 }} placeholder={t('assessment.rounds.period')} value={period} onChange={setPeriod} options={options} />
        <Select<'office' | 'third_party'>
          style={{ width: 200 }}
          value={kind}
          onChange={setKind}
          options={[
            { value: 'office', label: t('assessment.kinds.office') },
            { value: 'third_party', label: t('assessment.kinds.third_party') },
          ]}
        />
        <Typography.Text type="secondary">{t('assessment.rounds.openHelp')}</Typography.Text>
      </Space>
    </Modal>
  );
}

export function AssessmentHomePage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const years = useQuery(trpc.groups.years.queryOptions());
  const year = Number(params.get('year')) || years.data?.[0] || new Date().getFullYear();
  const tab = params.get('tab') ?? 'rounds';
  const rounds = useQuery(trpc.assessment.rounds.list.queryOptions({ year }));
  const [opening, setOpening] = useState(false);
  const isLiaison = user.role === 'liaison';
  const isAssessor = user.role === 'admin' || user.role === 'assessor';
  const setParam = (key: string, value: string) => setParams((p) => (p.set(key, value), p));
  if (rounds.error) void message.error(errorMessage(rounds.error));

  const columns = [
    { title: t('assessment.rounds.period'), dataIndex: 'periodCode', width: 130, render: (code: string) => periodLabel(code) },
    {
      title: t('assessment.rounds.title'),
      dataIndex: 'title',
      render: (title: string, r: RoundRow) =>
        isLiaison ? (
          title
        ) : (
          <Link to={`/assessment/rounds/${r.id}`} data-testid={`round-${r.periodCode}`}>
            {title}
          </Link>
        ),
    },
    { title: t('assessment.rounds.kind'), dataIndex: 'kind', width: 100, render: (k: string) => t(`assessment.kinds.${k}`) },
    { title: t('assessment.rounds.status'), dataIndex: 'status', width: 90, render: (s: string) => <RoundStatusTag status={s} /> },
    { title: t('assessment.rounds.scheme'), dataIndex: 'schemeCode', width: 100 },
    {
      title: t('assessment.rounds.publishedAt'),
      dataIndex: 'publishedAt',
      width: 140,
      render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—'),
    },
    {
      title: t('assessment.rounds.objectionDeadline'),
      dataIndex: 'objectionDeadline',
      width: 150,
      render: (d: string | null, r: RoundRow) =>
        d ? (
          <Space size={4}>
            {d}
            {r.isObjectionOpen && <Tag color="processing">{t('assessment.rounds.objectionOpen')}</Tag>}
          </Space>
        ) : (
          '—'
        ),
    },
    ...(isLiaison
      ? [
          {
            title: t('common.actions'),
            width: 140,
            render: (_: unknown, r: RoundRow) =>
              r.status === 'draft' ? (
                <Link to={`/assessment/rounds/${r.id}/self`} data-testid={`self-${r.periodCode}`}>
                  {t('assessment.rounds.selfAssess')}
                </Link>
              ) : (
                <Link to={`/assessment/rounds/${r.id}/units/${user.unitId ?? 0}`} data-testid={`sheet-${r.periodCode}`}>
                  {t('assessment.rounds.ownSheet')}
                </Link>
              ),
          },
        ]
      : [
          {
            title: t('assessment.rounds.objections'),
            dataIndex: 'pendingObjections',
            width: 90,
            render: (n: number) => (n > 0 ? <Tag color="orange">{t('assessment.rounds.pending', { count: n })}</Tag> : '—'),
          },
        ]),
  ];

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Space>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('assessment.title')}
          </Typography.Title>
          <Select
            style={{ width: 100 }}
            value={year}
            onChange={(v) => setParam('year', String(v))}
            options={(years.data ?? [year]).map((y) => ({ value: y, label: `${y}` }))}
            aria-label={t('common.year')}
          />
        </Space>
        {!isLiaison && (
          <Space>
            <Link to="/assessment/schemes">
              <Button>{t('assessment.schemes.title')}</Button>
            </Link>
            {isAssessor && (
              <Button type="primary" onClick={() => setOpening(true)}>
                {t('assessment.rounds.open')}
              </Button>
            )}
          </Space>
        )}
      </Space>
      {isLiaison && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('assessment.rounds.liaisonHelp', { unit: user.unitName ?? '' })}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => setParam('tab', k)}
        items={[
          {
            key: 'rounds',
            label: t('assessment.rounds.tab'),
            children: (
              <Table<RoundRow>
                rowKey="id"
                size="middle"
                loading={rounds.isPending}
                dataSource={rounds.data ?? []}
                pagination={false}
                columns={columns}
                data-testid="rounds-table"
              />
            ),
          },
          ...(isLiaison
            ? [
                {
                  key: 'objections',
                  label: t('assessment.objections.mine'),
                  children: <ObjectionsTable roundId={null} canDecide={false} />,
                },
              ]
            : []),
          ...(!isLiaison ? [{ key: 'annual', label: t('assessment.annual.tab'), children: <AnnualResults year={year} /> }] : []),
          ...(isAssessor
            ? [{ key: 'objections', label: t('assessment.objections.queue'), children: <ObjectionsTable roundId={null} canDecide /> }]
            : []),
        ]}
      />
      {opening && <OpenRoundDialog taken={new Set((rounds.data ?? []).map((r) => r.periodCode))} onClose={() => setOpening(false)} />}
    </Card>
  );
}
