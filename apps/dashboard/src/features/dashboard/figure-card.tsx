import { Card, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A key figure; clicking it opens the list behind it. */
export function FigureCard({
  testId,
  title,
  value,
  suffix,
  hint,
  tone,
  onOpen,
}: {
  testId: string;
  title: string;
  value: string | number;
  suffix?: ReactNode;
  hint?: ReactNode;
  tone?: 'danger' | 'warning' | 'success';
  onOpen?: () => void;
}) {
  const color = tone === 'danger' ? '#c0392b' : tone === 'warning' ? '#d9822b' : tone === 'success' ? '#2e7d32' : undefined;
  return (
    <Card
      size="small"
      hoverable={onOpen !== undefined}
      onClick={onOpen}
      role={onOpen ? 'button' : undefined}
      tabIndex={onOpen ? 0 : undefined}
      onKeyDown={(e) => {
        if (onOpen && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          onOpen();
        }
      }}
      data-testid={testId}
      style={{ height: '100%', cursor: onOpen ? 'pointer' : undefined }}
    >
      <Statistic title={title} value={value} suffix={suffix} styles={{ content: { color, fontSize: 26 } }} />
      {hint && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      )}
    </Card>
  );
}
