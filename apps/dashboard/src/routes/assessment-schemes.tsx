// 考核方案: each year's scheme with its indicator tree, rules, vetoes, bonus, major deductions
// and grading; edit in a form (tree, rule kinds, parts) or as JSON, both checked live by the server's
// validation, with a diff against last year; import scheme.json or the office's own 考核细则 (.xlsx/.docx,
// reviewed before it is saved); export as scheme.json or the published 考核细则 (.docx/.xlsx); copy to next year.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Input, List, Modal, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { schemeToText } from '@kaoping/domain/scheme-editor/scheme-editor';
import { validateSchemeText } from '@kaoping/domain/scoring/validate-scheme-text';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { Outputs } from '../api-types';
import { describeRule, formatPoints } from '../features/assessment/assessment-format';
import { downloadText } from '../features/assessment/files';
import { downloadBase64 } from '../lib/files';
import { SchemeDiffPanel } from '../features/scheme-editor/scheme-diff-panel';
import { SchemeDocumentImport } from '../features/scheme-editor/scheme-document-import';
import { SchemeFormEditor } from '../features/scheme-editor/scheme-form-editor';
import { parseForForm } from '../features/scheme-editor/parse-for-form';
import { errorMessage, useTRPC } from '../trpc';
import { useGradeLabel } from '../features/dashboard/use-grade-label';

type SchemeRow = Outputs['assessment']['schemes']['list'][number];
type SchemeNode = Outputs['assessment']['schemes']['get']['nodes'][number];

function ImportDialog({
  replacing,
  previous,
  initialTab,
  onClose,
}: {
  replacing: SchemeRow | null;
  previous: SchemeRow | null;
  initialTab: 'form' | 'json';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [json, setJson] = useState('');
  const [tab, setTab] = useState<'form' | 'json'>(initialTab);
  // Last year's scheme, for the diff: a new year starts from it.
  const previousText = useQuery({ ...trpc.assessment.schemes.export.queryOptions({ id: previous?.id ?? 0 }), enabled: previous !== null });
  const previousScheme = useMemo(() => (previousText.data ? parseForForm(previousText.data.json) : null), [previousText.data]);
  const formValue = useMemo(() => parseForForm(json), [json]);
  // Editing a draft starts from its current text.
  const current = useQuery({ ...trpc.assessment.schemes.export.queryOptions({ id: replacing?.id ?? 0 }), enabled: replacing !== null });
  useEffect(() => {
    if (current.data && json === '') setJson(current.data.json);
  }, [current.data, json]);
  // The same validation as the server's, as the office types: problems name the node.
  const live = useMemo(() => (json.trim() === '' ? null : validateSchemeText(json)), [json]);
  const run = useMutation(
    trpc.assessment.schemes.import.mutationOptions({ onSuccess: (r) => (r.ok ? void queryClient.invalidateQueries() : undefined) }),
  );
  const result = run.data;
  return (
    <Modal
      open
      width={1180}
      title={replacing ? t('assessment.schemes.replace', { code: replacing.code }) : t('assessment.schemes.import')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('assessment.schemes.importHelp')}</Typography.Text>
        <Upload accept=".json" maxCount={1} showUploadList={false} beforeUpload={(f) => (void f.text().then(setJson), false)}>
          <Button>{t('assessment.schemes.chooseFile')}</Button>
        </Upload>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k === 'form' ? 'form' : 'json')}
          items={[
            {
              key: 'form',
              label: t('schemeEditor.tabs.form'),
              children: formValue ? (
                <SchemeFormEditor scheme={formValue} onChange={(next) => setJson(schemeToText(next))} />
              ) : (
                <Alert
                  type="warning"
                  showIcon
                  title={json.trim() === '' ? '—' : t('assessment.schemes.invalid')}
                  description={
                    live && !live.ok ? (
                      <List size="small" dataSource={live.problems.slice(0, 5)} renderItem={(p) => <List.Item>{p}</List.Item>} />
                    ) : undefined
                  }
                  data-testid="scheme-form-unavailable"
                />
              ),
            },
            {
              key: 'json',
              label: t('schemeEditor.tabs.json'),
              children: (
                <Input.TextArea
                  rows={12}
                  value={json}
                  onChange={(e) => setJson(e.target.value)}
                  style={{ fontFamily: 'monospace', fontSize: 12 }}
                  data-testid="scheme-json"
                />
              ),
            },
          ]}
        />
        {previousScheme && formValue && <SchemeDiffPanel before={previousScheme} after={formValue} />}
        {live &&
          !run.data &&
          (live.ok ? (
            <Alert type="success" showIcon title={t('assessment.schemes.liveOk')} data-testid="scheme-live-ok" />
          ) : (
            <Alert
              type="warning"
              showIcon
              title={t('assessment.schemes.liveProblems', { count: live.problems.length })}
              description={<List size="small" dataSource={live.problems.slice(0, 20)} renderItem={(p) => <List.Item>{p}</List.Item>} />}
              data-testid="scheme-live-problems"
            />
          ))}
        <Button
          type="primary"
          disabled={json.trim() === '' || (live !== null && !live.ok)}
          loading={run.isPending}
          onClick={() => run.mutate({ json, version: replacing?.version ?? null })}
          data-testid="scheme-import-run"
        >
          {t('assessment.schemes.validateImport')}
        </Button>
        {run.error && <Alert type="error" showIcon title={errorMessage(run.error)} />}
        {result?.ok && (
          <Alert
            type="success"
            showIcon
            title={t(result.created ? 'assessment.schemes.created' : 'assessment.schemes.replaced', {
              code: result.scheme.code,
              version: result.scheme.version,
            })}
          />
        )}
        {result && !result.ok && (
          <Alert
            type="error"
            showIcon
            title={t('assessment.schemes.invalid')}
            description={<List size="small" dataSource={result.problems} renderItem={(p) => <List.Item>{p}</List.Item>} />}
            data-testid="scheme-problems"
          />
        )}
      </Space>
    </Modal>
  );
}

