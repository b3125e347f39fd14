// Importing the office's own 考核细则 (.xlsx/.docx): the server proposes a scheme (nothing saved),
// the office reviews every leaf's inferred scoring rule beside the cell it was read from, may
// change the kind, maps the document's groups onto the year's groups (设置 › 分组), and confirms;
// only then is the scheme stored (audited).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, InputNumber, List, Modal, Select, Space, Table, Tag, Tree, Typography, Upload } from 'antd';
import type { TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { leafRuleKinds, type IndicatorNode, type LeafRuleKind, type Scheme } from '@kaoping/contracts/scoring/scheme';
import { formatSchemeRowError, type RuleInference } from '@kaoping/contracts/scoring/scheme-proposal';
import { editScheme, nodeAt, schemeToText } from '@kaoping/domain/scheme-editor/scheme-editor';
import { fileToBase64 } from '../../lib/files';
import { ALL_GROUPS, applyGroupMapping, suggestMapping, unmappedGroups, type YearGroup } from './group-mapping';
import { errorMessage, useTRPC } from '../../trpc';

function pathOfCode(nodes: readonly IndicatorNode[], code: string, prefix: number[] = []): number[] | null {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as IndicatorNode;
    if (node.code === code) return [...prefix, i];
    const inner = pathOfCode(node.children ?? [], code, [...prefix, i]);
    if (inner) return inner;
  }
  return null;
}

const treeOf = (nodes: readonly IndicatorNode[]): TreeDataNode[] =>
  nodes.map((n) => ({ key: n.code, title: `${n.code} ${n.name}(${n.points})`, children: n.children ? treeOf(n.children) : undefined }));
const allCodes = (nodes: readonly IndicatorNode[]): string[] => nodes.flatMap((n) => [n.code, ...allCodes(n.children ?? [])]);

