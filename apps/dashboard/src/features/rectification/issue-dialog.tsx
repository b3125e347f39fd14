import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { severities, severityLabelsZh } from '@kaoping/contracts/rectification/rectification-ledger';
import { PERIOD_CODE_PATTERN } from '@kaoping/contracts/common';
import { errorMessage, useTRPC } from '../../trpc';

type DueKind = 'working_days' | 'calendar_days' | 'date';

/** 交办 one item by hand; the due date can be N working days on the national calendar (调休 included). */
export function IssueDialog({
  defaultPeriod,
  defaults,
  onClose,
}: {
  defaultPeriod: string;
  defaults?: { unitId: number; title: string; source: 'manual' | 'report_rule' };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [dueKind, setDueKind] = useState<DueKind>('working_days');
  const [days, setDays] = useState(15);
  const units = useQuery(trpc.units.options.queryOptions());
  const due = dueKind === 'date' ? null : { kind: dueKind, days };
  const preview = useQuery({
    ...trpc.rectification.previewDue.queryOptions({ due: due ?? { kind: 'working_days', days: 1 } }),
    enabled: due !== null,
  });
  const issue = useMutation(
    trpc.rectification.issue.mutationOptions({ onSuccess: async () => (await queryClient.invalidateQueries(), onClose()) }),
  );
  const submit = (v: {
    unitId: number;
    period: string;
    title: string;
    requirement: string;
    date?: Dayjs;
    severity: (typeof severities)[number];
    responsiblePerson: string;
    responsibleLeader: string;
    evidenceRequired: boolean;
  }) =>
    issue.mutate({
      unitId: v.unitId,
      period: v.period,
      title: v.title,
      requirement: v.requirement ?? '',
      due: dueKind === 'date' ? { kind: 'date', date: v.date?.format('YYYY-MM-DD') ?? '' } : { kind: dueKind, days },
      severity: v.severity,
      responsiblePerson: v.responsiblePerson ?? '',
      responsibleLeader: v.responsibleLeader ?? '',
      source: defaults?.source ?? 'manual',
      evidenceRequired: v.evidenceRequired,
    });
  return (
    <Modal
      open
      width={680}
      title={t('rectification.issue')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={issue.isPending}
      destroyOnHidden
    >
      {issue.error && <Alert type="error" showIcon title={errorMessage(issue.error)} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          period: defaultPeriod,
          severity: 'normal',
          evidenceRequired: true,
          unitId: defaults?.unitId,
          title: defaults?.title,
        }}
      >
        <Form.Item name="unitId" label={t('rectification.form.unit')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(units.data ?? []).filter((u) => u.isActive).map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
            data-testid="issue-unit"
          />
        </Form.Item>
        <Form.Item name="period" label={t('rectification.form.period')} rules={[{ required: true, pattern: PERIOD_CODE_PATTERN }]}>
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="title" label={t('rectification.form.title')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="issue-title" />
        </Form.Item>
        <Form.Item name="requirement" label={t('rectification.form.requirement')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item label={t('rectification.form.dueKind')}>
          <Radio.Group
            value={dueKind}
            onChange={(e) => setDueKind(e.target.value as DueKind)}
            options={(['working_days', 'calendar_days', 'date'] as const).map((k) => ({
              value: k,
              label: t(`rectification.dueRule.${k}`, { days: 'N' }),
            }))}
          />
          {dueKind === 'date' ? (
            <Form.Item name="date" noStyle rules={[{ required: true }]}>
              <DatePicker style={{ marginTop: 8 }} />
            </Form.Item>
          ) : (
            <div style={{ marginTop: 8 }}>
              <InputNumber min={1} max={dueKind === 'working_days' ? 250 : 366} value={days} onChange={(v) => setDays(v ?? 1)} />{' '}
              {preview.data && (
                <Typography.Text type="secondary" data-testid="due-preview">
                  {t('rectification.form.previewDue', { date: preview.data.dueDate })}
                </Typography.Text>
              )}
            </div>
          )}
        </Form.Item>
        <Form.Item name="severity" label={t('rectification.form.severity')}>
          <Radio.Group options={severities.map((s) => ({ value: s, label: severityLabelsZh[s] }))} />
        </Form.Item>
        <Form.Item name="responsiblePerson" label={t('rectification.form.person')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="responsibleLeader" label={t('rectification.form.leader')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="evidenceRequired" valuePropName="checked">
          <Checkbox data-testid="issue-evidence-required">{t('rectification.requireEvidence')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
