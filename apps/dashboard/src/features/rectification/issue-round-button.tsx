import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, InputNumber, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage, useTRPC } from '../../trpc';

/** 交办整改 for a published round: every finding not ordered yet, one item per finding or per unit and indicator. */
export function IssueRoundButton({ roundId }: { roundId: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [grouping, setGrouping] = useState<'per_finding' | 'per_unit_indicator'>('per_unit_indicator');
  const [days, setDays] = useState(15);
  const run = useMutation(
    trpc.rectification.issueRound.mutationOptions({
      onSuccess: async (items) => {
        await queryClient.invalidateQueries();
        void message.success(t('rectification.issueRound.done', { count: items.length }));
        setOpen(false);
        void navigate('/rectification');
      },
      onError: (e) => void message.error(errorMessage(e)),
    }),
  );
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="issue-round">
        {t('rectification.issueRound.button')}
      </Button>
      <Modal
        open={open}
        title={t('rectification.issueRound.button')}
        onCancel={() => setOpen(false)}
        confirmLoading={run.isPending}
        onOk={() => run.mutate({ roundId, grouping, due: { kind: 'working_days', days } })}
      >
        <Space orientation="vertical">
          <Typography.Text type="secondary">{t('rectification.issueRound.help')}</Typography.Text>
          <Radio.Group
            value={grouping}
            onChange={(e) => setGrouping(e.target.value as typeof grouping)}
            options={[
              { value: 'per_unit_indicator', label: t('rectification.issueRound.perUnitIndicator') },
              { value: 'per_finding', label: t('rectification.issueRound.perFinding') },
            ]}
          />
          <Space>
            {t('rectification.form.dueKind')}
            <InputNumber min={1} max={250} value={days} onChange={(v) => setDays(v ?? 15)} />
            {t('rectification.issueRound.workingDays')}
          </Space>
        </Space>
      </Modal>
    </>
  );
}
