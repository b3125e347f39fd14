import { createTRPCClient, httpBatchLink, httpLink, splitLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { readableMessage, type ErrorData } from './error-text';
import { officeHeaders, readsPickedCity } from './features/province/office-choice';
import { i18next } from './i18n/i18n';
import type { AppRouter } from '@kaoping/api/root';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function createClient() {
  const fetchSameOrigin = (url: URL | RequestInfo, init?: RequestInit) => fetch(url, { ...init, credentials: 'same-origin' });
  // The server refuses a batch that carries auth.login and caps batches at 20 calls (apps/server/src/create-server.ts).
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.path === 'auth.login',
        true: httpLink({ url: '/trpc', fetch: fetchSameOrigin }),
        false: splitLink({
          // A province account's reads of the city it picked name that city (features/province/office-choice.ts); nobody else sends it.
          condition: (op) => readsPickedCity(op.path),
          true: httpBatchLink({ url: '/trpc', maxItems: 20, fetch: fetchSameOrigin, headers: officeHeaders }),
          false: httpBatchLink({ url: '/trpc', maxItems: 20, fetch: fetchSameOrigin }),
        }),
      }),
    ],
  });
}

/** The server's message (already Chinese for business errors), for display. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const english = i18next.language === 'en' ? (i18next.t('common.errors', { returnObjects: true }) as Record<string, string>) : undefined;
    return readableMessage(error.message, error.data as ErrorData | undefined, english);
  }
  return error instanceof Error ? error.message : String(error);
}

export function errorCode(error: unknown): string | null {
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: string } | undefined;
    return data?.code ?? null;
  }
  return null;
}
