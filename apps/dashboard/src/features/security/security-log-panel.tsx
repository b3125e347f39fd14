// 设置 › 安全日志: the newest failed sign-ins (security.failedSignIns), for the office's administrators.
import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SecurityEventView } from '@kaoping/contracts/security/security-event';
import { errorMessage, useTRPC } from '../../trpc';

const beijingTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export function SecurityLogPanel() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const events = useQuery(trpc.security.failedSignIns.queryOptions({ limit: 200 }));
  if (events.error) return <Alert type="error" showIcon title={errorMessage(events.error)} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('security.intro')}</Typography.Paragraph>
      <Table<SecurityEventView>
        rowKey="id"
        size="small"
        loading={events.isPending}
        dataSource={events.data ?? []}
        locale={{ emptyText: t('security.empty') }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="security-log"
        columns={[
          { title: t('security.at'), dataIndex: 'at', width: 190, render: (v: string) => beijingTime(v) },
          { title: t('security.username'), dataIndex: 'username' },
          { title: t('security.clientIp'), dataIndex: 'clientIp' },
          { title: t('security.detail'), dataIndex: 'detail' },
        ]}
      />
    </>
  );
}
