// 设置 › 机构信息: the office's full name, short name and region. The first save marks the office
// as set up (the server records when), which retires the first-run checklist from the overview.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { officeUpdateInputSchema } from '@kaoping/contracts/org/office';
import { zodRules } from '../../lib/zod-form-rules';
import { errorMessage, useTRPC } from '../../trpc';

type Values = { name: string; shortName: string; regionName: string };
const field = officeUpdateInputSchema.shape;
const formatInstant = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export function OfficeDetailsForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const office = useQuery(trpc.org.office.get.queryOptions());
  const save = useMutation(
    trpc.org.office.update.mutationOptions({
      onSuccess: () => (void message.success(t('onboarding.office.saved')), void queryClient.invalidateQueries()),
    }),
  );
  const data = office.data;
  useEffect(() => {
    // A fresh office still carries the migration's placeholder name: leave the fields for the admin to fill.
    if (data) form.setFieldsValue(data.setUpAt ? data : { name: '', shortName: '', regionName: '' });
  }, [data, form]);
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 640 }} data-testid="office-details">
      {data && !data.setUpAt && <Alert type="info" showIcon title={t('onboarding.office.firstRun')} data-testid="office-first-run" />}
      <Typography.Paragraph type="secondary">{t('onboarding.office.help')}</Typography.Paragraph>
      {save.error && <Alert type="error" showIcon title={errorMessage(save.error)} data-testid="office-error" />}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={!data}
        onFinish={(v) => data && save.mutate({ version: data.version, ...v })}
        requiredMark={false}
      >
        <Form.Item name="name" label={t('onboarding.office.name')} rules={zodRules(field.name)}>
          <Input placeholder={t('onboarding.office.namePlaceholder')} data-testid="office-name" />
        </Form.Item>
        <Form.Item name="shortName" label={t('onboarding.office.shortName')} rules={zodRules(field.shortName)}>
          <Input placeholder={t('onboarding.office.shortNamePlaceholder')} style={{ maxWidth: 320 }} data-testid="office-short-name" />
        </Form.Item>
        <Form.Item name="regionName" label={t('onboarding.office.regionName')} rules={zodRules(field.regionName)}>
          <Input placeholder={t('onboarding.office.regionNamePlaceholder')} style={{ maxWidth: 320 }} data-testid="office-region" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="office-save">
            {t('onboarding.office.save')}
          </Button>
          {data?.setUpAt && (
            <Typography.Text type="secondary" data-testid="office-set-up-at">
              {t('onboarding.office.setUpAt', { at: formatInstant(data.setUpAt) })}
            </Typography.Text>
          )}
        </Space>
      </Form>
    </Space>
  );
}
