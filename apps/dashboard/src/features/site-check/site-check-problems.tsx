// 问题审核: the problems found, filtered by status; accept or dismiss (with a reason) one by one, then
// send the accepted ones to an open round: deductions to a `deduct` leaf, veto items to a veto code.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outputs } from '../../api-types';
import { errorMessage, useTRPC } from '../../trpc';

type Problem = Outputs['siteCheck']['problems'][number];
type Status = Problem['status'];
const STATUSES: Status[] = ['open', 'accepted', 'dismissed', 'sent', 'resolved'];
const COLOR: Record<Status, string> = { open: 'blue', accepted: 'green', dismissed: 'default', sent: 'purple', resolved: 'cyan' };

function Evidence({ sha, onClose }: { sha: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const page = useQuery({ ...trpc.siteCheck.evidence.queryOptions({ sha256: sha ?? '0'.repeat(64) }), enabled: sha !== null });
  return (
    <Modal
      open={sha !== null}
      onCancel={onClose}
      footer={null}
      width={1000}
      title={t('siteCheck.review.evidenceTitle', { sha: sha?.slice(0, 12) ?? '' })}
    >
      {page.data && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{`${page.data.url} · HTTP ${page.data.status} · ${page.data.fetchedAt}`}</Typography.Text>
          {/* The stored page, sandboxed: no script, no request leaves the frame's own document. */}
          <iframe title="evidence" sandbox="" srcDoc={page.data.html} style={{ width: '100%', height: 560, border: '1px solid #ddd' }} />
        </Space>
      )}
    </Modal>
  );
}

