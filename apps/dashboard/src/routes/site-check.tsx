// 网站检查 (/site-check): runs and their progress, the city-wide table and trend, the problem review
// that turns problems into findings, and (office only) the settings.
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { SiteCheckCity } from '../features/site-check/site-check-city';
import { SiteCheckProblems } from '../features/site-check/site-check-problems';
import { SiteCheckRuns } from '../features/site-check/site-check-runs';
import { SiteCheckSettings } from '../features/site-check/site-check-settings';

export function SiteCheckPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const canRun = user.role === 'admin' || user.role === 'assessor';
  return (
    <div data-testid="site-check-page">
      <Typography.Title level={3}>{t('siteCheck.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('siteCheck.intro')}</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'runs', label: t('siteCheck.tabs.runs'), children: <SiteCheckRuns canRun={canRun} /> },
          { key: 'city', label: t('siteCheck.tabs.city'), children: <SiteCheckCity /> },
          { key: 'problems', label: t('siteCheck.tabs.problems'), children: <SiteCheckProblems canReview={canRun} /> },
          ...(user.role === 'admin' ? [{ key: 'settings', label: t('siteCheck.tabs.settings'), children: <SiteCheckSettings /> }] : []),
        ]}
      />
    </div>
  );
}
