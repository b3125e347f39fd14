import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../trpc';

/** The report year a page shows: the year whose reports are due now (the newest offered) by default. */
export function useReportYear() {
  const trpc = useTRPC();
  const years = useQuery(trpc.annualReports.years.queryOptions());
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen ?? years.data?.[0] ?? new Date().getFullYear() - 1;
  return { year, years: years.data ?? [year], setYear: setChosen };
}
