import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RectificationActionInput } from '@kaoping/contracts/rectification/rectification-action';
import {
  escalationLevelLabelsZh,
  escalationLevels,
  type RectificationActionType,
} from '@kaoping/contracts/rectification/rectification-status';
import { PERIOD_CODE_PATTERN } from '@kaoping/contracts/common';
import { errorMessage, useTRPC } from '../../trpc';
import { fileToBase64 } from './download';

interface Props {
  itemId: number;
  version: number;
  /** The order asks for 佐证材料: a fix or explanation without any is refused (here and by the server). */
  evidenceRequired: boolean;
  action: RectificationActionType;
  onClose: () => void;
}

type Evidence = { label: string; url: string };

/** One form for every lifecycle action: it asks for exactly what the action's schema needs. */
export function ActionForm({ itemId, version, evidenceRequired, action, onClose }: Props) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [evidence, setEvidence] = useState<Evidence[]>([]);
  const [url, setUrl] = useState('');
  const upload = useMutation(trpc.rectification.uploadEvidence.mutationOptions());
  const run = useMutation(
    trpc.rectification.transition.mutationOptions({ onSuccess: async () => (await queryClient.invalidateQueries(), onClose()) }),
  );
  const needsEvidence = action === 'submit' || action === 'explain';

  const [missingEvidence, setMissingEvidence] = useState(false);
  const submit = (v: Record<string, string>) => {
    if (needsEvidence && evidenceRequired && evidence.length === 0) {
      setMissingEvidence(true);
      return;
    }
    const note = v['note']?.trim() ? v['note'] : null;
    const body: RectificationActionInput = (() => {
      switch (action) {
        case 'submit':
          return { type: 'submit', measures: v['measures'] ?? '', completionNote: v['completionNote'] ?? '', evidence };
        case 'explain':
          return { type: 'explain', explanation: v['explanation'] ?? '', evidence };
        case 'recheck_fail':
        case 'reject_explanation':
        case 'cancel':
          return { type: action, reason: v['reason'] ?? '' };
        case 'carry_over':
          return { type: 'carry_over', into: v['into'] ?? '' };
        case 'escalate':
          return { type: 'escalate', level: v['level'] as (typeof escalationLevels)[number], decidedBy: v['decidedBy'] || null, note };
        default:
          return { type: action, note };
      }
    })();
    run.mutate({ itemId, version, action: body });
  };

  return (
    <Modal
      open
      title={t(`rectification.actions.${action}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      okText={t('rectification.form.submit')}
      width={640}
      destroyOnHidden
    >
      {run.error && <Alert type="error" showIcon title={errorMessage(run.error)} style={{ marginBottom: 12 }} data-testid="action-error" />}
      <Form form={form} layout="vertical" onFinish={submit}>
        {action === 'submit' && (
          <>
            <Form.Item name="measures" label={t('rectification.form.measures')} rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
            <Form.Item name="completionNote" label={t('rectification.form.completionNote')} rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
          </>
        )}
        {action === 'explain' && (
          <Form.Item name="explanation" label={t('rectification.form.explanation')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
        )}
        {(action === 'recheck_fail' || action === 'reject_explanation' || action === 'cancel') && (
          <Form.Item name="reason" label={t('rectification.form.reason')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
        {action === 'carry_over' && (
          <Form.Item name="into" label={t('rectification.form.into')} rules={[{ required: true, pattern: PERIOD_CODE_PATTERN }]}>
            <Input placeholder="2027Q1" />
          </Form.Item>
        )}
        {action === 'escalate' && (
          <>
            <Form.Item name="level" label={t('rectification.form.level')} rules={[{ required: true }]}>
              <Select options={escalationLevels.map((l) => ({ value: l, label: escalationLevelLabelsZh[l] }))} />
            </Form.Item>
            <Form.Item name="decidedBy" label={t('rectification.form.decidedBy')}>
              <Input maxLength={100} />
            </Form.Item>
          </>
        )}
        {['acknowledge', 'start', 'recheck_pass', 'accept_explanation', 'escalate'].includes(action) && (
          <Form.Item name="note" label={t('rectification.form.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
        {needsEvidence && (
          <Form.Item
            label={t('rectification.form.evidence')}
            required={evidenceRequired}
            validateStatus={missingEvidence && evidence.length === 0 ? 'error' : undefined}
            help={
              missingEvidence && evidence.length === 0
                ? t('rectification.evidenceRequired')
                : evidenceRequired
                  ? undefined
                  : t('rectification.evidenceOptional')
            }
            data-testid="evidence-field"
          >
            <Space orientation="vertical" style={{ width: '100%' }}>
              {evidence.map((e, i) => (
                <div key={`${e.url}-${i}`} data-testid="evidence-item">
                  {e.label} <span style={{ color: '#888' }}>{e.url.startsWith('kp-file:') ? '' : e.url}</span>{' '}
                  <Button size="small" type="link" onClick={() => setEvidence(evidence.filter((_, j) => j !== i))}>
                    ×
                  </Button>
                </div>
              ))}
              {upload.error && <Alert type="error" showIcon title={errorMessage(upload.error)} data-testid="upload-error" />}
              <Upload
                showUploadList={false}
                beforeUpload={(file) => {
                  void fileToBase64(file).then((contentBase64) =>
                    upload.mutate(
                      { itemId, fileName: file.name, contentBase64 },
                      { onSuccess: (r) => setEvidence((list) => [...list, { label: r.fileName, url: r.url }]) },
                    ),
                  );
                  return false;
                }}
              >
                <Button loading={upload.isPending} data-testid="evidence-upload">
                  {t('rectification.form.upload')}
                </Button>
              </Upload>
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  placeholder={t('rectification.form.evidenceUrl')}
                  value={url}
                  onChange={(e) => setUrl(e.target.value)}
                  data-testid="evidence-url"
                />
                <Button
                  data-testid="evidence-add-url"
                  onClick={() => {
                    const trimmed = url.trim();
                    if (!trimmed) return;
                    setEvidence((list) => [...list, { label: trimmed, url: trimmed }]);
                    setUrl('');
                  }}
                >
                  {t('rectification.form.addUrl')}
                </Button>
              </Space.Compact>
            </Space>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