export function SiteCheckProblems({ canReview }: { canReview: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [status, setStatus] = useState<Status[]>(['open', 'accepted']);
  const [selected, setSelected] = useState<number[]>([]);
  const [dismissing, setDismissing] = useState<Problem | null>(null);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [evidence, setEvidence] = useState<string | null>(null);
  const [form] = Form.useForm<{ roundId: number; leaf: string; vetoCode: string | null; reason?: string }>();
  const problems = useQuery(trpc.siteCheck.problems.queryOptions({ unitId: null, status }));
  const targets = useQuery({ ...trpc.siteCheck.sendTargets.queryOptions(), enabled: sending });
  const roundId = Form.useWatch('roundId', form);
  const target = targets.data?.find((r) => r.roundId === roundId);
  // Preselect the round's website indicator (网站/平台/栏目) when there is one.
  useEffect(() => {
    if (!target) return;
    const leaf = target.leaves.find((l) => /网站|平台|栏目/.test(l.name)) ?? target.leaves[0];
    if (leaf) form.setFieldValue('leaf', leaf.code);
  }, [target, form]);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.siteCheck.problems.queryKey() });
  const review = useMutation(
    trpc.siteCheck.review.mutationOptions({ onSuccess: refresh, onError: (e) => void message.error(errorMessage(e)) }),
  );
  const send = useMutation(
    trpc.siteCheck.send.mutationOptions({
      onSuccess: (r) => {
        void message.success(t('siteCheck.review.sent', { count: r.sent.length }));
        setSending(false);
        setSelected([]);
        refresh();
      },
      onError: (e) => void message.error(errorMessage(e)),
    }),
  );
  const chosen = (problems.data ?? []).filter((p) => selected.includes(p.id));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          mode="multiple"
          style={{ minWidth: 360 }}
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: t(`siteCheck.problemStatus.${s}`) }))}
          data-testid="site-problem-status"
        />
        {canReview && (
          <Button
            type="primary"
            disabled={chosen.length === 0 || chosen.some((p) => p.status !== 'accepted')}
            onClick={() => setSending(true)}
            data-testid="site-problem-send"
          >
            {t('siteCheck.review.send')}
          </Button>
        )}
        {chosen.length > 0 && (
          <Typography.Text type="secondary">{t('siteCheck.review.selected', { count: chosen.length })}</Typography.Text>
        )}
      </Space>
      <Table
        size="small"
        rowKey="id"
        loading={problems.isPending}
        dataSource={problems.data ?? []}
        pagination={{ pageSize: 20 }}
        rowSelection={canReview ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) } : undefined}
        data-testid="site-problems"
        columns={[
          { title: t('siteCheck.columns.unit'), width: 200, render: (_, p) => `${p.unitCode} ${p.unitName}` },
          {
            title: t('siteCheck.columns.kind'),
            width: 150,
            render: (_, p) => <Tag color={p.veto ? 'red' : 'orange'}>{t(`siteCheck.kinds.${p.kind}`)}</Tag>,
          },
          {
            title: t('siteCheck.columns.detail'),
            dataIndex: 'detail',
            render: (d: string, p) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{d}</Typography.Text>
                {p.url && (
                  <Typography.Text type="secondary" copyable>
                    {p.url}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('siteCheck.columns.status'),
            width: 110,
            dataIndex: 'status',
            render: (s: Status, p) => (
              <Tag color={COLOR[s]} title={p.reviewReason ?? undefined}>
                {t(`siteCheck.problemStatus.${s}`)}
              </Tag>
            ),
          },
          {
            title: t('siteCheck.columns.evidence'),
            width: 90,
            render: (_, p) =>
              p.evidence && (
                <Button size="small" type="link" onClick={() => setEvidence(p.evidence?.sha256 ?? null)}>
                  {t('siteCheck.review.viewEvidence')}
                </Button>
              ),
          },
          ...(canReview
            ? [
                {
                  title: t('siteCheck.columns.reviewed'),
                  width: 190,
                  render: (_: unknown, p: Problem) => (
                    <Space>
                      {p.status === 'open' && (
                        <>
                          <Button
                            size="small"
                            onClick={() => review.mutate({ problemId: p.id, version: p.version, decision: 'accept', reason: '' })}
                            data-testid={`site-accept-${p.id}`}
                          >
                            {t('siteCheck.review.accept')}
                          </Button>
                          <Button
                            size="small"
                            onClick={() => {
                              setReason('');
                              setDismissing(p);
                            }}
                          >
                            {t('siteCheck.review.dismiss')}
                          </Button>
                        </>
                      )}
                      {(p.status === 'accepted' || p.status === 'dismissed') && (
                        <Button
                          size="small"
                          onClick={() => review.mutate({ problemId: p.id, version: p.version, decision: 'reopen', reason: '' })}
                        >
                          {t('siteCheck.review.reopen')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={dismissing !== null}
        title={t('siteCheck.review.dismiss')}
        okButtonProps={{ disabled: reason.trim().length < 2 }}
        onCancel={() => setDismissing(null)}
        onOk={() => {
          if (dismissing) review.mutate({ problemId: dismissing.id, version: dismissing.version, decision: 'dismiss', reason });
          setDismissing(null);
        }}
      >
        <Input.TextArea rows={3} placeholder={t('siteCheck.review.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
      <Modal
        open={sending}
        title={t('siteCheck.review.sendTitle')}
        confirmLoading={send.isPending}
        onCancel={() => setSending(false)}
        onOk={() =>
          void form
            .validateFields()
            .then((v) =>
              send.mutate({ problemIds: selected, roundId: v.roundId, leaf: v.leaf, vetoCode: v.vetoCode ?? null, reason: v.reason ?? '' }),
            )
        }
        okButtonProps={{ 'data-testid': 'site-send-ok' } as Record<string, string>}
      >
        <Form form={form} layout="vertical">
          <Typography.Paragraph>{t('siteCheck.review.selected', { count: chosen.length })}</Typography.Paragraph>
          <Form.Item name="roundId" label={t('siteCheck.review.round')} rules={[{ required: true }]}>
            <Select
              data-testid="site-send-round"
              loading={targets.isPending}
              options={(targets.data ?? []).map((r) => ({
                value: r.roundId,
                label: `${r.period} ${r.name}${r.status === 'published' ? ` (${t('siteCheck.review.published')})` : ''}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="leaf" label={t('siteCheck.review.leaf')} rules={[{ required: true }]}>
            <Select
              data-testid="site-send-leaf"
              showSearch
              optionFilterProp="label"
              options={(target?.leaves ?? []).map((l) => ({ value: l.code, label: `${l.code} ${l.name}` }))}
            />
          </Form.Item>
          {target?.status === 'published' && (
            <Form.Item name="reason" label={t('siteCheck.review.correction')} rules={[{ required: true, min: 2 }]}>
              <Input data-testid="site-send-reason" />
            </Form.Item>
          )}
          {chosen.some((p) => p.veto) && (
            <Form.Item name="vetoCode" label={t('siteCheck.review.veto')} rules={[{ required: true }]}>
              <Select options={(target?.vetoes ?? []).map((v) => ({ value: v.code, label: `${v.code} ${v.name}` }))} />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <Evidence sha={evidence} onClose={() => setEvidence(null)} />
    </Space>
  );
}
