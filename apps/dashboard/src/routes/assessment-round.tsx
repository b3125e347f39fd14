// One round (本季度测评): results per group with completeness, the scoring grid, the import
// dialog, publication (blocked while incomplete), corrections as restatements, objections and
// the publication record.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  Modal,
  Popconfirm,
  Progress,
  Result,
  Segmented,
  Space,
  Spin,
  Tabs,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { AssessmentImportDialog } from '../features/assessment/assessment-import-dialog';
import { ObjectionsTable } from '../features/assessment/objections';
import { PublicationsList } from '../features/assessment/publications-list';
import { RankingTable, RoundStatusTag } from '../features/assessment/ranking-table';
import { ScoringGrid } from '../features/assessment/scoring-grid';
import { errorCode, errorMessage, useTRPC } from '../trpc';
import { usePeriodLabel } from '../features/dashboard/use-period-label';
import { IssueRoundButton } from '../features/rectification/issue-round-button';

export function AssessmentRoundPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const roundId = Number(useParams().roundId);
  const [params, setParams] = useSearchParams();
  const [importing, setImporting] = useState(false);
  const [correcting, setCorrecting] = useState<{ reason: string; confirmed: boolean } | null>(null);
  const info = useQuery(trpc.assessment.rounds.get.queryOptions({ roundId }));
  const results = useQuery({ ...trpc.assessment.results.round.queryOptions({ roundId }), enabled: info.isSuccess });
  const publish = useMutation(
    trpc.assessment.rounds.publish.mutationOptions({
      onSuccess: () => (void queryClient.invalidateQueries(), void message.success(t('assessment.round.published'))),
      onError: (e) => void message.error(errorMessage(e)),
    }),
  );
  const lock = useMutation(
    trpc.assessment.rounds.lock.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(),
      onError: (e) => void message.error(errorMessage(e)),
    }),
  );

  if (info.isPending) return <Spin />;
  if (info.error) return <Result status={errorCode(info.error) === 'FORBIDDEN' ? '403' : 'error'} subTitle={errorMessage(info.error)} />;
  const { round, scheme, groups, isObjectionOpen } = info.data;
  const isAssessor = user.role === 'admin' || user.role === 'assessor';
  const isDraft = round.status === 'draft';
  const tab = params.get('tab') ?? 'results';
  const group = params.get('group') ?? groups[0]?.code ?? '';
  const setParam = (key: string, value: string) => setParams((p) => (p.set(key, value), p), { replace: true });
  const completeness = results.data?.completeness;
  const isComplete =
    completeness !== undefined &&
    completeness.units > 0 &&
    completeness.incomplete.length === 0 &&
    (results.data?.issues.length ?? 0) === 0;
  const correctionReason = correcting?.confirmed ? correcting.reason : '';
  const editable = isAssessor && (isDraft || correcting?.confirmed === true);
  const groupPicker = (
    <Segmented
      value={group}
      onChange={(v) => setParam('group', String(v))}
      options={groups.map((g) => ({ value: g.code, label: `${g.code} ${g.name}` }))}
      data-testid="group-picker"
    />
  );
  const currentGroup = results.data?.groups.find((g) => g.code === group);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Link to={`/assessment?year=${round.year}`}>{t('assessment.title')}</Link>
            <span>/</span>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="round-title">
              {round.title}
            </Typography.Title>
            <RoundStatusTag status={round.status} />
          </Space>
        }
        extra={
          isAssessor && (
            <Space>
              {isDraft && (
                <Button onClick={() => setImporting(true)} data-testid="open-import">
                  {t('assessment.round.import')}
                </Button>
              )}
              {isDraft && (
                <Popconfirm
                  title={t('assessment.round.publishConfirm')}
                  description={t('assessment.round.publishHelp')}
                  onConfirm={() => publish.mutate({ roundId, version: round.version })}
                  okButtonProps={{ 'data-testid': 'publish-confirm' }}
                >
                  <Tooltip title={isComplete ? undefined : t('assessment.round.publishBlocked')}>
                    <Button type="primary" disabled={!isComplete} loading={publish.isPending} data-testid="publish">
                      {t('assessment.round.publish')}
                    </Button>
                  </Tooltip>
                </Popconfirm>
              )}
              {!isDraft && correcting === null && (
                <Button onClick={() => setCorrecting({ reason: '', confirmed: false })}>{t('assessment.round.correct')}</Button>
              )}
              {!isDraft && correcting?.confirmed && (
                <Button onClick={() => setCorrecting(null)}>{t('assessment.round.endCorrection')}</Button>
              )}
              {user.role === 'admin' && round.status !== 'draft' && <IssueRoundButton roundId={roundId} />}
              {round.status === 'published' && !isObjectionOpen && (
                <Popconfirm title={t('assessment.round.lockConfirm')} onConfirm={() => lock.mutate({ roundId, version: round.version })}>
                  <Button loading={lock.isPending}>{t('assessment.round.lock')}</Button>
                </Popconfirm>
              )}
            </Space>
          )
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('assessment.rounds.period')}>{periodLabel(round.periodCode)}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.rounds.scheme')}>
            {scheme.code}({t(`assessment.schemes.status.${scheme.status}`)})
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.rounds.kind')}>{t(`assessment.kinds.${round.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.rounds.publishedAt')}>
            {round.publishedAt ? dayjs(round.publishedAt).format('YYYY-MM-DD HH:mm') : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.rounds.objectionDeadline')}>{round.objectionDeadline ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.round.completeness')}>
            {completeness ? (
              <Space>
                <Progress
                  percent={completeness.units === 0 ? 0 : Math.floor((completeness.complete / completeness.units) * 100)}
                  size="small"
                  style={{ width: 120 }}
                  status={isComplete ? 'success' : 'active'}
                />
                <span data-testid="completeness">
                  {t('assessment.round.completeCount', { complete: completeness.complete, units: completeness.units })}
                </span>
              </Space>
            ) : (
              '—'
            )}
          </Descriptions.Item>
        </Descriptions>
        {!isDraft && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 8 }}
            title={t('assessment.round.frozen', { hash: results.data?.publication?.contentHash.slice(0, 12) ?? '' })}
          />
        )}
        {correcting?.confirmed && (
          <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('assessment.round.correcting', { reason: correcting.reason })} />
        )}
        {results.data && results.data.issues.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 8 }}
            title={t('assessment.grid.issues')}
            description={results.data.issues.slice(0, 5).join(';')}
          />
        )}
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParam('tab', k)}
          items={[
            {
              key: 'results',
              label: t('assessment.round.results'),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {groupPicker}
                  {results.error && <Alert type="error" showIcon title={errorMessage(results.error)} />}
                  {results.data?.source === 'live' && <Typography.Text type="secondary">{t('assessment.round.liveHelp')}</Typography.Text>}
                  <RankingTable roundId={roundId} rows={currentGroup?.rows ?? []} loading={results.isFetching} />
                </Space>
              ),
            },
            {
              key: 'grid',
              label: t('assessment.round.grid'),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {groupPicker}
                  <Typography.Text type="secondary">{t('assessment.grid.help')}</Typography.Text>
                  <ScoringGrid key={group} roundId={roundId} group={group} editable={editable} correctionReason={correctionReason} />
                </Space>
              ),
            },
            {
              key: 'objections',
              label: t('assessment.round.objections'),
              children: <ObjectionsTable roundId={roundId} canDecide={isAssessor} />,
            },
            { key: 'publications', label: t('assessment.round.publications'), children: <PublicationsList roundId={roundId} /> },
          ]}
        />
      </Card>
      {importing && <AssessmentImportDialog roundId={roundId} period={round.periodCode} onClose={() => setImporting(false)} />}
      {correcting && !correcting.confirmed && (
        <Modal
          open
          title={t('assessment.round.correctTitle')}
          okButtonProps={{ disabled: correcting.reason.trim().length < 2 }}
          onOk={() => setCorrecting({ reason: correcting.reason.trim(), confirmed: true })}
          onCancel={() => setCorrecting(null)}
        >
          <Typography.Paragraph>{t('assessment.round.correctHelp')}</Typography.Paragraph>
          <Input.TextArea
            rows={3}
            value={correcting.reason}
            onChange={(e) => setCorrecting({ ...correcting, reason: e.target.value })}
            placeholder={t('assessment.round.correctReason')}
          />
        </Modal>
      )}
    </Space>
  );
}
