// The first-run checklist: shown to an admin until the office's details are confirmed, each step
// ticked from what the database already holds (org.office.setup), with a link to where it is done.
import { useQuery } from '@tanstack/react-query';
import { Card, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { setupSteps, type SetupStep } from '@kaoping/contracts/org/office';
import { useTRPC } from '../../trpc';

/** Where each step is done. */
const stepLinks: Record<SetupStep, string> = {
  office: '/settings?tab=office',
  groups: '/settings?tab=groups',
  units: '/units',
  liaisons: '/settings?tab=users',
  scheme: '/assessment/schemes',
  round: '/assessment',
};

/**
 * The overview shows it until the office's details are confirmed; 设置 › 机构信息 (`always`) keeps it
 * while steps remain. Never on the demo city, which arrives complete.
 */
export function SetupChecklist({ always = false }: { always?: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const setup = useQuery(trpc.org.office.setup.queryOptions());
  const data = setup.data;
  if (!data) return null;
  const doneCount = setupSteps.filter((s) => data.done[s]).length;
  if (data.demo || (data.setUp && (!always || doneCount === setupSteps.length))) return null;
  const next = setupSteps.find((s) => !data.done[s]);
  return (
    <Card
      size="small"
      data-testid="setup-checklist"
      title={t('onboarding.checklist.title', { year: data.year })}
      extra={
        <Typography.Text type="secondary">
          {t('onboarding.checklist.progress', { done: doneCount, total: setupSteps.length })}
        </Typography.Text>
      }
      style={{ marginBottom: 16 }}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('onboarding.checklist.help')}</Typography.Text>
        <Progress percent={Math.round((doneCount / setupSteps.length) * 100)} showInfo={false} size="small" />
        <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {setupSteps.map((step, i) => {
            const done = data.done[step];
            return (
              <li
                key={step}
                data-testid={`setup-step-${step}`}
                data-done={done ? 'yes' : 'no'}
                style={{
                  display: 'flex',
                  gap: 12,
                  alignItems: 'flex-start',
                  padding: '8px 0',
                  borderTop: i === 0 ? undefined : '1px solid #f0f0f0',
                }}
              >
                <span
                  aria-hidden
                  style={{
                    width: 22,
                    height: 22,
                    borderRadius: 11,
                    flex: 'none',
                    display: 'inline-flex',
                    alignItems: 'center',
                    justifyContent: 'center',
                    fontSize: 13,
                    color: '#fff',
                    background: done ? '#389e0d' : step === next ? '#b71c1c' : '#bfbfbf',
                  }}
                >
                  {done ? '✓' : i + 1}
                </span>
                <div style={{ flex: 1 }}>
                  <Space size={8}>
                    <Typography.Text strong={step === next}>{t(`onboarding.checklist.steps.${step}.title`)}</Typography.Text>
                    {done ? <Tag color="success">{t('onboarding.checklist.done')}</Tag> : <Tag>{t('onboarding.checklist.todo')}</Tag>}
                  </Space>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {t(`onboarding.checklist.steps.${step}.description`)}
                    </Typography.Text>
                  </div>
                </div>
                {!done && (
                  <Link to={stepLinks[step]} data-testid={`setup-go-${step}`}>
                    {t('onboarding.checklist.go')} →
                  </Link>
                )}
              </li>
            );
          })}
        </ol>
      </Space>
    </Card>
  );
}
