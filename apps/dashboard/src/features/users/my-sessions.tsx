import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SessionRow } from '@kaoping/contracts/users/user';
import { errorMessage, useTRPC } from '../../trpc';

const formatInstant = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** The caller's own sessions: end one, or all of them ("sign out everywhere"). */
export function MySessions() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const sessions = useQuery(trpc.users.mySessions.queryOptions());
  const onError = (e: unknown) => void message.error(errorMessage(e));
  const endOne = useMutation(trpc.users.endMySession.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries(), onError }));
  // Every session ends, this one too: resetting the queries brings back the sign-in page.
  const everywhere = useMutation(
    trpc.users.signOutEverywhere.mutationOptions({ onSuccess: () => void queryClient.resetQueries(), onError }),
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<SessionRow>
        rowKey="id"
        size="small"
        pagination={false}
        loading={sessions.isPending}
        dataSource={sessions.data ?? []}
        data-testid="my-sessions"
        columns={[
          {
            title: t('accounts.account.sessionStarted'),
            dataIndex: 'createdAt',
            render: (at: string, s) => (
              <Space>
                {formatInstant(at)}
                {s.current && <Tag color="blue">{t('accounts.account.current')}</Tag>}
              </Space>
            ),
          },
          { title: t('accounts.account.sessionExpires'), dataIndex: 'expiresAt', render: formatInstant },
          { title: t('accounts.account.sessionIp'), dataIndex: 'clientIp', render: (ip: string | null) => ip ?? '—' },
          {
            title: t('common.actions'),
            key: 'end',
            width: 100,
            render: (_: unknown, s) => (
              <Button type="link" size="small" onClick={() => endOne.mutate({ id: s.id })} disabled={s.current}>
                {t('accounts.account.end')}
              </Button>
            ),
          },
        ]}
      />
      <Popconfirm title={t('accounts.account.signOutEverywhereConfirm')} onConfirm={() => everywhere.mutate()}>
        <Button danger data-testid="sign-out-everywhere">
          {t('accounts.account.signOutEverywhere')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
