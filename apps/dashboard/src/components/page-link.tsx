// Links between pages that the signed-in user may not be allowed to open: a province account reads
// a city's overview and ranking only (api/src/office-context.ts PROVINCE_PATHS), so a link into a
// unit's profile, the ledger or the analysis would only lead it to a 403 page.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, type ReactNode } from 'react';
import { Link } from 'react-router';
import { canOpenPath } from '../navigation';
import { useTRPC } from '../trpc';

/** Whether the signed-in user may open a path; true while the session is not known (the route guard still decides). */
export function useCanOpenPath(): (to: string) => boolean {
  const trpc = useTRPC();
  const user = useQueryClient().getQueryData(trpc.auth.me.queryKey());
  return useCallback((to: string) => !user || canOpenPath(user.role, to, user.officeKind), [user]);
}

/**
 * A link to `to` when the user may open it, else `fallback`: the children as plain text unless
 * told otherwise (null to leave it out, e.g. a button or a "see all" footer).
 */
export function PageLink({
  to,
  children,
  fallback,
  ...rest
}: {
  to: string;
  children: ReactNode;
  fallback?: ReactNode;
  'data-testid'?: string;
}) {
  const canOpen = useCanOpenPath();
  if (canOpen(to)) {
    return (
      <Link to={to} {...rest}>
        {children}
      </Link>
    );
  }
  return <>{fallback === undefined ? children : fallback}</>;
}
