import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '../../trpc';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The policy is checked by the server (zxcvbn-ts); the form only checks length and the repeat. */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const change = useMutation(
    trpc.users.changeOwnPassword.mutationOptions({
      onSuccess: () => {
        form.resetFields();
        // auth.me now answers without the forced change: the app opens.
        void queryClient.invalidateQueries();
        onChanged?.();
      },
    }),
  );
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 420 }}
      onFinish={(v) => change.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword })}
      requiredMark={false}
    >
      <Typography.Paragraph type="secondary">{t('accounts.account.policy')}</Typography.Paragraph>
      {change.error && (
        <Alert type="error" showIcon title={errorMessage(change.error)} style={{ marginBottom: 12 }} data-testid="change-password-error" />
      )}
      {change.isSuccess && <Alert type="success" showIcon title={t('accounts.account.changed')} style={{ marginBottom: 12 }} />}
      <Form.Item name="currentPassword" label={t('accounts.account.currentPassword')} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" data-testid="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('accounts.account.newPassword')}
        rules={[{ required: true }, { min: 10, message: '密码至少 10 个字符' }]}
      >
        <Input.Password autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('accounts.account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, v) =>
              v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('accounts.account.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="confirm-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="change-password-submit">
        {t('accounts.account.changePassword')}
      </Button>
    </Form>
  );
}
