import { Alert, Card, Col, Descriptions, Empty, Row, Select, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AnalysisGroup } from '@kaoping/domain/analysis/analysis-group';
import { explainUnit, type GapIndicator, type IndicatorContribution, type RelativeLoss } from '@kaoping/domain/analysis/explain-unit';
import { EChart } from '../../charts/echart';
import { formatPoints } from '../../lib/format-number';
import { buildScoreWaterfallOption } from '../../charts/options/score-waterfall';
import { gradeColor } from '../../charts/chart-palette';
import { useChartLabels } from '../../charts/use-chart-labels';
import { useGradeLabel } from '../dashboard/use-grade-label';
import { toWaterfallView } from './analysis-views';
import { MethodologyCard } from './methodology-card';
import { useMethodology, type OfficialRow } from './use-analysis';

const two = (v: number) => v.toFixed(2);

/** One unit's score explained: the waterfall, the gap to the next rank up, its relative losses. */
export function ExplainPanel({
  group,
  official,
  unit,
  onUnitChange,
}: {
  group: AnalysisGroup;
  official: readonly OfficialRow[];
  unit: string | null;
  onUnitChange: (unit: string) => void;
}) {
  const { t } = useTranslation();
  const gradeLabel = useGradeLabel();
  const labels = useChartLabels();
  const methodology = useMethodology();
  const code = unit !== null && group.units.some((u) => u.unit === unit) ? unit : (group.units[0]?.unit ?? null);
  const explanation = useMemo(() => (code === null ? null : explainUnit(group, code)), [group, code]);
  const view = useMemo(() => (explanation ? toWaterfallView(explanation, labels) : null), [explanation, labels]);
  const option = useMemo(() => (view ? buildScoreWaterfallOption(view, labels) : null), [view, labels]);
  const unitId = official.find((r) => r.unit === code)?.unitId ?? null;

  const gapColumns = [
    { title: t('analysis.explain.indicator'), dataIndex: 'name' },
    { title: t('analysis.explain.own'), dataIndex: 'own', align: 'right' as const, render: two },
    { title: t('analysis.explain.other'), dataIndex: 'other', align: 'right' as const, render: two },
    {
      title: t('analysis.explain.difference'),
      dataIndex: 'difference',
      align: 'right' as const,
      render: (v: number) => <Typography.Text type="danger">{two(v)}</Typography.Text>,
    },
  ];
  const lossColumns = [
    { title: t('analysis.explain.indicator'), dataIndex: 'name' },
    { title: t('analysis.explain.applicable'), dataIndex: 'applicablePoints', align: 'right' as const, render: (v: number) => String(v) },
    { title: t('analysis.explain.lost'), dataIndex: 'lost', align: 'right' as const, render: two },
    { title: t('analysis.explain.average'), dataIndex: 'groupAverageLost', align: 'right' as const, render: two },
    {
      title: t('analysis.explain.excess'),
      dataIndex: 'excessLost',
      align: 'right' as const,
      render: (v: number) => (
        <Typography.Text strong type="danger">
          {two(v)}
        </Typography.Text>
      ),
    },
  ];
  const contributionColumns = [
    { title: t('analysis.explain.indicator'), dataIndex: 'name' },
    { title: t('analysis.explain.applicable'), dataIndex: 'applicablePoints', align: 'right' as const, render: (v: number) => String(v) },
    { title: t('analysis.explain.earned'), dataIndex: 'earned', align: 'right' as const, render: (v: number) => formatPoints(v) },
    { title: t('analysis.explain.lost'), dataIndex: 'lost', align: 'right' as const, render: (v: number) => formatPoints(v) },
    { title: t('analysis.explain.contribution'), dataIndex: 'contribution', align: 'right' as const, render: two },
  ];

  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small">
            <Space wrap size="large" align="center">
              <span>
                {t('analysis.explain.unit')}:{' '}
                <Select
                  showSearch
                  optionFilterProp="label"
                  style={{ width: 320 }}
                  placeholder={t('analysis.explain.chooseUnit')}
                  value={code}
                  onChange={onUnitChange}
                  options={group.units.map((u) => ({ value: u.unit, label: `${u.officialRank ?? '—'}  ${u.name}` }))}
                  data-testid="explain-unit"
                />
              </span>
              {unitId !== null && <Link to={`/units/${unitId}`}>{t('analysis.explain.profile')}</Link>}
            </Space>
            {explanation && (
              <Descriptions size="small" column={4} style={{ marginTop: 12 }} data-testid="explain-summary">
                <Descriptions.Item label={t('analysis.explain.final')}>
                  {explanation.final === null ? t('analysis.explain.unscored') : two(explanation.final)}
                </Descriptions.Item>
                <Descriptions.Item label={t('analysis.explain.rank')}>
                  {explanation.rank === null
                    ? explanation.isVetoFail
                      ? t('analysis.explain.vetoFail')
                      : '—'
                    : t('analysis.explain.rankValue', { rank: explanation.rank })}
                </Descriptions.Item>
                <Descriptions.Item label={t('analysis.explain.grade')}>
                  <span style={{ color: gradeColor(explanation.grade), fontWeight: 600 }}>{gradeLabel(explanation.grade)}</span>
                </Descriptions.Item>
              </Descriptions>
            )}
          </Card>
          <Card size="small" title={t('analysis.explain.waterfall')}>
            <Typography.Paragraph type="secondary">{t('analysis.explain.waterfallHelp')}</Typography.Paragraph>
            {option ? (
              <EChart option={option} ariaLabel={t('analysis.explain.waterfall')} height={340} testId="explain-waterfall" />
            ) : (
              <Empty description={t('analysis.explain.unscored')} />
            )}
            {explanation && (
              <Table<IndicatorContribution>
                size="small"
                rowKey="code"
                dataSource={explanation.indicators}
                columns={contributionColumns}
                pagination={false}
                style={{ marginTop: 8 }}
              />
            )}
          </Card>
          <Card size="small" title={t('analysis.explain.gap')} data-testid="explain-gap">
            {explanation?.gapToAbove ? (
              <>
                <Typography.Paragraph strong>
                  {t('analysis.explain.gapText', {
                    rank: explanation.gapToAbove.rank,
                    name: explanation.gapToAbove.name,
                    final: two(explanation.gapToAbove.final),
                    gap: two(explanation.gapToAbove.gap),
                  })}
                </Typography.Paragraph>
                <Table<GapIndicator>
                  size="small"
                  rowKey="code"
                  dataSource={explanation.gapToAbove.indicators}
                  columns={gapColumns}
                  pagination={false}
                />
              </>
            ) : (
              <Typography.Text type="secondary">
                {explanation?.rank === 1 ? t('analysis.explain.topRank') : t('analysis.explain.noGap')}
              </Typography.Text>
            )}
          </Card>
          <Card size="small" title={t('analysis.explain.losses')} data-testid="explain-losses">
            {explanation && explanation.relativeLosses.length > 0 ? (
              <Table<RelativeLoss>
                size="small"
                rowKey="code"
                dataSource={explanation.relativeLosses}
                columns={lossColumns}
                pagination={false}
              />
            ) : (
              <Alert type="success" showIcon title={t('analysis.explain.noLosses')} />
            )}
          </Card>
        </Space>
      </Col>
      <Col xs={24} xl={8}>
        <MethodologyCard note={methodology.explanation} testId="explain-methodology" />
      </Col>
    </Row>
  );
}
