// Every finding of the rules: hard-rule errors (must be fixed), then soft-rule warnings, each with
// the written explanation it needs before the report can be submitted.
import { Alert, Input, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportCheck } from '@kaoping/contracts/annual-report/annual-report';
import { warningKey } from '@kaoping/domain/annual-report-workflow/report-warnings';

const HARD = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7']);

export function ReportChecksPanel({
  checks,
  explanations,
  onExplain,
  previous,
  year,
  hidePrevious = false,
}: {
  checks: readonly ReportCheck[];
  explanations: Readonly<Record<string, string>>;
  /** Absent: read-only. */
  onExplain?: (key: string, text: string) => void;
  previous: { year: number; versionNo: number } | null;
  year: number;
  hidePrevious?: boolean;
}) {
  const { t } = useTranslation();
  const hard = checks.filter((c) => c.severity === 'error' || HARD.has(c.rule));
  const soft = checks.filter((c) => c.severity === 'warning' && !HARD.has(c.rule));
  const unexplained = soft.filter((c) => !(explanations[warningKey(c)] ?? '').trim()).length;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="report-checks">
      <Space wrap>
        {checks.length === 0 ? <Tag color="green">{t('reports.checks.ok')}</Tag> : null}
        {hard.length > 0 && <Tag color="red">{t('reports.checks.errors', { count: hard.length })}</Tag>}
        {soft.length > 0 && <Tag color="orange">{t('reports.checks.warnings', { count: soft.length })}</Tag>}
        {onExplain && unexplained > 0 && <Tag color="gold">{t('reports.checks.needExplain', { count: unexplained })}</Tag>}
        {!hidePrevious && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {previous ? t('reports.checks.previous', { year: previous.year, version: previous.versionNo }) : t('reports.checks.noPrevious', { year: year - 1 })}
          </Typography.Text>
        )}
      </Space>
      {hard.length > 0 && (
        <Alert
          type="error"
          title={t('reports.checks.hard')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="hard-checks">
              {hard.slice(0, 40).map((c, i) => (
                <li key={i}>
                  <Tag color={c.severity === 'error' ? 'red' : 'orange'}>{c.rule}</Tag>
                  {c.message}
                </li>
              ))}
              {hard.length > 40 && <li>…</li>}
            </ul>
          }
        />
      )}
      {soft.length > 0 && (
        <Alert
          type="warning"
          title={t('reports.checks.soft')}
          description={
            <List
              size="small"
              dataSource={soft}
              data-testid="soft-checks"
              renderItem={(c) => {
                const key = warningKey(c);
                return (
                  <List.Item>
                    <Space orientation="vertical" style={{ width: '100%' }}>
                      <span>
                        <Tag color="orange">{c.rule}</Tag>
                        {c.message}
                      </span>
                      {onExplain ? (
                        <Input.TextArea
                          autoSize={{ minRows: 1, maxRows: 4 }}
                          placeholder={t('reports.checks.explainPlaceholder')}
                          value={explanations[key] ?? ''}
                          onChange={(e) => onExplain(key, e.target.value)}
                          status={(explanations[key] ?? '').trim() ? undefined : 'warning'}
                          aria-label={`${t('reports.checks.explain')} ${c.rule}`}
                          data-testid={`explain-${c.rule}`}
                        />
                      ) : (
                        explanations[key] && <Typography.Text type="secondary">{`${t('reports.checks.explained')}:${explanations[key]}`}</Typography.Text>
                      )}
                    </Space>
                  </List.Item>
                );
              }}
            />
          }
        />
      )}
    </Space>
  );
}
