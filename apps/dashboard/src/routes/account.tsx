import { Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../features/users/change-password-form';
import { MySessions } from '../features/users/my-sessions';

/** 我的账号: every user changes their own password and sees and ends their own sessions. */
export function AccountPage() {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('accounts.account.changePassword')}>
        <ChangePasswordForm />
      </Card>
      <Card title={t('accounts.account.sessions')}>
        <MySessions />
      </Card>
    </Space>
  );
}
