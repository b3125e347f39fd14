// One unit in one round: the score sheet as published (指标 / 分值 / 得分 / 失分原因 / 整改情况),
// its events and findings with evidence, the 申诉 button for the unit's liaison, and the
// self-assessment side by side. `selfOnly`: the liaison's self-assessment of a draft round.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, List, Result, Row, Space, Spin, Statistic, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { formatPoints, type SheetOutput } from '../features/assessment/assessment-format';
import { EventsEditor } from '../features/assessment/events-editor';
import { ObjectionFileDialog, ObjectionStatusTag } from '../features/assessment/objections';
import { GradeTag, RankDelta, RoundStatusTag } from '../features/assessment/ranking-table';
import { rectificationText, ScoreSheetTable } from '../features/assessment/score-sheet';
import { ScreenshotButton } from '../features/assessment/screenshot-button';
import { SelfAssessmentPanel } from '../features/assessment/self-assessment-panel';
import { errorCode, errorMessage, useTRPC } from '../trpc';

type Finding = SheetOutput['findings'][number];

function FindingsList({ sheet, canObject }: { sheet: SheetOutput; canObject: boolean }) {
  const { t } = useTranslation();
  const [objecting, setObjecting] = useState<Finding | null>(null);
  return (
    <>
      <List
        size="small"
        bordered
        dataSource={sheet.findings}
        locale={{ emptyText: t('assessment.findings.none') }}
        data-testid="unit-findings"
        renderItem={(f) => (
          <List.Item
            id={`finding-${f.id}`}
            actions={
              canObject && f.status === 'active' && f.objection === null
                ? [
                    <Button key="object" size="small" onClick={() => setObjecting(f)} data-testid={`object-${f.id}`}>
                      {t('assessment.objections.file')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <Tag>{f.leaf}</Tag>
                <Typography.Text delete={f.status === 'withdrawn'}>{f.description}</Typography.Text>
                <Tag>{t('assessment.findings.count', { count: f.count })}</Tag>
                {f.points !== null && <Tag color="red">−{formatPoints(f.points)}</Tag>}
                {f.status === 'withdrawn' && <Tag>{t('assessment.findings.withdrawn')}</Tag>}
                {f.objection && <ObjectionStatusTag status={f.objection.status} />}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {f.url && (
                  <a href={f.url} target="_blank" rel="noreferrer">
                    {f.url}
                  </a>
                )}
                {f.seenAt && ` · ${t('assessment.findings.seenAtShort', { at: dayjs(f.seenAt).format('YYYY-MM-DD HH:mm') })}`}
                {f.rectification && ` · ${rectificationText(t, f.rectification)}`}
              </Typography.Text>
              {f.hasScreenshot && <ScreenshotButton findingId={f.id} />}
              {f.withdrawnReason && (
                <Typography.Text
                  type="secondary"
                  style={{ fontSize: 12 }}
                >{`${t('assessment.findings.withdrawnReason')}:${f.withdrawnReason}`}</Typography.Text>
              )}
              {f.objection && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {`${t('assessment.objections.text')}:${f.objection.text}`}
                  {f.objection.reason ? ` · ${t('assessment.objections.decision')}:${f.objection.reason}` : ''}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
      {objecting && <ObjectionFileDialog finding={objecting} onClose={() => setObjecting(null)} />}
    </>
  );
}

export function AssessmentUnitPage({ user, selfOnly = false }: { user: SessionUser; selfOnly?: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const params = useParams();
  const location = useLocation();
  const roundId = Number(params.roundId);
  const unitId = selfOnly ? (user.unitId ?? 0) : Number(params.unitId);
  const info = useQuery(trpc.assessment.rounds.get.queryOptions({ roundId }));
  const sheet = useQuery({ ...trpc.assessment.results.sheet.queryOptions({ roundId, unitId }), enabled: !selfOnly });
  const [tab, setTab] = useState(selfOnly ? 'self' : 'sheet');
  useEffect(() => {
    if (!sheet.data || !location.hash) return;
    document.getElementById(location.hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [sheet.data, location.hash]);

  if (info.isPending) return <Spin />;
  if (info.error) return <Result status="error" subTitle={errorMessage(info.error)} />;
  const { round, isObjectionOpen } = info.data;
  const isLiaison = user.role === 'liaison';
  const isAssessor = user.role === 'admin' || user.role === 'assessor';

  if (selfOnly) {
    return (
      <Card
        title={
          <Space>
            <Link to="/assessment">{t('assessment.title')}</Link>
            <span>/</span>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('assessment.self.title', { period: round.periodCode })}
            </Typography.Title>
            <RoundStatusTag status={round.status} />
          </Space>
        }
      >
        <SelfAssessmentPanel roundId={roundId} unitId={null} />
      </Card>
    );
  }
  if (sheet.isPending) return <Spin />;
  if (sheet.error) {
    const code = errorCode(sheet.error);
    return (
      <Result
        status={code === 'FORBIDDEN' ? '403' : code === 'NOT_FOUND' ? '404' : 'error'}
        subTitle={errorMessage(sheet.error)}
        data-testid="sheet-error"
        extra={
          isLiaison && round.status === 'draft' ? (
            <Link to={`/assessment/rounds/${roundId}/self`}>{t('assessment.rounds.selfAssess')}</Link>
          ) : undefined
        }
      />
    );
  }
  const s = sheet.data;
  const r = s.result;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Link to={isLiaison ? '/assessment' : `/assessment/rounds/${roundId}?group=${s.unit.group}`}>{round.title}</Link>
            <span>/</span>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="sheet-unit">
              {s.unit.name}
            </Typography.Title>
            <Tag>{`${s.unit.group} ${s.unit.groupName}`}</Tag>
            <RoundStatusTag status={round.status} />
          </Space>
        }
      >
        <Row gutter={24}>
          <Col>
            <Statistic
              title={t('assessment.results.score')}
              value={r.final === null ? '—' : r.final.toFixed(2)}
              valueStyle={{ color: '#b71c1c' }}
            />
          </Col>
          <Col>
            <Statistic
              title={t('assessment.results.rank')}
              value={r.rank === null ? '—' : `${r.rank} / ${s.groupSize}`}
              suffix={<RankDelta delta={r.rankDelta} />}
            />
          </Col>
          <Col>
            <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 4 }}>{t('assessment.results.grade')}</div>
            <GradeTag grade={r.grade} isQuotaDemoted={r.isQuotaDemoted} />
          </Col>
          <Col flex="auto">
            <EventsEditor
              sheet={s}
              schemeId={info.data.scheme.id}
              canEdit={isAssessor && round.status === 'draft'}
              isDraft={round.status === 'draft'}
            />
          </Col>
        </Row>
        {s.publication && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('assessment.sheet.publication', {
              at: dayjs(s.publication.publishedAt).format('YYYY-MM-DD HH:mm'),
              hash: s.publication.contentHash.slice(0, 12),
              n: s.publication.sequence - 1,
            })}
          </Typography.Paragraph>
        )}
        {!s.publication && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('assessment.sheet.draft')} />}
        {isLiaison && round.status === 'published' && (
          <Alert
            type={isObjectionOpen ? 'info' : 'warning'}
            showIcon
            style={{ marginTop: 12 }}
            title={
              isObjectionOpen
                ? t('assessment.sheet.objectionOpen', { deadline: round.objectionDeadline })
                : t('assessment.sheet.objectionClosed', { deadline: round.objectionDeadline })
            }
          />
        )}
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'sheet',
              label: t('assessment.sheet.title'),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <ScoreSheetTable sheet={s} />
                  <Typography.Title level={5}>{t('assessment.sheet.findings')}</Typography.Title>
                  <FindingsList sheet={s} canObject={isLiaison && isObjectionOpen} />
                </Space>
              ),
            },
            {
              key: 'self',
              label: t('assessment.self.compare'),
              children: <SelfAssessmentPanel roundId={roundId} unitId={isLiaison ? null : unitId} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
