// Every finding of the rules: blanks counted once, hard-rule failures (must be fixed), then soft-rule
// warnings, each with the written explanation it needs before the report can be submitted. Each rule
// code says its rule in plain words; each finding can jump to its cell.
import { Alert, Button, Input, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportCheck } from '@kaoping/contracts/annual-report/annual-report';
import { warningKey } from '@kaoping/domain/annual-report-workflow/report-warnings';
import { jumpToCell, RuleTag, useCheckMessage } from './rule-tag';
import { blankCells, isBlankFinding } from './submit-blockers';

const HARD = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7']);

export function ReportChecksPanel({
  checks,
  cells,
  explanations,
  onExplain,
  previous,
  year,
  hidePrevious = false,
}: {
  checks: readonly ReportCheck[];
  /** The values the checks ran on: blanks are counted from them. */
  cells: Readonly<Record<string, number | null>>;
  explanations: Readonly<Record<string, string>>;
  /** Absent: read-only. */
  onExplain?: (key: string, text: string) => void;
  previous: { year: number; versionNo: number } | null;
  year: number;
  hidePrevious?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const checkMessage = useCheckMessage();
  const hardAll = checks.filter((c) => c.severity === 'error' || HARD.has(c.rule));
  const blanks = blankCells(hardAll, cells);
  const hard = hardAll.filter((c) => !isBlankFinding(c));
  const jump = (cell: string | undefined) =>
    cell === undefined ? null : (
      <Button type="link" size="small" onClick={() => jumpToCell(cell)} data-testid="jump-to-cell">
        {t('reports.checks.jump')}
      </Button>
    );
  const soft = checks.filter((c) => c.severity === 'warning' && !HARD.has(c.rule));
  const unexplained = soft.filter((c) => !(explanations[warningKey(c)] ?? '').trim()).length;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="report-checks">
      <Space wrap>
        {checks.length === 0 ? <Tag color="green">{t('reports.checks.ok')}</Tag> : null}
        {blanks.length > 0 && (
          <Tag color="gold" data-testid="blank-count">
            {t('reports.checks.blanks', { count: blanks.length })}
          </Tag>
        )}
        {hard.length > 0 && <Tag color="red">{t('reports.checks.errors', { count: hard.length })}</Tag>}
        {soft.length > 0 && <Tag color="orange">{t('reports.checks.warnings', { count: soft.length })}</Tag>}
        {onExplain && unexplained > 0 && <Tag color="gold">{t('reports.checks.needExplain', { count: unexplained })}</Tag>}
        {!hidePrevious && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {previous
              ? t('reports.checks.previous', { year: previous.year, version: previous.versionNo })
              : t('reports.checks.noPrevious', { year: year - 1 })}
          </Typography.Text>
        )}
      </Space>
      {blanks.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="blank-summary"
          title={
            <span>
              {t('reports.checks.blanks', { count: blanks.length })} {jump(blanks[0])}
            </span>
          }
          description={t('reports.checks.blanksHint')}
        />
      )}
      {hard.length > 0 && (
        <Alert
          type="error"
          title={t('reports.checks.hard')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="hard-checks">
              {hard.slice(0, 40).map((c, i) => (
                <li key={i}>
                  <RuleTag rule={c.rule} color={c.severity === 'error' ? 'red' : 'orange'} />
                  {checkMessage(c)}
                  {jump(c.cells[0])}
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
                        <RuleTag rule={c.rule} color="orange" />
                        {checkMessage(c)}
                        {jump(c.cells[0])}
                      </span>
                      {/* In English the line above already says the rule in words. */}
                      {i18n.language !== 'en' && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t(`reports.rules.${c.rule}`)}
                        </Typography.Text>
                      )}
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
                        explanations[key] && (
                          <Typography.Text type="secondary">{`${t('reports.checks.explained')}:${explanations[key]}`}</Typography.Text>
                        )
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
