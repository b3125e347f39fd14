import { Alert, Button, Card, Col, Empty, Form, InputNumber, Row, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisGroup, AnalysisGroupData } from '@kaoping/domain/analysis/analysis-group';
import { defaultRankStabilityOptions, type RankStabilityOptions, type UnitRankStability } from '@kaoping/domain/analysis/rank-stability';
import { EChart } from '../../charts/echart';
import { buildRankingBarOption } from '../../charts/options/ranking-bar';
import { useChartLabels } from '../../charts/use-chart-labels';
import { notRobustUnits, passScoreOf, toStabilityRankingUnits, type OfficialRow } from './analysis-views';
import { LeaveOneOutTable } from './leave-one-out-table';
import { MethodologyCard } from './methodology-card';
import { startRankStability, type StabilityJob, type StabilityRun } from './stability-runner';
import { useMethodology } from './use-analysis';

const CHART_WINDOW = 40;

interface FormValues {
  percent: number;
  draws: number;
  seed: number;
}

/** Rank stability under perturbed weights (Monte Carlo) and leave-one-indicator-out. */
export function StabilityPanel({
  group,
  data,
  official,
}: {
  group: AnalysisGroup;
  data: AnalysisGroupData;
  official: readonly OfficialRow[];
}) {
  const { t } = useTranslation();
  const labels = useChartLabels();
  const methodology = useMethodology();
  const [form] = Form.useForm<FormValues>();
  const [run, setRun] = useState<(StabilityRun & { options: RankStabilityOptions }) | null>(null);
  const [isRunning, setIsRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const job = useRef<StabilityJob | null>(null);
  useEffect(() => () => job.current?.cancel(), []);

  const start = (values: FormValues) => {
    const options: RankStabilityOptions = { perturbation: values.percent / 100, draws: values.draws, seed: values.seed };
    job.current?.cancel();
    setError(null);
    setIsRunning(true);
    // let the button show its spinner before a (short) inline run takes the thread
    window.setTimeout(() => {
      try {
        const current = startRankStability(group, data, options);
        job.current = current;
        current.promise.then(
          (done) => {
            if (job.current !== current) return;
            setRun({ ...done, options });
            setIsRunning(false);
          },
          (e: unknown) => {
            if (job.current !== current) return;
            setError(e instanceof Error ? e.message : String(e));
            setIsRunning(false);
          },
        );
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        setIsRunning(false);
      }
    }, 0);
  };

  const stability = run?.result ?? null;
  const flagged = useMemo(() => (stability ? notRobustUnits(stability).any : new Set<string>()), [stability]);
  const tied = useMemo(
    () => new Set((stability?.pairs ?? []).filter((p) => p.status === 'tied').flatMap((p) => [p.upper, p.lower])),
    [stability],
  );
  const option = useMemo(
    () =>
      stability
        ? buildRankingBarOption(
            {
              units: toStabilityRankingUnits(official, stability),
              passScore: passScoreOf(group.grading.bands),
              intervalKind: 'rank',
              windowSize: CHART_WINDOW,
            },
            labels,
          )
        : null,
    [stability, official, group, labels],
  );
  const notSignificantPairs = stability?.pairs.filter((p) => p.status === 'not-significant').length ?? 0;

  const columns: ColumnsType<UnitRankStability> = [
    { title: t('analysis.stability.columns.unit'), dataIndex: 'name', width: 220, ellipsis: true },
    { title: t('analysis.stability.columns.officialRank'), dataIndex: 'officialRank', width: 90, align: 'right' },
    { title: t('analysis.stability.columns.medianRank'), dataIndex: 'medianRank', width: 100, align: 'right' },
    {
      title: t('analysis.stability.columns.interval'),
      width: 130,
      align: 'center',
      render: (_, u) => (u.lowRank === u.highRank ? String(u.lowRank) : `${u.lowRank}–${u.highRank}`),
    },
    { title: t('analysis.stability.columns.range'), width: 100, align: 'center', render: (_, u) => `${u.bestRank}–${u.worstRank}` },
    {
      title: t('analysis.stability.columns.keepShare'),
      width: 100,
      align: 'right',
      render: (_, u) => `${(u.keepShare * 100).toFixed(1)}%`,
    },
    {
      title: t('analysis.stability.columns.note'),
      render: (_, u) => (
        <Space size={4}>
          {flagged.has(u.unit) && <Tag color="orange">{t('analysis.stability.notRobust')}</Tag>}
          {tied.has(u.unit) && <Tag>{t('analysis.stability.tied')}</Tag>}
        </Space>
      ),
    },
  ];

  const shownOptions = run?.options ?? defaultRankStabilityOptions;
  const chartRows = Math.min(stability?.units.length ?? 0, CHART_WINDOW);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('analysis.stability.controls')}>
            <Form<FormValues>
              form={form}
              layout="inline"
              initialValues={{
                percent: defaultRankStabilityOptions.perturbation * 100,
                draws: defaultRankStabilityOptions.draws,
                seed: defaultRankStabilityOptions.seed,
              }}
              onFinish={start}
            >
              <Form.Item name="percent" label={t('analysis.stability.perturbation')} rules={[{ required: true }]}>
                <InputNumber<number> min={0} max={99} step={5} style={{ width: 90 }} data-testid="stability-percent" />
              </Form.Item>
              <Form.Item name="draws" label={t('analysis.stability.draws')} rules={[{ required: true }]}>
                <InputNumber<number> min={1} max={100_000} step={500} precision={0} style={{ width: 110 }} data-testid="stability-draws" />
              </Form.Item>
              <Form.Item name="seed" label={t('analysis.stability.seed')} rules={[{ required: true }]}>
                <InputNumber<number> min={0} max={4_294_967_295} precision={0} style={{ width: 130 }} data-testid="stability-seed" />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={isRunning} data-testid="stability-run">
                  {t('analysis.stability.run')}
                </Button>
              </Form.Item>
            </Form>
            <div style={{ marginTop: 8 }}>
              {run ? (
                <Typography.Text type="secondary" data-testid="stability-status" data-where={run.where} data-ms={run.ms.toFixed(1)}>
                  {t('analysis.stability.ranIn', {
                    draws: run.options.draws ?? defaultRankStabilityOptions.draws,
                    ms: run.ms.toFixed(0),
                    where: t(run.where === 'worker' ? 'analysis.stability.inWorker' : 'analysis.stability.inline'),
                  })}
                  {notSignificantPairs > 0 && <> · {t('analysis.stability.pairs', { count: notSignificantPairs })}</>}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('analysis.stability.notRun')}</Typography.Text>
              )}
            </div>
            {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <MethodologyCard note={methodology.stability(shownOptions)} testId="stability-methodology" />
        </Col>
      </Row>
      {/* full width: with 100 units each rank needs its own few pixels in the interval panel */}
      <Card size="small" title={t('analysis.stability.chart')}>
        {option ? (
          <EChart option={option} ariaLabel={t('analysis.stability.chart')} height={chartRows * 24 + 80} testId="stability-chart" />
        ) : (
          <Empty description={t('analysis.stability.notRun')} />
        )}
      </Card>
      {stability && (
        <Card size="small" title={t('analysis.stability.table')}>
          <Table<UnitRankStability>
            size="small"
            rowKey="unit"
            dataSource={stability.units}
            columns={columns}
            pagination={false}
            scroll={{ y: 480 }}
            data-testid="stability-table"
          />
        </Card>
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <LeaveOneOutTable group={group} />
        </Col>
        <Col xs={24} xl={8}>
          <MethodologyCard note={methodology.leaveOneOut} testId="leave-one-out-methodology" />
        </Col>
      </Row>
    </Space>
  );
}
