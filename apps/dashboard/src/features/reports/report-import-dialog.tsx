// Paste a published report's text or upload its file; the server reads it (nothing is saved) and
// every cell read is listed beside the source line it came from, to confirm or correct before it
// fills the form.
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Input, InputNumber, message, Modal, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_PARSE_MAX_BYTES, type ReportParseOutput } from '@kaoping/contracts/annual-report-workflow/annual-report-record';
import { describeCell, findCellDefinition } from '@kaoping/domain/annual-report/template';
import { fileSizeProblem } from '../../lib/files';
import { errorMessage, useTRPC } from '../../trpc';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

type Provenance = 'read' | 'rule' | 'unresolved' | 'blank';

interface Row {
  key: string;
  section: string;
  label: string;
  value: number | null;
  line: number | null;
  text: string;
  span: readonly [number, number] | null;
  provenance: Provenance;
  unresolved: boolean;
}

/** Row colours: read as printed, settled by the hard rules, unresolved, blank in the source. */
const PROVENANCE_COLOR: Record<Provenance, { tag: string; background: string }> = {
  read: { tag: 'green', background: '#f6ffed' },
  rule: { tag: 'blue', background: '#e6f4ff' },
  unresolved: { tag: 'orange', background: '#fff7e6' },
  blank: { tag: 'default', background: 'transparent' },
};

/** The source text with the digits of the cell marked. */
function SourceText({ text, span, active }: { text: string; span: readonly [number, number] | null; active: boolean }) {
  if (!span || span[1] > text.length)
    return (
      <Typography.Text code style={{ fontSize: 12 }}>
        {text}
      </Typography.Text>
    );
  return (
    <Typography.Text code style={{ fontSize: 12 }}>
      {text.slice(0, span[0])}
      <mark
        data-testid={active ? 'import-source-mark' : undefined}
        style={{ background: active ? '#ffd666' : '#fff1b8', padding: 0, fontWeight: active ? 700 : 400 }}
      >
        {text.slice(span[0], span[1])}
      </mark>
      {text.slice(span[1])}
    </Typography.Text>
  );
}

