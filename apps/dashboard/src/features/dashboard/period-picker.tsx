import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPeriod } from './dashboard-format';
import { usePublishedPeriods } from './use-dashboard-params';

/** Chooses one of the published quarters; shows the latest when `value` is null. */
export function PeriodPicker({ value, onChange }: { value: string | null; onChange: (period: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const periods = usePublishedPeriods();
  const latest = periods.data?.latest ?? null;
  return (
    <Select
      className="kp-no-print"
      style={{ width: 168 }}
      aria-label={t('dashboard.period')}
      data-testid="period-picker"
      loading={periods.isPending}
      value={value ?? latest ?? undefined}
      onChange={(v: string) => onChange(v === latest ? null : v)}
      options={(periods.data?.periods ?? []).map((p) => ({ value: p.period, label: formatPeriod(p.period, i18n.language) }))}
    />
  );
}
