import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Input, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '@kaoping/contracts/auth/role';
import type { UserRow, UserStatus } from '@kaoping/contracts/users/user';
import { errorMessage, useTRPC } from '../../trpc';
import { BulkLiaisonsDialog } from './bulk-liaisons-dialog';
import { OneTimePasswordModal } from './one-time-password-modal';
import { UserFormDialog } from './user-form-dialog';
import { UsersImportDialog } from './users-import-dialog';

const formatInstant = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** 设置 → 用户: the office's accounts with filters and every account action. */
export function UsersPanel() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [role, setRole] = useState<Role | undefined>();
  const [status, setStatus] = useState<UserStatus | undefined>();
  const [unitId, setUnitId] = useState<number | undefined>();
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'edit'; user: UserRow } | { kind: 'bulk' } | { kind: 'import' } | null>(
    null,
  );
  const [oneTime, setOneTime] = useState<{ username: string; displayName: string; password: string } | null>(null);
  const users = useQuery(trpc.users.list.queryOptions({ role, status, unitId, search: search || undefined }));
  const units = useQuery(trpc.units.options.queryOptions());
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const onError = (e: unknown) => void message.error(errorMessage(e));
  const disable = useMutation(
    trpc.users.disable.mutationOptions({ onSuccess: () => (refresh(), void message.success(t('accounts.users.disabledDone'))), onError }),
  );
  const enable = useMutation(
    trpc.users.enable.mutationOptions({ onSuccess: () => (refresh(), void message.success(t('accounts.users.enabled'))), onError }),
  );
  const endSessions = useMutation(
    trpc.users.endSessions.mutationOptions({
      onSuccess: (r) => void message.success(t('accounts.users.sessionsEnded', { count: r.ended })),
      onError,
    }),
  );
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: (r, input) => {
        refresh();
        const user = users.data?.find((u) => u.id === input.id);
        setOneTime({ username: r.username, displayName: user?.displayName ?? r.username, password: r.oneTimePassword });
      },
      onError,
    }),
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="users-panel">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('accounts.users.searchPlaceholder')}
            onSearch={setSearch}
            style={{ width: 240 }}
            data-testid="users-search"
          />
          <Select
            allowClear
            placeholder={t('accounts.users.allRoles')}
            value={role}
            onChange={setRole}
            style={{ width: 140 }}
            options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
          <Select
            allowClear
            placeholder={t('accounts.users.allStatuses')}
            value={status}
            onChange={setStatus}
            style={{ width: 120 }}
            options={[
              { value: 'active', label: t('accounts.users.active') },
              { value: 'disabled', label: t('accounts.users.disabled') },
            ]}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('accounts.users.allUnits')}
            value={unitId}
            onChange={setUnitId}
            style={{ width: 260 }}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
          />
        </Space>
        <Space>
          <Button onClick={() => setDialog({ kind: 'import' })} data-testid="users-import">
            {t('accounts.users.import')}
          </Button>
          <Button onClick={() => setDialog({ kind: 'bulk' })} data-testid="users-bulk">
            {t('accounts.users.bulk')}
          </Button>
          <Button type="primary" onClick={() => setDialog({ kind: 'create' })} data-testid="users-create">
            {t('accounts.users.create')}
          </Button>
        </Space>
      </Space>
      <Table<UserRow>
        rowKey="id"
        size="small"
        loading={users.isPending}
        dataSource={users.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => t('common.total', { count: n }) }}
        columns={[
          { title: t('accounts.users.username'), dataIndex: 'username', width: 120, ellipsis: true },
          { title: t('accounts.users.displayName'), dataIndex: 'displayName', ellipsis: true },
          { title: t('accounts.users.role'), dataIndex: 'role', width: 96, render: (r: Role) => t(`role.${r}`) },
          { title: t('accounts.users.unit'), dataIndex: 'unitName', ellipsis: true, render: (n: string | null) => n ?? '—' },
          { title: t('accounts.users.phone'), dataIndex: 'phone', width: 124, render: (p: string | null) => p ?? '—' },
          {
            title: t('accounts.users.status'),
            dataIndex: 'status',
            width: 130,
            render: (_: UserStatus, u) => (
              <Space size={4} wrap>
                {u.status === 'active' ? (
                  <Tag color="green">{t('accounts.users.active')}</Tag>
                ) : (
                  <Tag color="default">{t('accounts.users.disabled')}</Tag>
                )}
                {u.mustChangePassword && u.status === 'active' && (
                  <Tooltip title={t('accounts.users.mustChange')}>
                    <Tag color="orange">{t('accounts.users.mustChangeShort')}</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: t('accounts.users.lastSignIn'),
            dataIndex: 'lastSignInAt',
            width: 156,
            render: (at: string | null) =>
              at ? formatInstant(at) : <Typography.Text type="secondary">{t('accounts.users.never')}</Typography.Text>,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 190,
            render: (_: unknown, u) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user: u })}>
                  {t('common.edit')}
                </Button>
                {u.status === 'active' ? (
                  <Popconfirm
                    title={t('accounts.users.disableConfirm', { name: u.displayName })}
                    onConfirm={() => disable.mutate({ id: u.id })}
                  >
                    <Button type="link" size="small" danger data-testid={`disable-${u.username}`}>
                      {t('accounts.users.disable')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button type="link" size="small" onClick={() => enable.mutate({ id: u.id })} data-testid={`enable-${u.username}`}>
                    {t('accounts.users.enable')}
                  </Button>
                )}
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: [
                      { key: 'reset', label: t('accounts.users.resetPassword') },
                      { key: 'sessions', label: t('accounts.users.endSessions') },
                    ],
                    onClick: ({ key }) =>
                      void modal.confirm({
                        title: t(key === 'reset' ? 'accounts.users.resetConfirm' : 'accounts.users.endSessionsConfirm', {
                          name: u.displayName,
                        }),
                        onOk: () => (key === 'reset' ? reset.mutate({ id: u.id }) : endSessions.mutate({ id: u.id })),
                      }),
                  }}
                >
                  <Button type="link" size="small" data-testid={`more-${u.username}`}>
                    {t('accounts.users.more')} ▾
                  </Button>
                </Dropdown>
              </Space>
            ),
          },
        ]}
      />
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UserFormDialog
          user={dialog.kind === 'edit' ? dialog.user : null}
          onClose={() => setDialog(null)}
          onCreated={(created) => {
            setDialog(null);
            setOneTime(created);
          }}
        />
      )}
      {dialog?.kind === 'bulk' && <BulkLiaisonsDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'import' && <UsersImportDialog onClose={() => setDialog(null)} />}
      {oneTime && <OneTimePasswordModal {...oneTime} onClose={() => setOneTime(null)} />}
    </Space>
  );
}
