import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, InputNumber, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '@kaoping/contracts/units/unit-import';
import { fileToBase64 } from '../../lib/files';
import { errorMessage, useTRPC } from '../../trpc';

/** Check first (dry run), then import; problems are listed by row and column, nothing is half-written. */
export function UnitImportDialog({ defaultYear, onClose }: { defaultYear: number; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState(defaultYear);
  const run = useMutation(
    trpc.units.importFile.mutationOptions({ onSuccess: (r) => (r.ok && !r.dryRun ? queryClient.invalidateQueries() : undefined) }),
  );
  const start = async (dryRun: boolean) => {
    if (!file) return;
    run.mutate({ fileName: file.name, contentBase64: await fileToBase64(file), year, dryRun });
  };
  const result = run.data;
  return (
    <Modal open width={760} title={t('units.import')} onCancel={onClose} footer={<Button onClick={onClose}>{t('common.close')}</Button>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('units.importHelp')}</Typography.Paragraph>
        <Space wrap>
          <Upload accept=".csv,.xlsx" maxCount={1} beforeUpload={(f) => (setFile(f), run.reset(), false)} onRemove={() => setFile(null)}>
            <Button data-testid="choose-file">{t('units.chooseFile')}</Button>
          </Upload>
          <span>{t('units.importYear')}</span>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => setYear(v ?? defaultYear)} />
          <Button disabled={!file} loading={run.isPending} onClick={() => void start(true)} data-testid="import-check">
            {t('units.importCheck')}
          </Button>
          <Button type="primary" disabled={!file} loading={run.isPending} onClick={() => void start(false)} data-testid="import-run">
            {t('units.importRun')}
          </Button>
        </Space>
        {run.error && <Alert type="error" showIcon title={errorMessage(run.error)} />}
        {result?.ok && (
          <Alert
            type="success"
            showIcon
            data-testid="import-result"
            title={t(result.dryRun ? 'units.importDry' : 'units.importOk', result)}
          />
        )}
        {result && !result.ok && (
          <>
            <Alert type="error" showIcon data-testid="import-result" title={t('units.importFailed')} />
            <Table<ImportProblem>
              size="small"
              rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
              dataSource={result.problems}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('units.row'), dataIndex: 'row', width: 70, render: (r: number | null) => r ?? '—' },
                { title: t('units.column'), dataIndex: 'column', width: 90, render: (c: string | null) => c ?? '—' },
                { title: t('units.problem'), dataIndex: 'message' },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