function SchemeView({ id }: { id: number }) {
  const { t } = useTranslation();
  const gradeLabel = useGradeLabel();
  const trpc = useTRPC();
  const scheme = useQuery(trpc.assessment.schemes.get.queryOptions({ id }));
  if (scheme.error) return <Alert type="error" showIcon title={errorMessage(scheme.error)} />;
  const s = scheme.data;
  const applies = (n: SchemeNode) =>
    [
      n.appliesTo?.groups?.length ? t('assessment.schemes.groupsOnly', { groups: n.appliesTo.groups.join('、') }) : '',
      n.appliesTo?.tags?.length ? t('assessment.schemes.tagsOnly', { tags: n.appliesTo.tags.join('、') }) : '',
    ]
      .filter(Boolean)
      .join(';');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<SchemeNode>
        size="small"
        rowKey="code"
        bordered
        loading={scheme.isPending}
        pagination={false}
        dataSource={s?.nodes ?? []}
        data-testid="scheme-tree"
        columns={[
          {
            title: t('assessment.sheet.indicator'),
            dataIndex: 'name',
            render: (name: string, n) => (
              <span style={{ paddingLeft: (n.level - 1) * 18, fontWeight: n.level === 1 ? 600 : undefined }}>
                {n.code} {name}
                {n.pooledDeductions && <Tag style={{ marginLeft: 6 }}>{t('assessment.schemes.pooled')}</Tag>}
              </span>
            ),
          },
          { title: t('assessment.sheet.points'), dataIndex: 'points', width: 70, align: 'right', render: (p: number) => formatPoints(p) },
          { title: t('assessment.schemes.rule'), render: (_, n) => (n.isLeaf ? describeRule(t, n.rule, n.points) : '') },
          {
            title: t('assessment.schemes.applicability'),
            width: 260,
            render: (_, n) =>
              [applies(n), n.na && typeof n.na === 'object' ? t('assessment.schemes.naRate', { rate: formatPoints(n.na.rate) }) : '']
                .filter(Boolean)
                .join(';'),
          },
        ]}
      />
      {s && (
        <Descriptions size="small" bordered column={1}>
          <Descriptions.Item label={t('assessment.schemes.groups')}>
            {s.groups.map((g) => `${g.code} ${g.name}`).join(';')}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.schemes.vetoes')}>
            {s.vetoes
              .map(
                (v) =>
                  `${v.code} ${v.name}(${v.effect === 'fail' ? t('assessment.schemes.vetoFail') : t('assessment.schemes.vetoCap', { cap: formatPoints(v.capTo) })})`,
              )
              .join(';') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.schemes.bonus')}>
            {s.bonus
              ? `${t('assessment.schemes.bonusRule', { gate: formatPoints(s.bonus.gate), cap: formatPoints(s.bonus.cap) })} ${s.bonus.items.map((b) => `${b.code} ${b.name} +${formatPoints(b.points)}`).join(';')}`
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.schemes.major')}>
            {s.majorDeductions.map((m) => `${m.code} ${m.name} −${formatPoints(m.points)}`).join(';') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.schemes.grading')}>
            {s.grading.bands.map((b) => `${gradeLabel(b.grade)} ≥${formatPoints(b.min)}`).join(';')}
            {s.grading.quota
              ? `;${t('assessment.schemes.quota', { grade: gradeLabel(s.grading.quota.grade), pct: formatPoints(s.grading.quota.maxPct) })}`
              : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.schemes.annual')}>
            {s.annual
              ? Object.entries(s.annual.periods)
                  .map(([q, w]) => `${q} ${formatPoints(w)}`)
                  .join(';')
              : '—'}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Space>
  );
}

export function AssessmentSchemesPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const client = useQueryClient();
  const { message } = App.useApp();
  const list = useQuery(trpc.assessment.schemes.list.queryOptions());
  const [viewing, setViewing] = useState<number | null>(null);
  const [importing, setImporting] = useState<{ replacing: SchemeRow | null; tab: 'form' | 'json' } | null>(null);
  const [importingDocument, setImportingDocument] = useState(false);
  // After a document import: open the saved scheme in the form editor once the list has it.
  const [openAfterSave, setOpenAfterSave] = useState<number | null>(null);
  useEffect(() => {
    const row = openAfterSave === null ? undefined : list.data?.find((r) => r.id === openAfterSave);
    if (row) {
      setOpenAfterSave(null);
      setViewing(row.id);
      setImporting({ replacing: row, tab: 'form' });
    }
  }, [openAfterSave, list.data]);
  const previousOf = (row: SchemeRow | null) => (row ? (list.data?.find((r) => r.year === row.year - 1) ?? null) : null);
  const exportDocument = async (id: number, format: 'docx' | 'xlsx') => {
    try {
      const file = await client.fetchQuery(trpc.schemeDocuments.export.queryOptions({ id, format }));
      downloadBase64(
        file.fileName,
        file.base64,
        format === 'docx'
          ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  const copy = useMutation(
    trpc.assessment.schemes.copyToNextYear.mutationOptions({
      onSuccess: (s) => (void queryClient.invalidateQueries(), void message.success(t('assessment.schemes.copied', { code: s.code }))),
      onError: (e) => void message.error(errorMessage(e)),
    }),
  );
  const isOffice = user.role === 'admin';
  const exportScheme = async (id: number) => {
    const data = await client.fetchQuery(trpc.assessment.schemes.export.queryOptions({ id }));
    downloadText(data.fileName, data.json);
  };
  const shown = viewing ?? list.data?.[0]?.id ?? null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Link to="/assessment">{t('assessment.title')}</Link>
            <span>/</span>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('assessment.schemes.title')}
            </Typography.Title>
          </Space>
        }
        extra={
          isOffice && (
            <Space>
              <Button onClick={() => setImportingDocument(true)} data-testid="scheme-doc-import">
                {t('schemeEditor.importDoc.button')}
              </Button>
              <Button type="primary" onClick={() => setImporting({ replacing: null, tab: 'json' })}>
                {t('assessment.schemes.import')}
              </Button>
            </Space>
          )
        }
      >
        <Table<SchemeRow>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data ?? []}
          pagination={false}
          rowSelection={{ type: 'radio', selectedRowKeys: shown === null ? [] : [shown], onChange: (keys) => setViewing(Number(keys[0])) }}
          columns={[
            { title: t('common.year'), dataIndex: 'year', width: 70 },
            { title: t('assessment.schemes.code'), dataIndex: 'code', width: 110 },
            { title: t('assessment.schemes.name'), dataIndex: 'title' },
            {
              title: t('assessment.schemes.statusLabel'),
              dataIndex: 'status',
              width: 90,
              render: (s: string) => <Tag color={s === 'frozen' ? 'blue' : 'default'}>{t(`assessment.schemes.status.${s}`)}</Tag>,
            },
            { title: t('assessment.schemes.version'), dataIndex: 'version', width: 70 },
            { title: t('assessment.schemes.usedBy'), render: (_, s) => s.rounds.map((r) => r.periodCode).join('、') || '—' },
            {
              title: t('common.actions'),
              width: 420,
              render: (_, s) => (
                <Space wrap>
                  <Button size="small" onClick={() => void exportScheme(s.id)}>
                    {t('assessment.schemes.export')}
                  </Button>
                  <Button size="small" onClick={() => void exportDocument(s.id, 'docx')} data-testid={`scheme-export-docx-${s.code}`}>
                    {t('schemeEditor.exportDocx')}
                  </Button>
                  <Button size="small" onClick={() => void exportDocument(s.id, 'xlsx')}>
                    {t('schemeEditor.exportXlsx')}
                  </Button>
                  {isOffice && s.status === 'draft' && (
                    <Button size="small" onClick={() => setImporting({ replacing: s, tab: 'json' })} data-testid={`scheme-edit-${s.code}`}>
                      {t('assessment.schemes.replaceShort')}
                    </Button>
                  )}
                  {isOffice && (
                    <Button size="small" onClick={() => copy.mutate({ id: s.id })} loading={copy.isPending}>
                      {t('assessment.schemes.copy')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {shown !== null && (
        <Card title={list.data?.find((s) => s.id === shown)?.title}>
          <SchemeView id={shown} />
        </Card>
      )}
      {importing && (
        <ImportDialog
          replacing={importing.replacing}
          previous={previousOf(importing.replacing)}
          initialTab={importing.tab}
          onClose={() => setImporting(null)}
        />
      )}
      {importingDocument && (
        <SchemeDocumentImport
          defaultYear={Math.max(new Date().getFullYear(), ...(list.data ?? []).map((r) => r.year + 1))}
          onClose={() => setImportingDocument(false)}
          onSaved={(id) => {
            setImportingDocument(false);
            setOpenAfterSave(id);
          }}
        />
      )}
    </Space>
  );
}
