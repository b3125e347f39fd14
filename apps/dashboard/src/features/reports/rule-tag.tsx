// A rule's code (H1…H7, S1…S8, T1) as a tag that says the rule in plain words on hover and focus;
// `inline` also writes the words beside it, for lists where the reader should not have to hover.
import { Tag, Tooltip, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportRuleId } from '@kaoping/contracts/annual-report/annual-report';

export function RuleTag({ rule, color, inline = false }: { rule: ReportRuleId; color?: string; inline?: boolean }) {
  const { t } = useTranslation();
  const words = t(`reports.rules.${rule}`);
  return (
    <>
      <Tooltip title={words}>
        <Tag color={color} tabIndex={0} aria-label={`${t('reports.checks.ruleCode', { rule })}: ${words}`} data-rule={rule}>
          {rule}
        </Tag>
      </Tooltip>
      {inline && (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginRight: 8 }} data-testid={`rule-words-${rule}`}>
          {words}
        </Typography.Text>
      )}
    </>
  );
}

/**
 * A check's message as the reader's language says it. The rules (domain) word their findings in
 * Chinese with the form's own labels; in English the rule is said in plain words instead (the tag
 * keeps its code and the jump shows the cell).
 */
export function useCheckMessage(): (check: { rule: ReportRuleId; message: string }) => string {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  // Stable while the language stays (memoised per-cell messages depend on it).
  return useCallback((check) => (english ? t(`reports.rules.${check.rule}`) : check.message), [english, t]);
}

/** Scrolls to a cell of the form and focuses its input (the tables mark each value cell with data-cell). */
export function jumpToCell(key: string): void {
  const el = document.querySelector<HTMLElement>(`[data-cell="${CSS.escape(key)}"]`);
  if (!el) return;
  el.scrollIntoView({ block: 'center', inline: 'center' });
  (el.matches('input') ? el : (el.querySelector('input') ?? el)).focus();
}
