import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { navigationFor, navKeyOfPath, navPaths } from '../navigation';
import { useTRPC } from '../trpc';
import { LanguageSwitch } from './language-switch';
import { confirmLeave } from './leave-guard';
import { NotificationBell } from './notification-bell';
import { OfficePicker } from './office-picker';

export function AppLayout({ user, children }: { user: SessionUser; children: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onSuccess: () => queryClient.resetQueries() }));
  // A page holding unsaved work (the report form) is asked before the menu takes the person away.
  const go = (path: string) => {
    if (confirmLeave()) void navigate(path);
  };
  // The meeting pages live in the header, not the menu: no menu item is theirs to highlight.
  const inHeader = ['/presentation', '/bulletin', '/account'].some((p) => location.pathname === p || location.pathname.startsWith(`${p}/`));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="dark" breakpoint="lg" collapsedWidth={0}>
        <div style={{ color: '#fff', padding: '18px 20px', fontSize: 20, fontWeight: 600, letterSpacing: 2 }}>{t('app.title')}</div>
        <Menu
          theme="dark"
          mode="inline"
          data-testid="main-nav"
          selectedKeys={inHeader ? [] : [navKeyOfPath(location.pathname)]}
          items={navigationFor(user.role, user.officeKind).map((key) => ({ key, label: t(`nav.${key}`) }))}
          onClick={({ key }) => go(navPaths[key as keyof typeof navPaths])}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            padding: '0 24px',
            borderBottom: '1px solid #eee',
          }}
        >
          <Typography.Text strong>{t('app.subtitle')}</Typography.Text>
          <Space>
            {user.role !== 'liaison' && user.officeKind !== 'province' && (
              <>
                <Button
                  type={location.pathname.startsWith('/presentation') ? 'primary' : 'link'}
                  onClick={() => go('/presentation')}
                  data-testid="header-presentation"
                >
                  {t('meeting.nav.presentation')}
                </Button>
                <Button
                  type={location.pathname.startsWith('/bulletin') ? 'primary' : 'link'}
                  onClick={() => go('/bulletin')}
                  data-testid="header-bulletin"
                >
                  {t('meeting.nav.bulletin')}
                </Button>
              </>
            )}
            <OfficePicker user={user} />
            <span data-testid="current-user">{user.displayName}</span>
            <Tag color={user.role === 'leader' ? 'gold' : user.role === 'liaison' ? 'blue' : 'red'}>{t(`role.${user.role}`)}</Tag>
            {user.role === 'leader' && (
              <Tooltip title={t('common.readonlyHint')}>
                <Tag data-testid="readonly-tag">{t('common.readonly')}</Tag>
              </Tooltip>
            )}
            {user.unitName && <Typography.Text type="secondary">{user.unitName}</Typography.Text>}
            {user.officeKind !== 'province' && <NotificationBell />}
            <LanguageSwitch />
            <Button type="link" size="small" onClick={() => go('/account')} data-testid="my-account">
              {t('accounts.account.myAccount')}
            </Button>
            <Button size="small" onClick={() => confirmLeave() && logout.mutate()} data-testid="logout">
              {t('common.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
