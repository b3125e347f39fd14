// The findings (问题) of one unit on one deduct leaf: the list, withdrawing one with a reason,
// and recording a new one with its page URL, the time it was seen and a screenshot.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, InputNumber, List, Popconfirm, Space, Tag, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '../../trpc';
import { describeRule, formatPoints } from './assessment-format';
import { fileToBase64 } from './files';
import { ScreenshotButton } from './screenshot-button';
import type { LeafRule } from '@kaoping/contracts/scoring/scheme';

interface FormValues {
  count: number;
  deduction: number | null;
  description: string;
  url: string;
  seenAt: Dayjs | null;
}

export function FindingsDrawer(props: {
  roundId: number;
  unit: { id: number; code: string; name: string };
  leaf: { code: string; name: string; points: number; rule: LeafRule | null };
  editable: boolean;
  correctionReason: string;
  onClose: () => void;
}) {
  const { roundId, unit, leaf, editable, correctionReason, onClose } = props;
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [screenshot, setScreenshot] = useState<File | null>(null);
  const [withdrawReason, setWithdrawReason] = useState('');
  const sheet = useQuery(trpc.assessment.results.sheet.queryOptions({ roundId, unitId: unit.id }));
  const onSuccess = () => void queryClient.invalidateQueries();
  const add = useMutation(
    trpc.assessment.inputs.addFinding.mutationOptions({
      onSuccess: () => (onSuccess(), form.resetFields(), setScreenshot(null), void message.success(t('assessment.findings.added'))),
    }),
  );
  const withdraw = useMutation(
    trpc.assessment.inputs.withdrawFinding.mutationOptions({
      onSuccess: () => (onSuccess(), setWithdrawReason('')),
      onError: (e) => void message.error(errorMessage(e)),
    }),
  );
  const findings = (sheet.data?.findings ?? []).filter((f) => f.leaf === leaf.code);

  const submit = async (values: FormValues) => {
    add.mutate({
      roundId,
      unitId: unit.id,
      leaf: leaf.code,
      count: values.count,
      deduction: values.deduction ?? null,
      description: values.description,
      url: values.url ?? '',
      seenAt: values.seenAt ? values.seenAt.toISOString() : null,
      screenshot: screenshot ? { fileName: screenshot.name, contentBase64: await fileToBase64(screenshot) } : null,
      reason: correctionReason,
    });
  };

  return (
    <Drawer open size={560} title={`${unit.name} · ${leaf.code} ${leaf.name}`} onClose={onClose} data-testid="findings-drawer">
      <Typography.Paragraph type="secondary">{describeRule(t, leaf.rule, leaf.points)}</Typography.Paragraph>
      <List
        size="small"
        bordered
        loading={sheet.isPending}
        dataSource={findings}
        locale={{ emptyText: t('assessment.findings.none') }}
        renderItem={(f) => (
          <List.Item
            actions={
              editable && f.status === 'active'
                ? [
                    <Popconfirm
                      key="withdraw"
                      title={t('assessment.findings.withdrawTitle')}
                      description={
                        <Input
                          placeholder={t('assessment.findings.withdrawReason')}
                          value={withdrawReason}
                          onChange={(e) => setWithdrawReason(e.target.value)}
                        />
                      }
                      okButtonProps={{ disabled: withdrawReason.trim().length < 2 }}
                      onConfirm={() => withdraw.mutate({ findingId: f.id, reason: withdrawReason.trim() })}
                    >
                      <Button size="small" danger>
                        {t('assessment.findings.withdraw')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Space orientation="vertical" size={0}>
              <Space>
                <Typography.Text delete={f.status === 'withdrawn'}>{f.description}</Typography.Text>
                <Tag>{t('assessment.findings.count', { count: f.count })}</Tag>
                {f.points !== null && <Tag color="red">−{formatPoints(f.points)}</Tag>}
                {f.status === 'withdrawn' && <Tag>{t('assessment.findings.withdrawn')}</Tag>}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {f.url && (
                  <a href={f.url} target="_blank" rel="noreferrer">
                    {f.url}
                  </a>
                )}{' '}
                {f.seenAt && dayjs(f.seenAt).format('YYYY-MM-DD HH:mm')}
              </Typography.Text>
              {f.hasScreenshot && <ScreenshotButton findingId={f.id} />}
            </Space>
          </List.Item>
        )}
      />
      {editable && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('assessment.findings.add')}
          </Typography.Title>
          {add.error && <Alert type="error" showIcon title={errorMessage(add.error)} style={{ marginBottom: 8 }} />}
          <Form<FormValues>
            form={form}
            layout="vertical"
            initialValues={{ count: 1, deduction: null, description: '', url: '', seenAt: dayjs() }}
            onFinish={(v) => void submit(v)}
          >
            <Form.Item
              name="description"
              label={t('assessment.findings.description')}
              rules={[{ required: true, min: 2, message: t('assessment.findings.descriptionRequired') }]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
            <Space>
              <Form.Item name="count" label={t('assessment.findings.countLabel')}>
                <InputNumber min={1} max={999} />
              </Form.Item>
              <Form.Item name="deduction" label={t('assessment.findings.deduction')} tooltip={t('assessment.findings.deductionHelp')}>
                <InputNumber min={0} step={0.5} />
              </Form.Item>
              <Form.Item name="seenAt" label={t('assessment.findings.seenAt')}>
                <DatePicker showTime format="YYYY-MM-DD HH:mm" />
              </Form.Item>
            </Space>
            <Form.Item name="url" label={t('assessment.findings.url')}>
              <Input placeholder="https://" />
            </Form.Item>
            <Form.Item label={t('assessment.findings.screenshot')}>
              <Upload
                accept="image/png,image/jpeg,image/gif,image/webp"
                maxCount={1}
                beforeUpload={(f) => (setScreenshot(f), false)}
                onRemove={() => setScreenshot(null)}
              >
                <Button>{t('assessment.findings.chooseScreenshot')}</Button>
              </Upload>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              {t('assessment.findings.save')}
            </Button>
          </Form>
        </>
      )}
    </Drawer>
  );
}
