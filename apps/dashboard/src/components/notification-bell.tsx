import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, List, Popover, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { zh } from '../i18n/zh';
import { useTRPC } from '../trpc';
import { notificationText, type NotificationWords } from './notification-text';

/** 消息: reminders, overdue notices and lifecycle news; a click opens the item in the ledger. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const list = useQuery({ ...trpc.notifications.list.queryOptions({ limit: 30 }), refetchInterval: 60_000 });
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() }),
    }),
  );
  const items = list.data?.items ?? [];
  const language = i18n.language === 'en' ? 'en' : 'zh';
  const words = t('rectification.notifications.words', { returnObjects: true }) as NotificationWords;
  const escalation = {
    byLevel: (level: string) =>
      Object.keys(zh.rectification.escalations).includes(level) ? t(`rectification.escalations.${level}`) : null,
    // An older notice's body names the measure in Chinese: back to its key through the Chinese labels.
    byZhLabel: (label: string) => {
      const key = Object.entries(zh.rectification.escalations).find(([, v]) => v === label)?.[0];
      return key ? t(`rectification.escalations.${key}`) : null;
    },
  };
  const content = (
    <div style={{ width: 380, maxHeight: 420, overflow: 'auto' }} data-testid="notification-list">
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t('rectification.notifications.empty') }}
        renderItem={(n) => {
          const said = notificationText(n, language, words, escalation);
          const at = dayjs(n.createdAt).format('MM-DD HH:mm');
          return (
            <List.Item
              style={{ cursor: n.itemId ? 'pointer' : undefined, background: n.readAt ? undefined : '#fff7e6' }}
              onClick={() => {
                markRead.mutate({ ids: [n.id] });
                if (n.itemId) void navigate(`/rectification?item=${n.itemId}`);
              }}
            >
              {said ? (
                <List.Item.Meta
                  title={
                    <Typography.Text strong={!n.readAt}>
                      {said.title}: <span data-user-text>{said.titleData}</span>
                    </Typography.Text>
                  }
                  description={
                    <>
                      {said.body} {said.bodyData && <span data-user-text>{said.bodyData}</span>} · {at}
                    </>
                  }
                />
              ) : (
                <List.Item.Meta title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>} description={`${n.body} · ${at}`} />
              )}
            </List.Item>
          );
        }}
      />
    </div>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between' }}>
          {t('rectification.notifications.title')}
          <Button size="small" type="link" onClick={() => markRead.mutate({ ids: 'all' })}>
            {t('rectification.notifications.markAll')}
          </Button>
        </div>
      }
      content={content}
    >
      <Badge count={list.data?.unread ?? 0} size="small" overflowCount={99}>
        <Button size="small" data-testid="notification-bell">
          {t('rectification.notifications.title')}
        </Button>
      </Badge>
    </Popover>
  );
}
