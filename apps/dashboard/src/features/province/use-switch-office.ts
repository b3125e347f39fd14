import { useQueryClient, type Query } from '@tanstack/react-query';
import { useCallback } from 'react';
import { chooseOffice } from './office-choice';

/** Queries whose answer is the account's or the province's, whatever city is picked (tRPC keys start with the path). */
function keptAcrossCities(query: Query): boolean {
  const path = query.queryKey[0];
  return Array.isArray(path) && (path[0] === 'auth' || path[0] === 'province');
}

/** Picks the city a province account reads; every city-scoped answer is dropped and asked again. */
export function useSwitchOffice(): (officeId: number | null) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (officeId: number | null) => {
      chooseOffice(officeId);
      void queryClient.resetQueries({ predicate: (q) => !keptAcrossCities(q) });
    },
    [queryClient],
  );
}
