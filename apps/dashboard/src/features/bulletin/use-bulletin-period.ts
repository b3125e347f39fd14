import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { quarterLabel } from './bulletin-format';

/** The periods with published results (newest first) as picker options, and the one chosen (default: the newest). */
export function usePeriodOptions(requested: string | null) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const periods = useQuery(trpc.bulletin.periods.queryOptions());
  const list = periods.data ?? [];
  const options = list.map((p) => {
    const label = quarterLabel(t, p.period);
    return {
      value: p.period,
      label: t('meeting.periodOption', { label, status: t(`meeting.periodStatus.${p.status}`, { defaultValue: p.status }) }),
    };
  });
  const period = requested !== null && list.some((p) => p.period === requested) ? requested : (list[0]?.period ?? null);
  return { periods, options, period };
}
