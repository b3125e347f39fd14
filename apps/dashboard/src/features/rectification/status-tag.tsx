import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RectificationStatus } from '@kaoping/contracts/rectification/rectification-status';

const colors: Record<RectificationStatus, string> = {
  issued: 'blue',
  acknowledged: 'geekblue',
  in_progress: 'processing',
  submitted: 'purple',
  explanation_submitted: 'purple',
  returned: 'orange',
  closed: 'green',
  explained: 'cyan',
  cancelled: 'default',
};

/** A status in the UI's language (the contracts' Chinese labels are the server's, for documents). */
export function StatusTag({ status }: { status: RectificationStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`rectification.statuses.${status}`)}</Tag>;
}
