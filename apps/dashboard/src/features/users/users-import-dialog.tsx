import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '@kaoping/contracts/units/unit-import';
import { downloadBase64, fileToBase64 } from '../../lib/files';
import { errorMessage, useTRPC } from '../../trpc';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Users from .xlsx: all or nothing, problems by row and column; the passwords sheet downloads on success. */
export function UsersImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation(
    trpc.users.importFile.mutationOptions({
      onSuccess: (r) => {
        if (!r.ok) return;
        if (r.xlsxBase64) downloadBase64(r.fileName, r.xlsxBase64, XLSX);
        void queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
      },
    }),
  );
  const start = async () => {
    if (file) run.mutate({ fileName: file.name, contentBase64: await fileToBase64(file) });
  };
  const result = run.data;
  return (
    <Modal
      open
      width={760}
      title={t('accounts.users.import')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('accounts.users.importHelp')}</Typography.Paragraph>
        <Space wrap>
          <Upload accept=".xlsx,.csv" maxCount={1} beforeUpload={(f) => (setFile(f), run.reset(), false)} onRemove={() => setFile(null)}>
            <Button data-testid="users-choose-file">{t('accounts.users.chooseFile')}</Button>
          </Upload>
          <Button type="primary" disabled={!file} loading={run.isPending} onClick={() => void start()} data-testid="users-import-run">
            {t('accounts.users.importRun')}
          </Button>
        </Space>
        {run.error && <Alert type="error" showIcon title={errorMessage(run.error)} />}
        {result?.ok && (
          <Alert
            type="success"
            showIcon
            data-testid="users-import-result"
            title={t('accounts.users.importDone', { count: result.created.length })}
          />
        )}
        {result && !result.ok && (
          <>
            <Alert type="error" showIcon data-testid="users-import-result" title={t('accounts.users.importFailed')} />
            <Table<ImportProblem>
              size="small"
              data-testid="users-import-problems"
              rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
              dataSource={result.problems}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('accounts.users.row'), dataIndex: 'row', width: 70, render: (r: number | null) => r ?? '—' },
                { title: t('accounts.users.column'), dataIndex: 'column', width: 100, render: (c: string | null) => c ?? '—' },
                { title: t('accounts.users.problem'), dataIndex: 'message' },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
