import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@kaoping/contracts/units/unit';
import { errorMessage, useTRPC } from '../../trpc';

/** Retires a unit (机构改革) with a date, an optional successor and a reason; nothing is deleted. */
export function UnitDeactivateDialog({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ validTo: Dayjs; successorId: number | null; reason: string }>();
  const options = useQuery(trpc.units.options.queryOptions());
  const run = useMutation(
    trpc.units.deactivate.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries();
        void message.success(t('units.deactivated'));
        onClose();
      },
    }),
  );
  return (
    <Modal
      open
      title={`${t('units.deactivate')}:${unit.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ danger: true }}
      confirmLoading={run.isPending}
    >
      {run.error && (
        <div role="alert" style={{ color: '#cf1322', marginBottom: 12 }}>
          {errorMessage(run.error)}
        </div>
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ validTo: dayjs(), successorId: null }}
        onFinish={(v) =>
          run.mutate({
            id: unit.id,
            version: unit.version,
            validTo: v.validTo.format('YYYY-MM-DD'),
            successorId: v.successorId ?? null,
            reason: v.reason,
          })
        }
      >
        <Form.Item name="validTo" label={t('units.validTo')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="successorId" label={t('units.successor')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(options.data ?? [])
              .filter((o) => o.id !== unit.id && o.isActive)
              .map((o) => ({ value: o.id, label: `${o.code} ${o.name}` }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('units.deactivateReason')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
