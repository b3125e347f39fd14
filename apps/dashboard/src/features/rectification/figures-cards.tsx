import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

/** The definition of the figures, said where they show (the ledger and the board use the same). */
export function LedgerDefinition() {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="ledger-definition">
      {t('rectification.definition')}
    </Typography.Text>
  );
}

/** The "上期整改情况" figures of a bulletin, for the filtered period and group. */
export function FiguresCards({ period, groupId }: { period: string | null; groupId: number | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const figures = useQuery(trpc.rectification.figures.queryOptions({ period, groupId }));
  const f = figures.data?.overall;
  const cells: [string, string | number][] = f
    ? [
        [t('rectification.figuresLabels.total'), f.counted],
        [t('rectification.figuresLabels.open'), f.open],
        [t('rectification.figuresLabels.overdue'), f.overdue],
        [t('rectification.figuresLabels.closedOnTime'), f.closedOnTime],
        [
          t('rectification.figuresLabels.onTimeRate'),
          `${percent(f.onTimeClosureRate.value)} (${t('rectification.rateOf', { numerator: f.onTimeClosureRate.numerator, denominator: f.onTimeClosureRate.denominator })})`,
        ],
        [t('rectification.figuresLabels.medianDays'), f.medianDaysToClose ?? '—'],
        [t('rectification.figuresLabels.returned'), f.returnedAtRecheck],
        [t('rectification.figuresLabels.notReported'), f.unitsNotReportedBack.length],
      ]
    : [];
  return (
    <>
      <Row gutter={[12, 12]} data-testid="rectification-figures">
        {cells.map(([label, value]) => (
          <Col key={label} xs={12} md={6} xl={3}>
            <Card size="small" loading={figures.isPending}>
              <Tooltip
                title={
                  label === t('rectification.figuresLabels.notReported') ? f?.unitsNotReportedBack.map((u) => u.name).join('、') : undefined
                }
              >
                <Statistic
                  title={label}
                  value={value}
                  valueStyle={label === t('rectification.figuresLabels.overdue') && Number(value) > 0 ? { color: '#cf1322' } : undefined}
                />
              </Tooltip>
            </Card>
          </Col>
        ))}
      </Row>
      <LedgerDefinition />
    </>
  );
}
