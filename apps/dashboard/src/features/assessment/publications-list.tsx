// The publications of a round: the original and each restatement with its reason, hash and
// diff against the one before (never an edit of what was published).
import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, List, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Outputs } from '../../api-types';
import { errorMessage, useTRPC } from '../../trpc';
import { useGradeLabel } from '../dashboard/use-grade-label';

type Publication = Outputs['assessment']['rounds']['publications'][number];
type UnitChange = NonNullable<Publication['diff']>['units'][number];

function DiffView({ diff }: { diff: NonNullable<Publication['diff']> }) {
  const { t } = useTranslation();
  const gradeLabel = useGradeLabel();
  const show = (s: UnitChange['before']) =>
    s === null ? '—' : `${s.final?.toFixed(2) ?? '—'} · ${s.rank ?? '—'} · ${gradeLabel(s.grade)}`;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<UnitChange>
        size="small"
        rowKey="unit"
        pagination={false}
        dataSource={diff.units}
        locale={{ emptyText: t('assessment.publications.noResultChange') }}
        columns={[
          { title: t('assessment.results.unit'), dataIndex: 'name' },
          { title: t('assessment.publications.before'), render: (_, c) => show(c.before) },
          { title: t('assessment.publications.after'), render: (_, c) => <Typography.Text strong>{show(c.after)}</Typography.Text> },
        ]}
      />
      {diff.findingsRemoved.map((f) => (
        <Typography.Text
          key={`r${f.id}`}
          delete
        >{`${t('assessment.publications.findingRemoved')} ${f.unit} ${f.indicator} ${f.description}`}</Typography.Text>
      ))}
      {diff.findingsAdded.map((f) => (
        <Typography.Text
          key={`a${f.id}`}
        >{`${t('assessment.publications.findingAdded')} ${f.unit} ${f.indicator} ${f.description}`}</Typography.Text>
      ))}
      {diff.scoresChanged.map((s) => (
        <Typography.Text
          key={`${s.unit}-${s.indicator}`}
        >{`${t('assessment.publications.scoreChanged')} ${s.unit} ${s.indicator}:${s.before ?? '—'} → ${s.after ?? '—'}`}</Typography.Text>
      ))}
      {diff.eventsAdded.map((e) => (
        <Typography.Text key={`ea${e.id}`}>{`${t('assessment.publications.eventAdded')} ${e.unit} ${e.code}`}</Typography.Text>
      ))}
      {diff.eventsRemoved.map((e) => (
        <Typography.Text key={`er${e.id}`} delete>{`${t('assessment.publications.eventRemoved')} ${e.unit} ${e.code}`}</Typography.Text>
      ))}
    </Space>
  );
}

export function PublicationsList({ roundId }: { roundId: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const list = useQuery(trpc.assessment.rounds.publications.queryOptions({ roundId }));
  if (list.error) return <Alert type="error" showIcon title={errorMessage(list.error)} />;
  return (
    <List
      loading={list.isPending}
      dataSource={[...(list.data ?? [])].reverse()}
      locale={{ emptyText: t('assessment.publications.none') }}
      data-testid="publications"
      renderItem={(p) => (
        <List.Item>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space>
              <Tag color={p.sequence === 1 ? 'blue' : 'orange'}>
                {p.sequence === 1 ? t('assessment.publications.original') : t('assessment.publications.restatement', { n: p.sequence - 1 })}
              </Tag>
              <Typography.Text>{dayjs(p.publishedAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
              <Typography.Text type="secondary">{p.publishedByName}</Typography.Text>
            </Space>
            <Descriptions size="small" column={1}>
              {p.reason && <Descriptions.Item label={t('assessment.publications.reason')}>{p.reason}</Descriptions.Item>}
              <Descriptions.Item label={t('assessment.publications.hash')}>
                <Typography.Text code copyable style={{ fontSize: 12 }}>
                  {p.contentHash}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('assessment.publications.scheme')}>
                {t('assessment.publications.schemeVersion', { version: p.schemeVersion })}
              </Descriptions.Item>
            </Descriptions>
            {p.diff && <DiffView diff={p.diff} />}
          </Space>
        </List.Item>
      )}
    />
  );
}
