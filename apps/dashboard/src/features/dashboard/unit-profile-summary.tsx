// A strip on the unit page (routes/unit-detail.tsx): the unit's latest published result and the
// way to its profile (单位画像).
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../../trpc';
import { formatPeriod, formatScore, profilePath } from './dashboard-format';
import { GradeTag, Movement } from './dashboard-tags';

export function UnitProfileSummary({ unitId }: { unitId: number }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const summary = useQuery(trpc.dashboard.unitSummary.queryOptions({ unitId, period: null }));
  const r = summary.data?.result ?? null;
  return (
    <Card size="small" data-testid="unit-profile-summary">
      <Space wrap size="large" style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap size="middle">
          <Typography.Text strong>{t('dashboard.profile.title')}</Typography.Text>
          {r ? (
            <>
              <Typography.Text type="secondary">{formatPeriod(r.period, i18n.language)}</Typography.Text>
              <Typography.Text>{`${formatScore(r.final)} ${t('charts.scoreUnit')}`}</Typography.Text>
              <Typography.Text>
                {r.rank === null ? t('dashboard.unranked') : t('dashboard.rankOf', { rank: r.rank, count: r.group.ranked })}
              </Typography.Text>
              <Movement delta={r.rankDelta} />
              <GradeTag grade={r.grade} />
            </>
          ) : (
            summary.isSuccess && <Typography.Text type="secondary">{t('dashboard.profile.notAssessed')}</Typography.Text>
          )}
        </Space>
        <Link to={profilePath(unitId)}>
          <Button type="primary" data-testid="open-unit-profile">
            {t('dashboard.profile.open')}
          </Button>
        </Link>
      </Space>
    </Card>
  );
}
