import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Space, Spin, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { escalationLevelLabelsZh, type RectificationActionType } from '@kaoping/contracts/rectification/rectification-status';
import { severityLabelsZh } from '@kaoping/contracts/rectification/rectification-ledger';
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
  if (detail.isPending) return <Drawer open onClose={onClose} size="large"><Spin /></Drawer>;
  if (detail.error) return <Drawer open onClose={onClose}><Alert type="error" title={errorMessage(detail.error)} /></Drawer>;
  const { item, events, files, allowedActions } = detail.data;
  return (
    <Drawer open onClose={onClose} size="large" title={<Space><span data-testid="item-code">{item.code}</span><StatusTag status={item.status} />{item.isOverdue && <Tag color="red">{t('rectification.overdueDays', { days: item.daysOverdue })}</Tag>}</Space>}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph strong>{item.title}</Typography.Paragraph>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('rectification.columns.unit')}>{item.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('rectification.columns.due')}>
            {item.dueDate}
            {item.dueRule.kind !== 'date' && <Typography.Text type="secondary">({t(`rectification.dueRule.${item.dueRule.kind}`, { days: 'days' in item.dueRule ? item.dueRule.days : 0 })})</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={t('rectification.detail.issuedOn')}>{item.issuedOn}</Descriptions.Item>
          <Descriptions.Item label={t('rectification.detail.acknowledgedOn')}>{item.acknowledgedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('rectification.columns.severity')}>{severityLabelsZh[item.severity]}</Descriptions.Item>
          <Descriptions.Item label={t('rectification.columns.escalation')}>{item.escalationLevel ? escalationLevelLabelsZh[item.escalationLevel] : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('rectification.detail.responsible')}>{item.responsiblePerson || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('rectification.detail.leader')}>{item.responsibleLeader || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('rectification.detail.requirement')} span={2}>{item.requirement || '—'}</Descriptions.Item>
          {item.returnReason && <Descriptions.Item label={t('rectification.detail.returnReason')} span={2}><Typography.Text type="danger">{item.returnReason}</Typography.Text></Descriptions.Item>}
          {item.carriedInto && <Descriptions.Item label="结转" span={2}>{t('rectification.carried', { period: item.carriedInto })}</Descriptions.Item>}
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
              {item.submission.evidence.map((e, i) => (
                <div key={i}>{e.url.startsWith('kp-file:') ? e.label : <a href={/^https?:\/\//.test(e.url) ? e.url : undefined} target="_blank" rel="noreferrer noopener">{e.label}</a>}</div>
              ))}
            </Descriptions.Item>
          </Descriptions>
        )}
        {files.length > 0 && <EvidenceFiles files={files} />}
        {allowedActions.length > 0 && (
          <Space wrap data-testid="item-actions">
            {allowedActions.map((a) => (
              <Button key={a} type={['acknowledge', 'submit', 'recheck_pass', 'accept_explanation'].includes(a) ? 'primary' : 'default'} danger={['recheck_fail', 'reject_explanation', 'cancel'].includes(a)} onClick={() => setAction(a)}>
                {t(`rectification.actions.${a}`)}
              </Button>
            ))}
          </Space>
        )}
        <Typography.Title level={5}>{t('rectification.detail.timeline')}</Typography.Title>
        <Timeline items={events.map((e) => ({ content: `${dayjs(e.at).format('YYYY-MM-DD HH:mm')} ${e.actorName} ${e.actionLabel}${typeof e.detail['reason'] === 'string' ? `:${e.detail['reason']}` : ''}` }))} />
      </Space>
      {action && <ActionForm itemId={item.id} version={item.version} action={action} onClose={() => setAction(null)} />}
    </Drawer>
  );
}

function EvidenceFiles({ files }: { files: { id: number; fileName: string; size: number; mime: string }[] }) {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const download = async (fileId: number) => {
    const file = await client.rectification.downloadEvidence.query({ fileId });
    downloadBase64(file.fileName, file.contentBase64, file.mime);
  };
  return (
    <div>
      <Typography.Text strong>{t('rectification.detail.evidence')}:</Typography.Text>
      {files.map((f) => (
        <Button key={f.id} type="link" onClick={() => void download(f.id)}>
          {f.fileName}({Math.ceil(f.size / 1024)} KB)
        </Button>
      ))}
    </div>
  );
}
