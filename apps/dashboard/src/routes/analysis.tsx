import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Select, Space, Spin, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { ExplainPanel } from '../features/analysis/explain-panel';
import { StabilityPanel } from '../features/analysis/stability-panel';
import { useAnalysisGroup } from '../features/analysis/use-analysis';
import { WhatIfPanel } from '../features/analysis/what-if-panel';
import { errorMessage, useTRPC } from '../trpc';

const TABS = ['what-if', 'stability', 'explain'] as const;
type Tab = (typeof TABS)[number];

/**
 * 分析: what-if weights, rank stability and explanations for one group of a published period.
 * The URL carries the choice (`/analysis?period=2026Q3&group=B1&tab=explain&unit=B105`) so other
 * pages can link straight to a view.
 */
export function AnalysisPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [search, setSearch] = useSearchParams();
  const periods = useQuery(trpc.analysis.periods.queryOptions());
  const list = periods.data ?? [];
  const period = search.get('period') ?? list[0]?.period ?? null;
  const groups = list.find((p) => p.period === period)?.groups ?? [];
  const groupCode = search.get('group') ?? groups[0]?.code ?? null;
  const tabParam = search.get('tab');
  const tab: Tab = TABS.find((x) => x === tabParam) ?? (search.get('unit') ? 'explain' : 'what-if');
  const unit = search.get('unit');
  const { query, group } = useAnalysisGroup(period, groupCode);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    if (period && !next.has('period')) next.set('period', period);
    if (groupCode && !next.has('group')) next.set('group', groupCode);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setSearch(next, { replace: true });
  };

  const data = query.data;
  const publishedAt = data ? dayjs(data.publication.publishedAt).format('YYYY-MM-DD') : null;
  const panelKey = `${period ?? ''}:${groupCode ?? ''}`;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap align="start">
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('analysis.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('analysis.subtitle')}</Typography.Text>
          </div>
          <Space wrap>
            <span>{t('analysis.period')}</span>
            <Select
              style={{ width: 130 }}
              value={period}
              loading={periods.isPending}
              onChange={(value: string) =>
                update({
                  period: value,
                  group: list.find((p) => p.period === value)?.groups.some((g) => g.code === groupCode) ? groupCode : null,
                  unit: null,
                })
              }
              options={list.map((p) => ({ value: p.period, label: p.period }))}
              data-testid="analysis-period"
            />
            <span>{t('analysis.group')}</span>
            <Select
              style={{ width: 320 }}
              value={groupCode}
              onChange={(value: string) => update({ group: value, unit: null })}
              options={groups.map((g) => ({ value: g.code, label: `${g.code} ${g.name}(${t('analysis.units', { count: g.unitCount })})` }))}
              data-testid="analysis-group"
            />
          </Space>
        </Space>
        {data && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }} data-testid="analysis-source">
            {data.round.title} · {t('analysis.source', { date: publishedAt })}
            {data.publication.sequence > 1 ? t('analysis.restated', { n: data.publication.sequence - 1 }) : ''} · {data.groupName} ·{' '}
            {t('analysis.units', { count: data.official.length })}
          </Typography.Text>
        )}
      </Card>
      {periods.error && <Alert type="error" showIcon title={errorMessage(periods.error)} />}
      {periods.data && list.length === 0 && <Empty description={t('analysis.noPublished')} />}
      {query.error && <Alert type="error" showIcon title={errorMessage(query.error)} data-testid="analysis-error" />}
      {query.isFetching && !group && <Spin />}
      {group && data && period && (
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ tab: key })}
          items={[
            {
              key: 'what-if',
              label: t('analysis.tabs.whatIf'),
              children: <WhatIfPanel key={panelKey} user={user} group={group} period={period} />,
            },
            {
              key: 'stability',
              label: t('analysis.tabs.stability'),
              children: <StabilityPanel key={panelKey} group={group} data={data.data} official={data.official} />,
            },
            {
              key: 'explain',
              label: t('analysis.tabs.explain'),
              children: (
                <ExplainPanel
                  key={panelKey}
                  group={group}
                  official={data.official}
                  unit={unit}
                  onUnitChange={(u) => update({ unit: u, tab: 'explain' })}
                />
              ),
            },
          ]}
          data-testid="analysis-tabs"
        />
      )}
    </Space>
  );
}
