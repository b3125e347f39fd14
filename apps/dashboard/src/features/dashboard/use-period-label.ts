import { useTranslation } from 'react-i18next';
import { formatPeriod } from './dashboard-format';

/** The one period formatter for the UI: 2026Q3 → 2026年第三季度 in Chinese, Q3 2026 in English. */
export function usePeriodLabel(): (code: string | null | undefined) => string {
  const { i18n } = useTranslation();
  return (code) => formatPeriod(code, i18n.language);
}