export function SchemeDocumentImport({
  defaultYear,
  onClose,
  onSaved,
}: {
  defaultYear: number;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(defaultYear);
  const [fileName, setFileName] = useState('');
  const [scheme, setScheme] = useState<Scheme | null>(null);
  // The office's choices in the group mapping; a group it has not touched keeps the suggestion.
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const propose = useMutation(
    trpc.schemeDocuments.propose.mutationOptions({
      onSuccess: (p) => {
        setChosen({});
        setScheme(p.ok ? (p.scheme as Scheme) : null);
      },
    }),
  );
  const yearGroupsQuery = useQuery(trpc.groups.list.queryOptions({ year }));
  const yearGroups = useMemo<YearGroup[]>(
    () => (yearGroupsQuery.data ?? []).map((g) => ({ code: g.code, name: g.name })),
    [yearGroupsQuery.data],
  );
  const mapping = useMemo(
    () => ({ ...(scheme ? suggestMapping(scheme.groups, yearGroups) : {}), ...chosen }),
    [scheme, yearGroups, chosen],
  );
  const unmapped = scheme && yearGroups.length > 0 ? unmappedGroups(scheme, mapping, yearGroups) : [];
  // With no groups for the year there is nothing to map onto: the proposal's groups are kept (and said so).
  const finalScheme = (s: Scheme): Scheme => (yearGroups.length > 0 ? applyGroupMapping(s, mapping, yearGroups) : s);
  const confirm = useMutation(
    trpc.schemeDocuments.confirm.mutationOptions({ onSuccess: (r) => (r.ok ? void queryClient.invalidateQueries() : undefined) }),
  );
  const proposal = propose.data;
  const saved = confirm.data;
  const inferences = proposal?.ok ? (proposal.inferences as RuleInference[]) : [];
  const leafKind = (code: string) => {
    const path = scheme ? pathOfCode(scheme.indicators, code) : null;
    return (path && scheme ? nodeAt(scheme, path)?.rule?.kind : undefined) ?? 'manual';
  };
  const setKind = (code: string, kind: LeafRuleKind) => {
    if (!scheme) return;
    const path = pathOfCode(scheme.indicators, code);
    if (path) setScheme(editScheme(scheme, { type: 'set-rule-kind', path, kind }));
  };
  const tree = useMemo(() => (scheme ? treeOf(scheme.indicators) : []), [scheme]);
  const leaves = inferences.length;
  return (
    <Modal
      open
      width={1100}
      title={t('schemeEditor.importDoc.title')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('schemeEditor.importDoc.help')}</Typography.Text>
        <Space>
          <span>{t('schemeEditor.importDoc.year')}</span>
          <InputNumber
            aria-label={t('schemeEditor.importDoc.year')}
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => typeof v === 'number' && setYear(v)}
            data-testid="scheme-doc-year"
          />
          <Upload
            accept=".xlsx,.docx,.xls,.doc"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              setFileName(file.name);
              confirm.reset();
              void fileToBase64(file).then((base64) => propose.mutate({ fileName: file.name, base64, year }));
              return false;
            }}
          >
            <Button type="primary" loading={propose.isPending} data-testid="scheme-doc-choose">
              {t('schemeEditor.importDoc.choose')}
            </Button>
          </Upload>
          {fileName && <Typography.Text>{fileName}</Typography.Text>}
        </Space>
        {propose.error && <Alert type="error" showIcon title={errorMessage(propose.error)} />}
        {proposal && !proposal.ok && (
          <Alert
            type="error"
            showIcon
            title={t('schemeEditor.importDoc.refused')}
            description={
              <List size="small" dataSource={proposal.errors.map(formatSchemeRowError)} renderItem={(e) => <List.Item>{e}</List.Item>} />
            }
            data-testid="scheme-doc-errors"
          />
        )}
        {proposal?.ok && scheme && (
          <>
            <Alert
              type="success"
              showIcon
              title={t('schemeEditor.importDoc.proposed', { tables: proposal.tables, rows: proposal.rows, leaves })}
              data-testid="scheme-doc-proposed"
            />
            {proposal.warnings.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t('schemeEditor.importDoc.warnings')}
                description={<List size="small" dataSource={proposal.warnings} renderItem={(w) => <List.Item>{w}</List.Item>} />}
              />
            )}
            <Space align="start" style={{ width: '100%' }}>
              <Tree
                style={{ minWidth: 260, maxHeight: 420, overflow: 'auto' }}
                treeData={tree}
                expandedKeys={allCodes(scheme.indicators)}
                selectable={false}
              />
              <Table<RuleInference>
                size="small"
                rowKey="code"
                pagination={false}
                scroll={{ y: 420 }}
                style={{ width: 760 }}
                dataSource={inferences}
                data-testid="scheme-doc-inferences"
                columns={[
                  { title: t('schemeEditor.importDoc.code'), dataIndex: 'code', width: 70 },
                  { title: t('schemeEditor.importDoc.name'), dataIndex: 'name', width: 150 },
                  {
                    title: t('schemeEditor.importDoc.source'),
                    dataIndex: 'source',
                    render: (s: string, r) => (
                      <Typography.Paragraph
                        style={{ margin: 0, fontSize: 12 }}
                        ellipsis={{ rows: 3, tooltip: s }}
                      >{`${r.where} 第${r.row}行:${s || '—'}`}</Typography.Paragraph>
                    ),
                  },
                  {
                    title: t('schemeEditor.importDoc.inferred'),
                    dataIndex: 'reason',
                    width: 200,
                    render: (s: string, r) => (
                      <span style={{ fontSize: 12 }}>
                        {r.confidence === 'manual' && <Tag color="orange">{t('schemeEditor.importDoc.confirmMark')}</Tag>}
                        {s}
                      </span>
                    ),
                  },
                  {
                    title: t('schemeEditor.importDoc.kind'),
                    width: 150,
                    render: (_, r) => (
                      <Select<LeafRuleKind>
                        size="small"
                        style={{ width: 140 }}
                        value={leafKind(r.code)}
                        onChange={(k) => setKind(r.code, k)}
                        options={leafRuleKinds.map((k) => ({ value: k, label: t(`schemeEditor.kinds.${k}`) }))}
                        data-testid={`scheme-doc-kind-${r.code}`}
                      />
                    ),
                  },
                ]}
              />
            </Space>
            <Space orientation="vertical" style={{ width: '100%' }} data-testid="scheme-doc-groups">
              <Typography.Text strong>{t('schemeEditor.importDoc.groupsTitle')}</Typography.Text>
              <Typography.Text type="secondary">{t('schemeEditor.importDoc.groupsHelp', { year })}</Typography.Text>
              {yearGroupsQuery.isSuccess && yearGroups.length === 0 ? (
                <Alert
                  type="warning"
                  showIcon
                  title={t('schemeEditor.importDoc.noYearGroups', { year })}
                  data-testid="scheme-doc-no-groups"
                />
              ) : (
                <Table<{ code: string; name: string }>
                  size="small"
                  rowKey="code"
                  pagination={false}
                  style={{ maxWidth: 620 }}
                  loading={yearGroupsQuery.isPending}
                  dataSource={scheme.groups}
                  columns={[
                    { title: t('schemeEditor.importDoc.proposedGroup'), render: (_, g) => `${g.code} ${g.name}` },
                    {
                      title: t('schemeEditor.importDoc.yearGroup'),
                      width: 260,
                      render: (_, g) => (
                        <Select<string>
                          size="small"
                          style={{ width: 240 }}
                          placeholder={t('schemeEditor.importDoc.chooseGroup')}
                          showSearch={{ optionFilterProp: 'label' }}
                          status={unmapped.some((u) => u.code === g.code) ? 'error' : undefined}
                          value={mapping[g.code]}
                          onChange={(v) => setChosen((c) => ({ ...c, [g.code]: v }))}
                          options={[
                            { value: ALL_GROUPS, label: t('schemeEditor.importDoc.allGroups') },
                            ...yearGroups.map((y) => ({ value: y.code, label: `${y.code} ${y.name}` })),
                          ]}
                          data-testid={`scheme-doc-group-${g.code}`}
                        />
                      ),
                    },
                  ]}
                />
              )}
              {unmapped.length > 0 && (
                <Alert
                  type="error"
                  showIcon
                  title={t('schemeEditor.importDoc.unmapped', { year, groups: unmapped.map((g) => `${g.code} ${g.name}`).join('、') })}
                  data-testid="scheme-doc-unmapped"
                />
              )}
            </Space>
            <Space>
              <Button
                type="primary"
                disabled={saved?.ok === true || unmapped.length > 0 || yearGroupsQuery.isPending}
                loading={confirm.isPending}
                onClick={() => confirm.mutate({ json: schemeToText(finalScheme({ ...scheme, year })), fileName, version: null })}
                data-testid="scheme-doc-confirm"
              >
                {t('schemeEditor.importDoc.confirm')}
              </Button>
              {saved?.ok && (
                <>
                  <Alert
                    type="success"
                    showIcon
                    title={t('schemeEditor.importDoc.confirmed', { year, code: saved.scheme.code })}
                    data-testid="scheme-doc-saved"
                  />
                  <Button onClick={() => onSaved(saved.scheme.id)} data-testid="scheme-doc-edit">
                    {t('schemeEditor.importDoc.edit')}
                  </Button>
                </>
              )}
            </Space>
            {confirm.error && <Alert type="error" showIcon title={errorMessage(confirm.error)} />}
            {saved && !saved.ok && <Alert type="error" showIcon title={saved.problems.join(';')} />}
          </>
        )}
      </Space>
    </Modal>
  );
}
