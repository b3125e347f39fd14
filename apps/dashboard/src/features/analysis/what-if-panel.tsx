import { Alert, App, Button, Card, Checkbox, Col, Row, Space, Statistic, Typography } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { AnalysisGroup } from '@kaoping/domain/analysis/analysis-group';
import { computeWhatIf, createWhatIfScratch, type WhatIfResult } from '@kaoping/domain/analysis/what-if';
import { milliToNumber } from '@kaoping/domain/scoring/decimal';
import { EChart } from '../../charts/echart';
import { buildWhatIfComparisonOption } from '../../charts/options/what-if-comparison';
import { useChartLabels } from '../../charts/use-chart-labels';
import { isOfficialPoints, passScoreOf, roundPoints, toWhatIfUnits } from './analysis-views';
import { MethodologyCard } from './methodology-card';
import { ScenarioPanel } from './scenario-panel';
import { ScenarioSaveDialog } from './scenario-save-dialog';
import { useMethodology } from './use-analysis';
import { WeightSliders } from './weight-sliders';
import { WhatIfTable } from './what-if-table';

const CHART_WINDOW = 30;

function officialPointsOf(group: AnalysisGroup): Record<string, number> {
  return Object.fromEntries(group.indicators.map((i) => [i.code, milliToNumber(i.points)]));
}

interface Recompute {
  result: WhatIfResult | null;
  error: string | null;
  /** The pure recompute in the browser (computeWhatIf: finals, ranks, grades, rows). */
  ms: number;
}

/** What-if weights: sliders per level-1 indicator, recomputed in the browser on every change. */
export function WhatIfPanel({ user, group, period }: { user: SessionUser; group: AnalysisGroup; period: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useChartLabels();
  const methodology = useMethodology();
  const [points, setPoints] = useState<Record<string, number>>(() => officialPointsOf(group));
  const [isSaving, setIsSaving] = useState(false);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const scratch = useMemo(() => createWhatIfScratch(group), [group]);

  const recompute = useMemo<Recompute>(() => {
    const started = performance.now();
    try {
      const result = computeWhatIf(group, points, scratch);
      return { result, error: null, ms: performance.now() - started };
    } catch (error) {
      return { result: null, error: error instanceof Error ? error.message : String(error), ms: performance.now() - started };
    }
  }, [group, points, scratch]);
  const result = recompute.result;
  // The sliders and figures follow every step at once; the chart and the table (the costly part
  // to draw) render the latest result when the browser has time, never blocking a drag.
  const shown = useDeferredValue(result);

  const passScore = passScoreOf(group.grading.bands);
  // No transition animation: the chart follows the slider step by step, and a 300 ms animation
  // restarted on every step only costs frames.
  const option = useMemo(
    () =>
      shown
        ? { ...buildWhatIfComparisonOption({ units: toWhatIfUnits(shown), passScore, windowSize: CHART_WINDOW }, labels), animation: false }
        : null,
    [shown, passScore, labels],
  );
  const rows = useMemo(
    () => (shown ? (onlyChanged ? shown.rows.filter((r) => r.isRankChanged || r.isGradeChanged) : shown.rows) : []),
    [shown, onlyChanged],
  );
  const shownPoints = shown?.indicators.map((i) => i.points).join(',') ?? '';
  const isOfficial = isOfficialPoints(points, group.indicators);
  const gradeChanged = result?.rows.filter((r) => r.isGradeChanged).length ?? 0;
  const chartHeight = Math.min(group.units.length, CHART_WINDOW) * 24 + 70;
  const isAllDropped = Object.values(points).every((p) => p === 0);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('analysis.whatIf.weights')} data-testid="whatif-weights">
            <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
              {t('analysis.whatIf.weightsHelp')}
            </Typography.Paragraph>
            <WeightSliders
              indicators={group.indicators}
              points={points}
              onChange={(code, value) => setPoints((p) => ({ ...p, [code]: value }))}
            />
            <Row gutter={16} align="middle" style={{ marginTop: 12 }}>
              <Col flex="auto">
                <Space size="large" wrap>
                  <Statistic
                    title={t('analysis.whatIf.changed')}
                    value={result?.changedCount ?? 0}
                    suffix={`/ ${group.units.length}`}
                    data-testid="whatif-changed"
                  />
                  <Statistic
                    title={t('analysis.whatIf.gradeChanged')}
                    value={gradeChanged}
                    styles={gradeChanged > 0 ? { content: { color: '#cf1322' } } : undefined}
                    data-testid="whatif-grade-changed"
                  />
                  <Typography.Text type="secondary">
                    {t('analysis.whatIf.total', { total: roundPoints(result?.total ?? 0), official: result?.officialTotal ?? 0 })}
                  </Typography.Text>
                  <Typography.Text type="secondary" data-testid="whatif-recompute" data-ms={recompute.ms.toFixed(3)}>
                    {t('analysis.whatIf.recompute', { ms: recompute.ms < 0.1 ? '< 0.1' : recompute.ms.toFixed(1) })}
                  </Typography.Text>
                </Space>
              </Col>
              <Col>
                <Space>
                  <Button onClick={() => setPoints(officialPointsOf(group))} disabled={isOfficial} data-testid="whatif-reset">
                    {t('analysis.whatIf.reset')}
                  </Button>
                  <Button
                    type="primary"
                    onClick={() => setIsSaving(true)}
                    disabled={isOfficial || isAllDropped || result === null}
                    data-testid="whatif-save"
                  >
                    {t('analysis.whatIf.save')}
                  </Button>
                </Space>
              </Col>
            </Row>
            {recompute.error && <Alert type="error" showIcon title={recompute.error} style={{ marginTop: 12 }} />}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <MethodologyCard note={methodology.whatIf} testId="whatif-methodology" />
        </Col>
      </Row>
      <Row gutter={16} data-testid="whatif-results" data-points={shownPoints}>
        <Col xs={24} xxl={11}>
          <Card size="small" title={t('analysis.whatIf.chart')}>
            {option && <EChart option={option} ariaLabel={t('analysis.whatIf.chart')} height={chartHeight} testId="whatif-chart" />}
          </Card>
        </Col>
        <Col xs={24} xxl={13}>
          <Card
            size="small"
            title={t('analysis.whatIf.table')}
            extra={
              <Checkbox checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} data-testid="whatif-only-changed">
                {t('analysis.whatIf.onlyChanged')}
              </Checkbox>
            }
          >
            <WhatIfTable rows={rows} />
          </Card>
        </Col>
      </Row>
      <ScenarioPanel
        user={user}
        period={period}
        groupCode={group.groupCode}
        indicators={group.indicators}
        onLoad={(scenario) => {
          setPoints({ ...officialPointsOf(group), ...scenario.points });
          void message.info(t('analysis.whatIf.loaded', { name: scenario.name }));
        }}
      />
      {isSaving && <ScenarioSaveDialog period={period} groupCode={group.groupCode} points={points} onClose={() => setIsSaving(false)} />}
    </Space>
  );
}
