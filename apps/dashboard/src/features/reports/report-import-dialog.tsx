// Paste a published report's text or upload its file; the server reads it (nothing is saved) and
// every cell read is listed beside the source line it came from, to confirm or correct before it
// fills the form.
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Input, InputNumber, Modal, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportParseOutput } from '@kaoping/contracts/annual-report-workflow/annual-report-record';
import { describeCell, findCellDefinition } from '@kaoping/domain/annual-report/template';
import { errorMessage, useTRPC } from '../../trpc';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

interface Row {
  key: string;
  section: string;
  label: string;
  value: number | null;
  line: number | null;
  text: string;
  unresolved: boolean;
}

export function ReportImportDialog({ unitId, year, onConfirm, onClose }: { unitId: number; year: number; onConfirm: (parsed: ReportParseOutput) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [mode, setMode] = useState<'paste' | 'upload'>('paste');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [onlySourced, setOnlySourced] = useState(true);
  const [edits, setEdits] = useState<Record<string, number | null>>({});
  const parse = useMutation(trpc.annualReports.parse.mutationOptions({ onSuccess: () => setEdits({}) }));
  const result = parse.data;

  const run = async () => {
    if (mode === 'paste') parse.mutate({ unitId, year, text });
    else if (file) parse.mutate({ unitId, year, fileName: file.name, contentBase64: await toBase64(file) });
  };

  const rows = useMemo<Row[]>(() => {
    if (!result) return [];
    const unresolved = new Set(result.importMeta.unresolved);
    return Object.keys(result.cells)
      .filter((k) => !onlySourced || result.sources[k] !== undefined || unresolved.has(k))
      .map((k) => ({
        key: k,
        section: findCellDefinition(k)?.section ?? '',
        label: describeCell(k),
        value: k in edits ? (edits[k] ?? null) : (result.cells[k] ?? null),
        line: result.sources[k]?.line ?? null,
        text: result.sources[k]?.text ?? '',
        unresolved: unresolved.has(k),
      }));
  }, [result, onlySourced, edits]);

  const counts = result && {
    filled: Object.values(result.cells).filter((v) => v !== null).length,
    blank: Object.values(result.cells).filter((v) => v === null).length,
    unresolved: result.importMeta.unresolved.length,
  };

  return (
    <Modal
      open
      width={1100}
      title={t('reports.importPanel.title')}
      styles={{ body: { maxHeight: 'calc(100vh - 240px)', overflowY: 'auto' } }}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" disabled={!result} onClick={() => result && onConfirm({ ...result, cells: { ...result.cells, ...edits } })} data-testid="import-confirm">
            {t('reports.importPanel.confirm')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Tabs
          activeKey={mode}
          onChange={(k) => setMode(k === 'upload' ? 'upload' : 'paste')}
          items={[
            {
              key: 'paste',
              label: t('reports.importPanel.paste'),
              children: <Input.TextArea rows={6} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('reports.importPanel.pastePlaceholder')} data-testid="import-text" />,
            },
            {
              key: 'upload',
              label: t('reports.importPanel.upload'),
              children: (
                <Upload accept=".txt,.md,.html,.htm,.docx,.pdf" maxCount={1} beforeUpload={(f) => (setFile(f), parse.reset(), false)} onRemove={() => setFile(null)}>
                  <Button data-testid="import-choose-file">{t('reports.importPanel.chooseFile')}</Button>
                </Upload>
              ),
            },
          ]}
        />
        <Space>
          <Button type="primary" ghost loading={parse.isPending} disabled={mode === 'paste' ? text.trim() === '' : !file} onClick={() => void run()} data-testid="import-parse">
            {t('reports.importPanel.parse')}
          </Button>
          <Typography.Text type="secondary">{t('reports.importPanel.nothingSaved')}</Typography.Text>
        </Space>
        {parse.error && <Alert type="error" showIcon title={errorMessage(parse.error)} data-testid="import-error" />}
        {result && counts && (
          <>
            <Alert
              type="info"
              showIcon
              data-testid="import-summary"
              title={t('reports.importPanel.found', counts)}
              description={
                <Space orientation="vertical" size={2}>
                  <span>
                    {result.importMeta.parsedUnit ?? '—'} · {result.importMeta.parsedYear ?? '—'} · {result.importMeta.parsedFormat ?? '—'} · {result.importMeta.input}
                    {result.importMeta.traditional ? ' · 繁体' : ''}
                  </span>
                  <span>{t('reports.importPanel.sectionsFound', { sections: result.importMeta.sections.join(' ') || '—' })}</span>
                  {result.publishedAt && <span>{t('reports.importPanel.publishedAt', { date: result.publishedAt })}</span>}
                </Space>
              }
            />
            {result.notes.length > 0 && <Alert type="warning" showIcon title={t('reports.importPanel.notes')} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{result.notes.map((n, i) => <li key={i}>{n}</li>)}</ul>} data-testid="import-notes" />}
            {result.importMeta.warnings.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
                {t('reports.importPanel.parserNotes')}:{result.importMeta.warnings.join(';')}
              </Typography.Paragraph>
            )}
            <Checkbox checked={onlySourced} onChange={(e) => setOnlySourced(e.target.checked)}>
              {t('reports.importPanel.onlyFilled')}
            </Checkbox>
            <Table<Row>
              size="small"
              rowKey="key"
              dataSource={rows}
              data-testid="import-cells"
              pagination={{ pageSize: 12, showSizeChanger: false }}
              columns={[
                { title: '', dataIndex: 'section', width: 40 },
                { title: t('reports.importPanel.cell'), dataIndex: 'label', width: 280, render: (label: string, r) => (r.unresolved ? <span>{label} <Tag color="orange">{t('reports.importPanel.unresolved')}</Tag></span> : label) },
                {
                  title: t('reports.importPanel.value'),
                  dataIndex: 'value',
                  width: 110,
                  render: (v: number | null, r) => <InputNumber size="small" controls={false} value={v} onChange={(nv) => setEdits((e) => ({ ...e, [r.key]: typeof nv === 'number' ? nv : null }))} style={{ width: 90 }} />,
                },
                { title: t('reports.importPanel.line'), dataIndex: 'line', width: 70, render: (l: number | null) => l ?? '—' },
                { title: t('reports.importPanel.source'), dataIndex: 'text', render: (s: string) => <Typography.Text code style={{ fontSize: 12 }}>{s}</Typography.Text> },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
