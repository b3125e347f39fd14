import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import type { AppRouter } from '@kaoping/api/root';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { languageReady } from './i18n/i18n';
import { AppRoutes } from './routes/app-routes';
import { prefetchRouteData } from './routes/route-preload';
import { THEME } from './theme';
import { createClient, TRPCProvider } from './trpc';

/** The session asked for by the entry (main.tsx) while the frame loaded; null when it could not be read (the app asks again). */
export type SessionAnswer = { user: SessionUser | null } | null;

type TrpcClient = ReturnType<typeof createClient>;

// Constants, not literals in render: antd flattens and hashes a new theme object on every render of the provider.
// THEME (theme.ts) runs antd without runtime styles: they come from a stylesheet built for it (vite.config.ts).
const BUTTON = { autoInsertSpace: false };

export function App({ queryClient, trpcClient }: { queryClient: QueryClient; trpcClient: TrpcClient }) {
  const { i18n } = useTranslation();
  const isZh = i18n.language !== 'en';
  dayjs.locale(isZh ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={isZh ? zhCN : enUS} button={BUTTON} theme={THEME}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </TRPCProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/**
 * Renders the app once the session is known (asked for by the entry, usually answered by the time
 * the frame has loaded), so the first render is the page itself rather than a spinner; the page's
 * data request goes out before that render.
 */
export async function mountApp(container: HTMLElement, session: Promise<SessionAnswer>): Promise<void> {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 10_000 } } });
  const trpcClient = createClient();
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  const [answer] = await Promise.all([session, languageReady]);
  if (answer) {
    queryClient.setQueryData(trpc.auth.me.queryKey(), answer.user);
    if (answer.user) prefetchRouteData(window.location, answer.user, queryClient, trpc);
  }
  createRoot(container).render(
    <StrictMode>
      <App queryClient={queryClient} trpcClient={trpcClient} />
    </StrictMode>,
  );
}
