import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';

/** The periods with published results (newest first) as picker options, and the one chosen (default: the newest). */
export function usePeriodOptions(requested: string | null) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const periods = useQuery(trpc.bulletin.periods.queryOptions());
  const list = periods.data ?? [];
  const options = list.map((p) => {
    const m = /^(\d{4})Q([1-4])$/.exec(p.period);
    const label = m ? t('meeting.quarterLabel', { year: m[1], quarter: m[2] }) : p.period;
    return { value: p.period, label: t('meeting.periodOption', { label, status: t(`meeting.periodStatus.${p.status}`, { defaultValue: p.status }) }) };
  });
  const period = requested !== null && list.some((p) => p.period === requested) ? requested : (list[0]?.period ?? null);
  return { periods, options, period };
}