export function ReportImportDialog({
  unitId,
  year,
  onConfirm,
  onClose,
}: {
  unitId: number;
  year: number;
  onConfirm: (parsed: ReportParseOutput) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [mode, setMode] = useState<'paste' | 'upload'>('paste');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [onlySourced, setOnlySourced] = useState(true);
  const [edits, setEdits] = useState<Record<string, number | null>>({});
  const [active, setActive] = useState<string | null>(null);
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
      .map((k) => {
        const source = result.sources[k];
        const provenance: Provenance = unresolved.has(k)
          ? 'unresolved'
          : result.cells[k] === null
            ? 'blank'
            : source?.settled === 'rule'
              ? 'rule'
              : 'read';
        return {
          key: k,
          section: findCellDefinition(k)?.section ?? '',
          label: describeCell(k),
          value: k in edits ? (edits[k] ?? null) : (result.cells[k] ?? null),
          line: source?.line ?? null,
          text: source?.text ?? '',
          span: source?.span ?? null,
          provenance,
          unresolved: unresolved.has(k),
        };
      });
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
          <Button
            type="primary"
            disabled={!result}
            onClick={() => result && onConfirm({ ...result, cells: { ...result.cells, ...edits } })}
            data-testid="import-confirm"
          >
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
              children: (
                <Input.TextArea
                  rows={6}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  placeholder={t('reports.importPanel.pastePlaceholder')}
                  data-testid="import-text"
                />
              ),
            },
            {
              key: 'upload',
              label: t('reports.importPanel.upload'),
              children: (
                <Upload
                  accept=".txt,.md,.html,.htm,.docx,.pdf"
                  maxCount={1}
                  beforeUpload={(f) => {
                    const tooBig = fileSizeProblem(f, REPORT_PARSE_MAX_BYTES);
                    if (tooBig) {
                      void message.error(tooBig);
                      return Upload.LIST_IGNORE;
                    }
                    setFile(f);
                    parse.reset();
                    return false;
                  }}
                  onRemove={() => setFile(null)}
                >
                  <Button data-testid="import-choose-file">{t('reports.importPanel.chooseFile')}</Button>
                </Upload>
              ),
            },
          ]}
        />
        <Space>
          <Button
            type="primary"
            ghost
            loading={parse.isPending}
            disabled={mode === 'paste' ? text.trim() === '' : !file}
            onClick={() => void run()}
            data-testid="import-parse"
          >
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
                    {result.importMeta.parsedUnit ?? '—'} · {result.importMeta.parsedYear ?? '—'} · {result.importMeta.parsedFormat ?? '—'}{' '}
                    · {result.importMeta.input}
                    {result.importMeta.traditional ? ' · 繁体' : ''}
                  </span>
                  <span>{t('reports.importPanel.sectionsFound', { sections: result.importMeta.sections.join(' ') || '—' })}</span>
                  {result.publishedAt && <span>{t('reports.importPanel.publishedAt', { date: result.publishedAt })}</span>}
                </Space>
              }
            />
            {result.notes.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t('reports.importPanel.notes')}
                description={
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {result.notes.map((n, i) => (
                      <li key={i}>{n}</li>
                    ))}
                  </ul>
                }
                data-testid="import-notes"
              />
            )}
            {result.importMeta.warnings.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
                {t('reports.importPanel.parserNotes')}:{result.importMeta.warnings.join(';')}
              </Typography.Paragraph>
            )}
            <Space wrap>
              <Checkbox checked={onlySourced} onChange={(e) => setOnlySourced(e.target.checked)}>
                {t('reports.importPanel.onlyFilled')}
              </Checkbox>
              <span data-testid="import-legend">
                {(['read', 'rule', 'unresolved', 'blank'] as const).map((p) => (
                  <Tag key={p} color={PROVENANCE_COLOR[p].tag}>
                    {t(`reportReview.provenance.${p}`)} {rows.filter((r) => r.provenance === p).length}
                  </Tag>
                ))}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('reportReview.provenance.hint')}
              </Typography.Text>
            </Space>
            <div
              data-testid="import-source-preview"
              style={{ minHeight: 44, padding: '6px 10px', border: '1px solid #f0f0f0', borderRadius: 6, background: '#fafafa' }}
            >
              {(() => {
                const row = rows.find((r) => r.key === active);
                if (!row) return <Typography.Text type="secondary">{t('reportReview.provenance.hint')}</Typography.Text>;
                if (row.line === null)
                  return (
                    <Typography.Text type="secondary">
                      {row.label}: {t('reportReview.provenance.none')}
                    </Typography.Text>
                  );
                return (
                  <Space orientation="vertical" size={2}>
                    <Typography.Text strong>
                      {row.label} · {t('reportReview.provenance.line', { line: row.line })} ·{' '}
                      <Tag color={PROVENANCE_COLOR[row.provenance].tag}>{t(`reportReview.provenance.${row.provenance}`)}</Tag>
                    </Typography.Text>
                    <SourceText text={row.text} span={row.span} active />
                  </Space>
                );
              })()}
            </div>
            <Table<Row>
              size="small"
              rowKey="key"
              dataSource={rows}
              data-testid="import-cells"
              pagination={{ pageSize: 12, showSizeChanger: false }}
              onRow={(r) =>
                ({
                  onMouseEnter: () => setActive(r.key),
                  onFocus: () => setActive(r.key),
                  'data-provenance': r.provenance,
                  style: { background: r.key === active ? '#fffbe6' : PROVENANCE_COLOR[r.provenance].background },
                }) as React.HTMLAttributes<HTMLTableRowElement>
              }
              columns={[
                { title: '', dataIndex: 'section', width: 40 },
                {
                  title: t('reports.importPanel.cell'),
                  dataIndex: 'label',
                  width: 300,
                  render: (label: string, r) => (
                    <span>
                      {label}{' '}
                      <Tag color={PROVENANCE_COLOR[r.provenance].tag}>
                        {r.unresolved ? t('reports.importPanel.unresolved') : t(`reportReview.provenance.${r.provenance}`)}
                      </Tag>
                    </span>
                  ),
                },
                {
                  title: t('reports.importPanel.value'),
                  dataIndex: 'value',
                  width: 110,
                  render: (v: number | null, r) => (
                    <InputNumber
                      size="small"
                      controls={false}
                      value={v}
                      onChange={(nv) => setEdits((e) => ({ ...e, [r.key]: typeof nv === 'number' ? nv : null }))}
                      style={{ width: 90 }}
                    />
                  ),
                },
                { title: t('reports.importPanel.line'), dataIndex: 'line', width: 70, render: (l: number | null) => l ?? '—' },
                {
                  title: t('reports.importPanel.source'),
                  dataIndex: 'text',
                  render: (s: string, r) => <SourceText text={s} span={r.span} active={r.key === active} />,
                },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
