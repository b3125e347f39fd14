import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NavKey } from '../navigation';

/** A page that is not built yet says so plainly and shows no invented data. */
export function PlaceholderPage({ page }: { page: Exclude<NavKey, 'units' | 'settings'> }) {
  const { t } = useTranslation();
  const name = t(`nav.${page}`);
  return (
    <Card>
      <Typography.Title level={3}>{name}</Typography.Title>
      <Alert type="info" showIcon data-testid="placeholder" title={t('placeholder.title', { page: name })} description={`${t(`placeholder.${page}`)} ${t('placeholder.body')}`} />
    </Card>
  );
}
