import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PresentationDeck } from '../features/presentation/presentation-deck';
import { usePeriodOptions } from '../features/bulletin/use-bulletin-period';
import { DueDateProblems } from '../features/bulletin/due-date-problems';
import { errorMessage, useTRPC } from '../trpc';

/** 演示模式: choose a published period, then page through the meeting's slides full screen with the keyboard. */
export function PresentationPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const { periods, options, period } = usePeriodOptions(search.get('period'));
  const meeting = useQuery({ ...trpc.bulletin.get.queryOptions({ period: period ?? '' }), enabled: period !== null });
  const [isPresenting, setPresenting] = useState(false);
  const startRef = useRef<HTMLButtonElement>(null);
  const stop = useCallback(() => setPresenting(false), []);
  useEffect(() => {
    if (!isPresenting) startRef.current?.focus();
  }, [isPresenting, meeting.isSuccess]);

  if (isPresenting && meeting.data) return <PresentationDeck data={meeting.data} onExit={stop} />;
  return (
    <Card style={{ maxWidth: 880 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('meeting.presentation.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('meeting.presentation.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('meeting.presentation.keys')}</Typography.Paragraph>
      {periods.isSuccess && options.length === 0 && <Alert type="info" showIcon title={t('meeting.noPeriods')} />}
      {meeting.isError && <Alert type="error" showIcon title={errorMessage(meeting.error)} style={{ marginBottom: 16 }} />}
      {meeting.data && meeting.data.dueDateProblems.length > 0 && (
        <div style={{ marginBottom: 16 }}>
          <DueDateProblems
            problems={meeting.data.dueDateProblems}
            issueDate={meeting.data.content.issueDate}
            title={t('meeting.presentation.dueWarning')}
            testId="presentation-due-problems"
          />
        </div>
      )}
      <Space wrap>
        <span>{t('meeting.period')}</span>
        <Select
          style={{ width: 260 }}
          value={period}
          options={options}
          loading={periods.isPending}
          onChange={(value: string) => setSearch({ period: value })}
          data-testid="presentation-period"
          aria-label={t('meeting.period')}
        />
        <Button
          ref={startRef}
          type="primary"
          size="large"
          disabled={!meeting.data}
          loading={meeting.isFetching}
          onClick={() => setPresenting(true)}
          data-testid="presentation-start"
        >
          {t('meeting.presentation.start')}
        </Button>
        <Button onClick={() => void navigate(`/bulletin${period ? `?period=${period}` : ''}`)} data-testid="presentation-to-bulletin">
          {t('meeting.presentation.openBulletin')}
        </Button>
      </Space>
    </Card>
  );
}
