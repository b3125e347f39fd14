import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Space, Spin, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RectificationActionType } from '@kaoping/contracts/rectification/rectification-status';
import { actorName } from '../../components/actor-name';
import { errorMessage, useTRPC, useTRPCClient } from '../../trpc';
import { ActionForm } from './action-form';
import { downloadBase64 } from './download';
import { StatusTag } from './status-tag';

/** One item: what must be fixed, by when, what the unit reported, its history and the actions the user may take. */
export function ItemDrawer({ itemId, onClose }: { itemId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const detail = useQuery(trpc.rectification.get.queryOptions({ id: itemId }));
  const [action, setAction] = useState<RectificationActionType | null>(null);
  if (detail.isPending)
    return (
      <Drawer open onClose={onClose} size="large">
        <Spin />
      </Drawer>
    );
  if (detail.error)
    return (
      <Drawer open onClose={onClose}>
        <Alert type="error" title={errorMessage(detail.error)} />
      </Drawer>
    );
  const { item, events, files, allowedActions } = detail.data;
  const referenced = new Set((item.submission?.evidence ?? []).map((e) => e.url));
  const fileOf = (url: string) => files.find((f) => `kp-file:${f.id}` === url);
  const unreferenced = files.filter((f) => !referenced.has(`kp-file:${f.id}`));
  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      title={
        <Space>
          <span data-testid="item-code">{item.code}</span>
          <StatusTag status={item.status} />
          {item.isOverdue && (
            <Tag color="red">{t('rectification.overdueBoth', { working: item.workingDaysOverdue, calendar: item.daysOverdue })}</Tag>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph strong>{item.title}</Typography.Paragraph>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('rectification.columns.unit')}>{item.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('rectification.columns.due')}>
            {item.dueDate}
            {item.dueRule.kind !== 'date' && (
              <Typography.Text type="secondary">
                ({t(`rectification.dueRule.${item.dueRule.kind}`, { days: 'days' in item.dueRule ? item.dueRule.days : 0 })})
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('rectification.detail.issuedOn')}>{item.issuedOn}</Descriptions.Item>
          <Descriptions.Item label={t('rectification.detail.acknowledgedOn')}>{item.acknowledgedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('rectification.columns.severity')}>
            {t(`rectification.severities.${item.severity}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('rectification.columns.escalation')}>
            {item.escalationLevel ? t(`rectification.escalations.${item.escalationLevel}`) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('rectification.detail.responsible')}>{item.responsiblePerson || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('rectification.detail.leader')}>{item.responsibleLeader || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('rectification.detail.requirement')} span={2}>
            {item.requirement || '—'}{' '}
            <Tag color={item.evidenceRequired ? 'orange' : 'default'} data-testid="evidence-rule">
              {item.evidenceRequired ? t('rectification.evidenceRequired') : t('rectification.evidenceOptional')}
            </Tag>
          </Descriptions.Item>
          {item.returnReason && (
            <Descriptions.Item label={t('rectification.detail.returnReason')} span={2}>
              <Typography.Text type="danger">{item.returnReason}</Typography.Text>
            </Descriptions.Item>
          )}
          {item.carriedInto && (
            <Descriptions.Item label="结转" span={2}>
              {t('rectification.carried', { period: item.carriedInto })}
            </Descriptions.Item>
          )}
        </Descriptions>
        {item.submission && (
          <Descriptions size="small" column={1} bordered title={t('rectification.detail.submission')}>
            {item.submission.kind === 'fix' ? (
              <>
                <Descriptions.Item label={t('rectification.form.measures')}>{item.submission.measures}</Descriptions.Item>
                <Descriptions.Item label={t('rectification.form.completionNote')}>{item.submission.completionNote}</Descriptions.Item>
              </>
            ) : (
              <Descriptions.Item label={t('rectification.form.explanation')}>{item.submission.explanation}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('rectification.detail.evidence')}>
              <span data-testid="submission-evidence">
                {item.submission.evidence.map((e, i) => {
                  const file = fileOf(e.url);
                  return (
                    <div key={i} data-testid="evidence-entry">
                      {file ? (
                        <EvidenceFileLink file={file} />
                      ) : (
                        <a href={/^https?:\/\//.test(e.url) ? e.url : undefined} target="_blank" rel="noreferrer noopener">
                          {e.label}
                        </a>
                      )}
                    </div>
                  );
                })}
              </span>
            </Descriptions.Item>
          </Descriptions>
        )}
        {/* Files uploaded but not (or no longer) part of the submission: listed once, here. */}
        {unreferenced.length > 0 && <EvidenceFiles files={unreferenced} />}
        {allowedActions.length > 0 && (
          <Space wrap data-testid="item-actions">
            {allowedActions.map((a) => (
              <Button
                key={a}
                type={['acknowledge', 'submit', 'recheck_pass', 'accept_explanation'].includes(a) ? 'primary' : 'default'}
                danger={['recheck_fail', 'reject_explanation', 'cancel'].includes(a)}
                onClick={() => setAction(a)}
              >
                {t(`rectification.actions.${a}`)}
              </Button>
            ))}
          </Space>
        )}
        <Typography.Title level={5}>{t('rectification.detail.timeline')}</Typography.Title>
        <Timeline
          items={events.map((e) => ({
            // A history line says what was done (past tense in English), by whom, and the reason given.
            content: `${dayjs(e.at).format('YYYY-MM-DD HH:mm')} ${actorName(e.actorName, t)} ${e.action === 'issue' ? t('rectification.issued') : t(`rectification.done.${e.action}`, { defaultValue: e.actionLabel })}${typeof e.detail['reason'] === 'string' ? `${t('rectification.reasonSeparator')}${e.detail['reason']}` : ''}`,
          }))}
        />
      </Space>
      {action && (
        <ActionForm
          itemId={item.id}
          version={item.version}
          evidenceRequired={item.evidenceRequired}
          action={action}
          onClose={() => setAction(null)}
        />
      )}
    </Drawer>
  );
}

type EvidenceFile = { id: number; fileName: string; size: number; mime: string };

function EvidenceFileLink({ file }: { file: EvidenceFile }) {
  const client = useTRPCClient();
  const download = async () => {
    const f = await client.rectification.downloadEvidence.query({ fileId: file.id });
    downloadBase64(f.fileName, f.contentBase64, f.mime);
  };
  return (
    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => void download()}>
      {file.fileName}({Math.ceil(file.size / 1024)} KB)
    </Button>
  );
}

function EvidenceFiles({ files }: { files: EvidenceFile[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="evidence-files">
      <Typography.Text strong>{t('rectification.detail.evidence')}:</Typography.Text>
      {files.map((f) => (
        <EvidenceFileLink key={f.id} file={f} />
      ))}
    </div>
  );
}
