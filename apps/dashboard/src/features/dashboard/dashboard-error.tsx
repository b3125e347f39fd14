import { Card, Empty, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorCode, errorMessage } from '../../trpc';

/** Results are missing or the period is unknown: say so plainly; otherwise the server's message. */
export function DashboardError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (errorCode(error) === 'NOT_FOUND') {
    return (
      <Card>
        <Empty description={errorMessage(error) || t('dashboard.noResults')} data-testid="dashboard-empty" />
      </Card>
    );
  }
  return (
    <Result
      status={errorCode(error) === 'FORBIDDEN' ? '403' : 'error'}
      title={errorCode(error) === 'FORBIDDEN' ? '403' : undefined}
      subTitle={errorMessage(error)}
    />
  );
}
