import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/language-switch';
import { errorMessage, useTRPC } from '../trpc';

const DEMO_PASSWORD = 'Kaoping@2026';
const demoAccounts = [
  { username: 'admin', role: 'admin' },
  { username: 'assessor', role: 'assessor' },
  { username: 'leader', role: 'leader' },
  { username: 'liaison', role: 'liaison' },
] as const;

export function LoginPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const login = useMutation(trpc.auth.login.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));
  // An empty production database has no administrator: say how to create the first one.
  const adminExists = useQuery(trpc.users.adminExists.queryOptions());
  const noAdmin = adminExists.data === false;
  // The office's confirmed name; the demo accounts only on a database seeded with the demo city.
  const info = useQuery(trpc.org.office.signInInfo.queryOptions()).data;
  const officeName = info?.officeName ?? (info?.demo ? t('app.city') : null);
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg,#7f0000 0%,#b71c1c 55%,#f5f5f5 55%)',
      }}
    >
      <Card style={{ width: 420 }}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('app.title')} · {t('app.subtitle')}
            </Typography.Title>
            <LanguageSwitch />
          </div>
          {officeName && (
            <Typography.Text type="secondary" data-testid="login-office">
              {officeName}
            </Typography.Text>
          )}
          {noAdmin && (
            <Alert
              type="warning"
              showIcon
              data-testid="no-admin"
              title={t('accounts.setup.noAdmin')}
              description={
                <>
                  <Typography.Paragraph style={{ marginBottom: 4 }}>{t('accounts.setup.noAdminHelp')}</Typography.Paragraph>
                  <Typography.Text code copyable>
                    pnpm kaoping users create --role admin --name admin
                  </Typography.Text>
                </>
              }
            />
          )}
          {login.error && <Alert type="error" showIcon title={errorMessage(login.error)} data-testid="login-error" />}
          <Form layout="vertical" onFinish={(values: { username: string; password: string }) => login.mutate(values)} requiredMark={false}>
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true }]}>
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
          {info?.demo === true && adminExists.data === true && (
            <Table
              size="small"
              pagination={false}
              rowKey="username"
              data-testid="demo-accounts"
              title={() => t('login.demoHint', { password: DEMO_PASSWORD })}
              dataSource={[...demoAccounts]}
              columns={[
                { title: t('login.username'), dataIndex: 'username' },
                { title: t('settings.role'), dataIndex: 'role', render: (role: string) => t(`role.${role}`) },
              ]}
            />
          )}
        </Space>
      </Card>
    </div>
  );
}
