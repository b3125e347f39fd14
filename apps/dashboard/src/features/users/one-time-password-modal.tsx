import { App, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shows a one-time password once: after this dialog closes, nobody can see it again. */
export function OneTimePasswordModal({
  username,
  displayName,
  password,
  onClose,
}: {
  username: string;
  displayName: string;
  password: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t('accounts.users.oneTimeTitle')}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText={t('common.close')}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>{t('accounts.users.oneTimeHelp', { name: displayName })}</Typography.Paragraph>
        <Typography.Text>
          {t('accounts.users.username')}:<Typography.Text strong>{username}</Typography.Text>
        </Typography.Text>
        <Typography.Text
          code
          style={{ fontSize: 22, letterSpacing: 2 }}
          data-testid="one-time-password"
          copyable={{ text: password, onCopy: () => void message.success(t('accounts.users.copied')) }}
        >
          {password}
        </Typography.Text>
      </Space>
    </Modal>
  );
}
