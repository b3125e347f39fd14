import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../trpc';

/** The year whose groups the page shows: the latest configured year by default. */
export function useGroupYear() {
  const trpc = useTRPC();
  const years = useQuery(trpc.groups.years.queryOptions());
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen ?? years.data?.[0] ?? new Date().getFullYear();
  return { year, years: years.data ?? [year], setYear: setChosen };
}
