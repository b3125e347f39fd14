import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { LanguageSwitch } from '../components/language-switch';
import { ChangePasswordForm } from '../features/users/change-password-form';
import { useTRPC } from '../trpc';

/**
 * The only page of a session using a one-time or reset password. The server refuses everything
 * else until the password is changed; this page says why and offers the change (or sign-out).
 */
export function ChangePasswordPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onSuccess: () => void queryClient.resetQueries() }));
  return (
    <div
      style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f5f5' }}
      data-testid="forced-change-password"
    >
      <Card style={{ width: 480 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('accounts.account.forcedTitle')}
            </Typography.Title>
            <LanguageSwitch />
          </div>
          <Typography.Text>
            {user.displayName}({user.username}){user.unitName ? ` · ${user.unitName}` : ''}
          </Typography.Text>
          <Typography.Paragraph type="warning">{t('accounts.account.forcedHelp')}</Typography.Paragraph>
          <ChangePasswordForm />
          <Button type="link" onClick={() => logout.mutate()} style={{ paddingLeft: 0 }}>
            {t('common.logout')}
          </Button>
        </Space>
      </Card>
    </div>
  );
}
