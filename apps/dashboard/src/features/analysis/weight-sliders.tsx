import { Col, InputNumber, Row, Slider, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnalysisIndicator } from '@kaoping/domain/analysis/analysis-group';
import { milliToNumber } from '@kaoping/domain/scoring/decimal';
import { SCENARIO_MAX_POINTS } from '@kaoping/contracts/analysis/analysis';
import { roundPoints } from './analysis-views';

const STEP = 0.5;

/** The slider's range: up to twice the official points (at least 10), the box takes more. */
export function sliderMaxOf(officialPoints: number): number {
  return Math.max(10, Math.ceil((officialPoints * 2) / 5) * 5);
}

/** One slider and one number box per level-1 indicator; 0 drops the indicator. */
export function WeightSliders({
  indicators,
  points,
  onChange,
}: {
  indicators: readonly AnalysisIndicator[];
  points: Readonly<Record<string, number>>;
  onChange: (code: string, value: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Row gutter={[24, 8]}>
      {indicators.map((indicator) => {
        const official = milliToNumber(indicator.points);
        const value = points[indicator.code] ?? official;
        const max = Math.max(sliderMaxOf(official), value);
        const isChanged = value !== official;
        return (
          <Col key={indicator.code} xs={24} md={12} xl={8} data-testid={`weight-${indicator.code}`}>
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 8 }}>
              <Typography.Text strong ellipsis title={indicator.name}>
                {indicator.code} {indicator.name}
              </Typography.Text>
              <span style={{ whiteSpace: 'nowrap' }}>
                {value === 0 && <Tag color="red">{t('analysis.whatIf.dropped')}</Tag>}
                <Typography.Text type={isChanged ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
                  {t('analysis.whatIf.officialPoints', { points: official })}
                </Typography.Text>
              </span>
            </div>
            <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
              <Slider
                style={{ flex: 1 }}
                min={0}
                max={max}
                step={STEP}
                value={value}
                marks={{ [official]: ' ' }}
                // the number box shows the value; an open tooltip on a focused handle keeps re-aligning
                tooltip={{ open: false }}
                onChange={(v: number) => onChange(indicator.code, roundPoints(v))}
                ariaLabelForHandle={indicator.name}
                data-testid={`weight-slider-${indicator.code}`}
              />
              <InputNumber<number>
                style={{ width: 92 }}
                min={0}
                max={SCENARIO_MAX_POINTS}
                step={1}
                value={value}
                aria-label={`${indicator.name} ${t('analysis.whatIf.points')}`}
                onChange={(v) => onChange(indicator.code, roundPoints(v ?? 0))}
                data-testid={`weight-input-${indicator.code}`}
              />
            </div>
          </Col>
        );
      })}
    </Row>
  );
}
