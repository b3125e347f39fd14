// Objections (申诉): a liaison files one on a finding; the assessor's queue decides each:
// 维持 (the finding stands) or 撤销问题 (the finding is withdrawn → recomputed, restated).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Outputs } from '../../api-types';
import { usePeriodLabel } from '../dashboard/use-period-label';
import { errorMessage, useTRPC } from '../../trpc';

type Objection = Outputs['assessment']['objections']['list'][number];

export function ObjectionStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = status === 'pending' ? 'processing' : status === 'withdrawn' ? 'success' : 'default';
  return <Tag color={color}>{t(`assessment.objections.status.${status}`, { defaultValue: status })}</Tag>;
}

export function ObjectionFileDialog({ finding, onClose }: { finding: { id: number; description: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const file = useMutation(
    trpc.assessment.objections.file.mutationOptions({
      onSuccess: () => (void queryClient.invalidateQueries(), void message.success(t('assessment.objections.filed')), onClose()),
    }),
  );
  return (
    <Modal
      open
      title={t('assessment.objections.fileTitle')}
      okText={t('assessment.objections.submit')}
      okButtonProps={{ disabled: text.trim().length < 5, loading: file.isPending, 'data-testid': 'objection-submit' }}
      onOk={() => file.mutate({ findingId: finding.id, text: text.trim() })}
      onCancel={onClose}
    >
      <Typography.Paragraph>{t('assessment.objections.about', { description: finding.description })}</Typography.Paragraph>
      {file.error && <Alert type="error" showIcon title={errorMessage(file.error)} style={{ marginBottom: 8 }} />}
      <Input.TextArea
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('assessment.objections.textPlaceholder')}
        data-testid="objection-text"
      />
    </Modal>
  );
}

function DecideDialog({ objection, onClose }: { objection: Objection; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [decision, setDecision] = useState<'upheld' | 'withdrawn'>('withdrawn');
  const [reason, setReason] = useState('');
  const decide = useMutation(
    trpc.assessment.objections.decide.mutationOptions({
      onSuccess: (r) => {
        void queryClient.invalidateQueries();
        void message.success(r.publicationId !== null ? t('assessment.objections.restated') : t('assessment.objections.decided'));
        onClose();
      },
    }),
  );
  return (
    <Modal
      open
      title={t('assessment.objections.decideTitle', { unit: objection.unitName })}
      okButtonProps={{ disabled: reason.trim().length < 2, loading: decide.isPending, 'data-testid': 'decide-submit' }}
      onOk={() => decide.mutate({ objectionId: objection.id, decision, reason: reason.trim() })}
      onCancel={onClose}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>{`${objection.leaf} ${objection.findingDescription}`}</Typography.Text>
        <Typography.Paragraph type="secondary">{`${t('assessment.objections.text')}:${objection.text}`}</Typography.Paragraph>
        {decide.error && <Alert type="error" showIcon title={errorMessage(decide.error)} />}
        <Radio.Group value={decision} onChange={(e) => setDecision(e.target.value as 'upheld' | 'withdrawn')}>
          <Radio value="withdrawn" data-testid="decide-withdrawn">
            {t('assessment.objections.decideWithdrawn')}
          </Radio>
          <Radio value="upheld" data-testid="decide-upheld">
            {t('assessment.objections.decideUpheld')}
          </Radio>
        </Radio.Group>
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('assessment.objections.reasonPlaceholder')}
          data-testid="decide-reason"
        />
      </Space>
    </Modal>
  );
}

/** The queue of a round (or of every round): assessors decide, liaisons see their own. */
export function ObjectionsTable({ roundId, canDecide }: { roundId: number | null; canDecide: boolean }) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const trpc = useTRPC();
  const list = useQuery(trpc.assessment.objections.list.queryOptions({ roundId, status: null }));
  const [deciding, setDeciding] = useState<Objection | null>(null);
  return (
    <>
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      <Table<Objection>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        data-testid="objections-table"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          ...(roundId === null
            ? [
                {
                  title: t('assessment.objections.period'),
                  dataIndex: 'periodCode',
                  width: 130,
                  render: (code: string) => periodLabel(code),
                },
              ]
            : []),
          {
            title: t('assessment.objections.unit'),
            dataIndex: 'unitName',
            render: (name: string, o: Objection) => (
              <Link to={`/assessment/rounds/${o.roundId}/units/${o.unitId}#finding-${o.findingId}`}>{name}</Link>
            ),
          },
          { title: t('assessment.objections.finding'), render: (_: unknown, o: Objection) => `${o.leaf} ${o.findingDescription}` },
          { title: t('assessment.objections.text'), dataIndex: 'text' },
          {
            title: t('assessment.objections.filedAt'),
            dataIndex: 'filedAt',
            width: 140,
            render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: t('assessment.objections.statusLabel'),
            dataIndex: 'status',
            width: 200,
            render: (status: string, o: Objection) => (
              <Space orientation="vertical" size={0}>
                <ObjectionStatusTag status={status} />
                {o.reason && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {o.reason}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          ...(canDecide
            ? [
                {
                  title: t('common.actions'),
                  width: 90,
                  render: (_: unknown, o: Objection) =>
                    o.status === 'pending' ? (
                      <Button size="small" type="primary" onClick={() => setDeciding(o)} data-testid={`decide-${o.id}`}>
                        {t('assessment.objections.decide')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {deciding && <DecideDialog objection={deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}
