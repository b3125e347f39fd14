import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Popconfirm, Row, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { AnalysisIndicator } from '@kaoping/domain/analysis/analysis-group';
import { milliToNumber } from '@kaoping/domain/scoring/decimal';
import type { Outputs } from '../../api-types';
import { formatSigned } from '../../charts/chart-format';
import { downloadBase64 } from '../rectification/download';
import { errorMessage, useTRPC, useTRPCClient } from '../../trpc';

type Scenario = Outputs['analysis']['scenarios']['list'][number];
type ComparisonRow = Outputs['analysis']['scenarios']['compare']['rows'][number];

const isStandingDifferent = (r: ComparisonRow) => r.first.rank !== r.second.rank || r.first.grade !== r.second.grade;

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** "主动公开 35→45;依申请公开 25→0": the indicators a scenario changes. */
function describePoints(points: Record<string, number>, indicators: readonly AnalysisIndicator[], same: string): string {
  const changed = indicators
    .filter((i) => (points[i.code] ?? milliToNumber(i.points)) !== milliToNumber(i.points))
    .map((i) => `${i.name} ${milliToNumber(i.points)}→${points[i.code] ?? 0}`);
  return changed.length ? changed.join(';') : same;
}

/** Saved scenarios of the group: load one into the sliders, delete one's own, compare two and export. */
export function ScenarioPanel({
  user,
  period,
  groupCode,
  indicators,
  onLoad,
}: {
  user: SessionUser;
  period: string;
  groupCode: string;
  indicators: readonly AnalysisIndicator[];
  onLoad: (scenario: Scenario) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const list = useQuery(trpc.analysis.scenarios.list.queryOptions({ period, groupCode }));
  const scenarios = list.data ?? [];
  const [firstId, setFirstId] = useState<number | null>(null);
  const [secondId, setSecondId] = useState<number | null>(null);
  const canCompare = firstId !== null && secondId !== null && firstId !== secondId;
  const comparison = useQuery({
    ...trpc.analysis.scenarios.compare.queryOptions({ firstId: firstId ?? 0, secondId: secondId ?? 0 }),
    enabled: canCompare,
  });
  const remove = useMutation(
    trpc.analysis.scenarios.delete.mutationOptions({
      onSuccess: async ({ id }) => {
        if (id === firstId) setFirstId(null);
        if (id === secondId) setSecondId(null);
        await queryClient.invalidateQueries({ queryKey: trpc.analysis.scenarios.list.queryKey() });
        void message.success(t('analysis.whatIf.deleted'));
      },
      onError: (error) => void message.error(errorMessage(error)),
    }),
  );
  const exportXlsx = useMutation({
    mutationFn: (input: { firstId: number; secondId: number }) => client.analysis.scenarios.exportComparison.query(input),
    onSuccess: (file) => downloadBase64(file.fileName, file.contentBase64, XLSX_MIME),
    onError: (error) => void message.error(errorMessage(error)),
  });

  const same = t('analysis.whatIf.unchanged');
  const listColumns: ColumnsType<Scenario> = [
    { title: t('analysis.whatIf.name'), dataIndex: 'name', width: 180 },
    { title: t('analysis.whatIf.points'), render: (_, s) => describePoints(s.points, indicators, same) },
    { title: t('analysis.whatIf.author'), dataIndex: 'createdByName', width: 110 },
    {
      title: t('analysis.whatIf.savedAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('common.actions'),
      width: 130,
      render: (_, s) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => onLoad(s)} data-testid={`scenario-load-${s.name}`}>
            {t('analysis.whatIf.load')}
          </Button>
          {s.createdBy === user.id && (
            <Popconfirm
              title={t('analysis.whatIf.deleteConfirm', { name: s.name })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => remove.mutate({ id: s.id, version: s.version })}
            >
              <Button size="small" type="link" danger>
                {t('analysis.whatIf.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const data = comparison.data;
  const standing = (s: { final: number | null; rank: number | null; grade: string | null }, official?: { grade: string | null }) => (
    <span>
      {s.final === null ? '—' : s.final.toFixed(2)} · {s.rank ?? '—'} ·{' '}
      {official && s.grade !== official.grade ? (
        <Typography.Text type="danger" strong>
          {s.grade ?? '—'}
        </Typography.Text>
      ) : (
        (s.grade ?? '—')
      )}
    </span>
  );
  const compareColumns: ColumnsType<ComparisonRow> = [
    { title: t('analysis.whatIf.columns.unit'), dataIndex: 'name', width: 220, ellipsis: true },
    {
      title: `${t('analysis.whatIf.columns.official')}(${t('analysis.whatIf.columns.score')} · ${t('analysis.whatIf.columns.rank')} · ${t('analysis.whatIf.columns.grade')})`,
      render: (_, r) => standing(r.official),
    },
    { title: data?.first.name ?? t('analysis.whatIf.first'), render: (_, r) => standing(r.first, r.official) },
    { title: data?.second.name ?? t('analysis.whatIf.second'), render: (_, r) => standing(r.second, r.official) },
    {
      title: t('analysis.whatIf.rankDifference'),
      width: 150,
      align: 'center',
      render: (_, r) => (r.rankDifference === null ? '—' : formatSigned(r.rankDifference, 0)),
    },
  ];
  const options = scenarios.map((s) => ({ value: s.id, label: s.name }));

  return (
    <Card title={t('analysis.whatIf.scenarios')} size="small" data-testid="scenario-panel">
      {/* Decision (issue #15 §25): scenarios are notes anyone may keep, so the leader's 只读 stays true of official data. */}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="scenario-notes-hint">
        {t('analysis.whatIf.notesHint')}
      </Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      <Table<Scenario>
        size="small"
        rowKey="id"
        dataSource={scenarios}
        columns={listColumns}
        loading={list.isFetching}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        locale={{ emptyText: t('analysis.whatIf.noScenarios') }}
        data-testid="scenario-list"
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('analysis.whatIf.compare')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('analysis.whatIf.compareHelp')}</Typography.Paragraph>
      <Row gutter={12} align="middle" style={{ marginBottom: 12 }}>
        <Col>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            placeholder={t('analysis.whatIf.first')}
            value={firstId}
            onChange={setFirstId}
            options={options}
            data-testid="compare-first"
          />
        </Col>
        <Col>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            placeholder={t('analysis.whatIf.second')}
            value={secondId}
            onChange={setSecondId}
            options={options.filter((o) => o.value !== firstId)}
            data-testid="compare-second"
          />
        </Col>
        <Col>
          <Button
            disabled={!canCompare}
            loading={exportXlsx.isPending}
            onClick={() => canCompare && exportXlsx.mutate({ firstId, secondId })}
            data-testid="compare-export"
          >
            {t('analysis.whatIf.export')}
          </Button>
        </Col>
        {data && (
          <Col>
            <Typography.Text type="secondary">
              {t('analysis.whatIf.different', { count: data.rows.filter(isStandingDifferent).length })}
            </Typography.Text>
          </Col>
        )}
      </Row>
      {comparison.error && <Alert type="error" showIcon title={errorMessage(comparison.error)} />}
      {canCompare && (
        <Table<ComparisonRow>
          size="small"
          rowKey="unit"
          dataSource={data?.rows ?? []}
          loading={comparison.isFetching}
          columns={compareColumns}
          pagination={false}
          scroll={{ y: 420 }}
          rowClassName={(r) => (isStandingDifferent(r) ? 'kp-rank-changed' : '')}
          data-testid="compare-table"
        />
      )}
    </Card>
  );
}
