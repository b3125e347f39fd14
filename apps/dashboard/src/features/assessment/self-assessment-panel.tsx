// Self-assessment (自评): the liaison scores their own unit while the round is a draft; once
// published (or for the office at any time) self-assessed and assessed scores stand side by
// side with the gap per indicator.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Input, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outputs } from '../../api-types';
import { errorMessage, useTRPC } from '../../trpc';
import { describeRule, formatPoints, inputHint } from './assessment-format';

type SelfRow = Outputs['assessment']['self']['get']['rows'][number];

function SelfInput({ row, roundId }: { row: SelfRow; roundId: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [value, setValue] = useState<string | null>(null);
  const [evidence, setEvidence] = useState<string | null>(null);
  const save = useMutation(
    trpc.assessment.self.set.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.assessment.self.get.queryKey() }),
      onError: (e) => void message.error(errorMessage(e)),
    }),
  );
  const commit = () => {
    if (value === null && evidence === null) return;
    const v = (value ?? row.selfValue ?? '').trim();
    save.mutate({ roundId, leaf: row.code, value: v === '' ? null : v, evidence: (evidence ?? row.evidence).trim() });
    setValue(null);
    setEvidence(null);
  };
  return (
    <Space>
      <Input
        size="small"
        style={{ width: 90 }}
        value={value ?? row.selfValue ?? ''}
        placeholder={inputHint(t, row.rule)}
        onChange={(e) => setValue(e.target.value)}
        onBlur={commit}
        onPressEnter={commit}
        aria-label={`self-${row.code}`}
      />
      <Input
        size="small"
        style={{ width: 220 }}
        value={evidence ?? row.evidence}
        placeholder={t('assessment.self.evidence')}
        onChange={(e) => setEvidence(e.target.value)}
        onBlur={commit}
        onPressEnter={commit}
      />
    </Space>
  );
}

export function SelfAssessmentPanel({ roundId, unitId }: { roundId: number; unitId: number | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const self = useQuery(trpc.assessment.self.get.queryOptions({ roundId, unitId }));
  if (self.error) return <Alert type="error" showIcon title={errorMessage(self.error)} />;
  const data = self.data;
  const gapTag = (gap: number | null) =>
    gap === null ? (
      '—'
    ) : gap === 0 ? (
      <Tag>0</Tag>
    ) : (
      <Tag color={gap > 0 ? 'orange' : 'blue'}>{gap > 0 ? `+${formatPoints(gap)}` : formatPoints(gap)}</Tag>
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="self-assessment">
      {data && (
        <Space size="large">
          <Statistic title={t('assessment.self.selfFinal')} value={data.selfFinal === null ? '—' : data.selfFinal.toFixed(2)} />
          <Statistic title={t('assessment.self.assessedFinal')} value={data.assessedFinal === null ? '—' : data.assessedFinal.toFixed(2)} />
          {data.canEdit && <Alert type="info" showIcon title={t('assessment.self.editHelp')} />}
          {!data.canEdit && data.assessedFinal === null && <Alert type="info" showIcon title={t('assessment.self.assessedLater')} />}
        </Space>
      )}
      <Table<SelfRow>
        size="small"
        rowKey="code"
        bordered
        loading={self.isPending}
        pagination={false}
        dataSource={data?.rows ?? []}
        columns={[
          {
            title: t('assessment.sheet.indicator'),
            dataIndex: 'name',
            render: (name: string, r) => (
              <span
                style={{ paddingLeft: (r.level - 1) * 18, fontWeight: r.level === 1 ? 600 : undefined }}
                title={r.isLeaf ? describeRule(t, r.rule, r.points) : undefined}
              >
                {r.code} {name}
              </span>
            ),
          },
          { title: t('assessment.sheet.points'), dataIndex: 'points', width: 70, align: 'right', render: (p: number) => formatPoints(p) },
          {
            title: t('assessment.self.selfValue'),
            width: 340,
            render: (_, r) => {
              if (!r.isLeaf) return null;
              if (!r.applicable) return <Typography.Text type="secondary">{t('assessment.grid.notApplicable')}</Typography.Text>;
              if (!r.needsInput) return <Typography.Text type="secondary">{t('assessment.self.automatic')}</Typography.Text>;
              if (data?.canEdit) return <SelfInput row={r} roundId={roundId} />;
              return (
                <Space orientation="vertical" size={0}>
                  <span>{r.selfValue ?? '—'}</span>
                  {r.evidence && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.evidence}
                    </Typography.Text>
                  )}
                </Space>
              );
            },
          },
          {
            title: t('assessment.self.selfEarned'),
            dataIndex: 'selfEarned',
            width: 90,
            align: 'right',
            render: (e: number | null) => formatPoints(e),
          },
          {
            title: t('assessment.self.assessedEarned'),
            dataIndex: 'assessedEarned',
            width: 90,
            align: 'right',
            render: (e: number | null) => formatPoints(e),
          },
          { title: t('assessment.self.gap'), dataIndex: 'gap', width: 80, align: 'right', render: (g: number | null) => gapTag(g) },
        ]}
      />
    </Space>
  );
}
