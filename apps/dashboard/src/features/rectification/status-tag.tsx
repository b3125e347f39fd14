import { Tag } from 'antd';
import { rectificationStatusLabelsZh, type RectificationStatus } from '@kaoping/contracts/rectification/rectification-status';

const colors: Record<RectificationStatus, string> = {
  issued: 'blue', acknowledged: 'geekblue', in_progress: 'processing', submitted: 'purple', explanation_submitted: 'purple',
  returned: 'orange', closed: 'green', explained: 'cyan', cancelled: 'default',
};

export function StatusTag({ status }: { status: RectificationStatus }) {
  return <Tag color={colors[status]}>{rectificationStatusLabelsZh[status]}</Tag>;
}
