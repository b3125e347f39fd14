import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '@kaoping/contracts/annual-report-workflow/annual-report-record';

const STATUS_COLORS: Record<ReportStatus | 'none', string> = {
  none: 'default',
  draft: 'default',
  submitted: 'processing',
  returned: 'error',
  accepted: 'success',
};

export function ReportStatusTag({ status }: { status: ReportStatus | null }) {
  const { t } = useTranslation();
  const key = status ?? 'none';
  return (
    <Tag color={STATUS_COLORS[key]} data-testid="report-status">
      {t(`reports.status.${key}`)}
    </Tag>
  );
}

const TIMELINESS_COLORS = { on_time: 'green', late: 'orange', not_due: 'default', overdue: 'red' } as const;

export function TimelinessTag({ timeliness, days }: { timeliness: keyof typeof TIMELINESS_COLORS; days: number }) {
  const { t } = useTranslation();
  return <Tag color={TIMELINESS_COLORS[timeliness]}>{t(`reports.timeliness.${timeliness}`, { days })}</Tag>;
}
