import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { SCENARIO_NAME_MAX, scenarioNameSchema } from '@kaoping/contracts/analysis/analysis';
import { errorMessage, useTRPC } from '../../trpc';

/** Names and saves the current points as a scenario of the group (the server checks them again). */
export function ScenarioSaveDialog({
  period,
  groupCode,
  points,
  onClose,
}: {
  period: string;
  groupCode: string;
  points: Record<string, number>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const create = useMutation(
    trpc.analysis.scenarios.create.mutationOptions({
      onSuccess: async (scenario) => {
        await queryClient.invalidateQueries({ queryKey: trpc.analysis.scenarios.list.queryKey() });
        void message.success(t('analysis.whatIf.saved', { name: scenario.name }));
        onClose();
      },
    }),
  );
  return (
    <Modal
      open
      title={t('analysis.whatIf.saveTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      {create.error && (
        <div role="alert" style={{ color: '#cf1322', marginBottom: 12 }}>
          {errorMessage(create.error)}
        </div>
      )}
      <Form<{ name: string }> form={form} layout="vertical" onFinish={(v) => create.mutate({ period, groupCode, name: v.name, points })}>
        <Form.Item
          name="name"
          label={t('analysis.whatIf.name')}
          rules={[
            {
              validator: async (_, value: unknown) => {
                const parsed = scenarioNameSchema.safeParse(value ?? '');
                if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? '');
              },
            },
          ]}
        >
          <Input autoFocus maxLength={SCENARIO_NAME_MAX} placeholder={t('analysis.whatIf.namePlaceholder')} data-testid="scenario-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
