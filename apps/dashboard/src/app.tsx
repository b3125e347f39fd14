import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './routes/app-routes';
import { createClient, TRPCProvider } from './trpc';

export function App() {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 10_000 } } }),
  );
  const [trpcClient] = useState(createClient);
  const { i18n } = useTranslation();
  const isZh = i18n.language !== 'en';
  dayjs.locale(isZh ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={isZh ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      theme={{
        token: { colorPrimary: '#b71c1c', borderRadius: 4, fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif' },
      }}
    >
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
