import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Segmented, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentFileKind, AssessmentImportProblem } from '@kaoping/contracts/assessment/assessment';
import { errorMessage, useTRPC } from '../../trpc';
import { fileToBase64 } from './files';

const COLUMNS: Record<AssessmentFileKind, string> = {
  scores: 'unit,period,indicator,value',
  findings: 'unit,period,indicator,count,deduction,description,url',
  events: 'unit,period,code,note',
};

/** Check first (dry run), then import; problems are listed by row and column, nothing is half-written. */
export function AssessmentImportDialog({ roundId, period, onClose }: { roundId: number; period: string; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<AssessmentFileKind>('scores');
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation(
    trpc.assessment.inputs.importFile.mutationOptions({
      onSuccess: (r) => (r.ok && !r.dryRun ? queryClient.invalidateQueries() : undefined),
    }),
  );
  const start = async (dryRun: boolean) => {
    if (!file) return;
    run.mutate({ roundId, kind, fileName: file.name, contentBase64: await fileToBase64(file), dryRun });
  };
  const result = run.data;
  return (
    <Modal
      open
      width={820}
      title={t('assessment.import.title', { period })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Segmented<AssessmentFileKind>
          value={kind}
          onChange={(k) => (setKind(k), setFile(null), run.reset())}
          options={(['scores', 'findings', 'events'] as const).map((k) => ({
            value: k,
            label: <span data-testid={`import-kind-${k}`}>{t(`assessment.import.kinds.${k}`)}</span>,
          }))}
        />
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('assessment.import.help', { columns: COLUMNS[kind], period })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t(`assessment.import.semantics.${kind}`)}</Typography.Paragraph>
        <Space wrap>
          <Upload
            key={kind}
            accept=".csv,.xlsx"
            maxCount={1}
            beforeUpload={(f) => (setFile(f), run.reset(), false)}
            onRemove={() => setFile(null)}
          >
            <Button data-testid="choose-file">{t('assessment.import.chooseFile')}</Button>
          </Upload>
          <Button disabled={!file} loading={run.isPending} onClick={() => void start(true)} data-testid="import-check">
            {t('assessment.import.check')}
          </Button>
          <Button type="primary" disabled={!file} loading={run.isPending} onClick={() => void start(false)} data-testid="import-run">
            {t('assessment.import.run')}
          </Button>
        </Space>
        {run.error && <Alert type="error" showIcon title={errorMessage(run.error)} />}
        {result?.ok && (
          <Alert
            type="success"
            showIcon
            data-testid="import-result"
            title={t(result.dryRun ? 'assessment.import.dry' : 'assessment.import.ok', {
              imported: result.imported,
              changed: result.changed,
              replaced: result.replaced,
            })}
            description={
              result.skipped.length > 0
                ? t('assessment.import.skipped', { list: result.skipped.map((s) => `${s.period} ${s.rows}`).join('、') })
                : undefined
            }
          />
        )}
        {result && !result.ok && (
          <>
            <Alert
              type="error"
              showIcon
              data-testid="import-result"
              title={t('assessment.import.failed', { count: result.problems.length })}
            />
            <Table<AssessmentImportProblem>
              size="small"
              rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
              dataSource={result.problems}
              data-testid="import-problems"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('assessment.import.row'), dataIndex: 'row', width: 70, render: (r: number | null) => r ?? '—' },
                { title: t('assessment.import.column'), dataIndex: 'column', width: 100, render: (c: string | null) => c ?? '—' },
                { title: t('assessment.import.problem'), dataIndex: 'message' },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
