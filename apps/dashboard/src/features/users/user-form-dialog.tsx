import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '@kaoping/contracts/auth/role';
import type { UserRow } from '@kaoping/contracts/users/user';
import { errorMessage, useTRPC } from '../../trpc';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  phone: string;
}

/** New user (the one-time password comes back to the caller) or edit of role, unit, name and phone. */
export function UserFormDialog({
  user,
  onClose,
  onCreated,
}: {
  user: UserRow | null;
  onClose: () => void;
  onCreated: (created: { username: string; displayName: string; password: string }) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const units = useQuery(trpc.units.options.queryOptions());
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: (r) => {
        void queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        onCreated({ username: r.user.username, displayName: r.user.displayName, password: r.oneTimePassword });
      },
    }),
  );
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        onClose();
      },
    }),
  );
  const submit = (v: Values) => {
    const common = {
      displayName: v.displayName,
      role: v.role,
      unitId: v.role === 'liaison' ? (v.unitId ?? null) : null,
      phone: v.phone ?? '',
    };
    if (user) update.mutate({ id: user.id, ...common });
    else create.mutate({ username: v.username, ...common });
  };
  const error = create.error ?? update.error;
  return (
    <Modal
      open
      title={t(user ? 'accounts.users.edit' : 'accounts.users.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'user-form-submit' } as ButtonProps}
    >
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} data-testid="user-form-error" />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          user
            ? { username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId, phone: user.phone ?? '' }
            : { role: 'liaison', unitId: null, phone: '' }
        }
      >
        <Form.Item
          name="username"
          label={t('accounts.users.username')}
          rules={[{ required: true }, { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, message: '用户名只能包含字母、数字、点、下划线和连字符' }]}
        >
          <Input disabled={user !== null} data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('accounts.users.displayName')} rules={[{ required: true }]}>
          <Input data-testid="user-display-name" />
        </Form.Item>
        <Form.Item name="role" label={t('accounts.users.role')} rules={[{ required: true }]}>
          <Select data-testid="user-role" options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        {role === 'liaison' && (
          <Form.Item
            name="unitId"
            label={t('accounts.users.unit')}
            rules={[{ required: true, message: t('accounts.users.unitPlaceholder') }]}
          >
            <Select
              data-testid="user-unit"
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('accounts.users.unitPlaceholder')}
              options={(units.data ?? [])
                .filter((u) => u.isActive || u.id === user?.unitId)
                .map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="phone" label={t('accounts.users.phone')}>
          <Input data-testid="user-phone" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
