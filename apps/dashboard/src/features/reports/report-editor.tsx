// One unit's report for one year: the form laid out like the official tables, checked as it is typed
// by the same domain rules the server runs at save and submit, with import, submit, the office's
// decision, corrections and the version history. Unsaved work is kept in the browser and guarded
// on leaving; what blocks 报送 is listed with a jump to each cell; automatic totals follow their parts.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Input, Modal, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportImportMeta, ReportParseOutput } from '@kaoping/contracts/annual-report-workflow/annual-report-record';
import type { CellSource } from '@kaoping/contracts/annual-report/parse-result';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { deriveTotals } from '@kaoping/domain/annual-report/derive-totals';
import { emptyReportCells, findCellDefinition, templateCellKeys } from '@kaoping/domain/annual-report/template';
import { checkStoredReport } from '@kaoping/domain/annual-report-workflow/check-stored-report';
import { assessSubmitReadiness } from '@kaoping/domain/annual-report-workflow/report-lifecycle';
import type { Outputs } from '../../api-types';
import { useLeaveGuard } from '../../components/leave-guard';
import { errorMessage, useTRPC } from '../../trpc';
import { IssueDialog } from '../rectification/issue-dialog';
import { fillBlanksWithZero, fillDerivedTotals, totalKeysOf, typeCell } from './follow-totals';
import { clearLocalDrafts, localDraftKey, readLocalDraft, writeLocalDraft } from './local-draft';
import { ReportChecksPanel } from './report-checks-panel';
import { ReportHistory } from './report-history';
import { ReportImportDialog } from './report-import-dialog';
import { ReportStatusTag, TimelinessTag } from './report-tags';
import { ReportTables } from './report-tables';
import { jumpToCell, RuleTag, useCheckMessage } from './rule-tag';
import { submitBlockers, type Blocker } from './submit-blockers';

export type ReportView = Outputs['annualReports']['open'];

interface Draft {
  cells: Record<string, number | null>;
  sources: Record<string, CellSource>;
  importMeta: ReportImportMeta | null;
  sectionOne: string;
  sectionFive: string;
  sectionSix: string;
  publishedAt: string | null;
  explanations: Record<string, string>;
}

function draftOf(view: ReportView): Draft {
  const r = view.report;
  if (!r)
    return {
      cells: emptyReportCells(view.format),
      sources: {},
      importMeta: null,
      sectionOne: '',
      sectionFive: '',
      sectionSix: '',
      publishedAt: null,
      explanations: {},
    };
  return {
    cells: { ...r.cells },
    sources: { ...r.sources },
    importMeta: r.importMeta,
    sectionOne: r.sectionOne,
    sectionFive: r.sectionFive,
    sectionSix: r.sectionSix,
    publishedAt: r.publishedAt,
    explanations: { ...r.explanations },
  };
}

const fmt = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

export function ReportEditor({
  view,
  user,
  onVersion,
}: {
  view: ReportView;
  user: SessionUser;
  onVersion: (versionNo: number | null) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const draftKey = localDraftKey(view.unit.id, view.year, view.report?.id ?? null, view.report?.version ?? 0);
  const editableAtOpen = view.isEditable && (user.role === 'admin' || user.role === 'liaison');
  // A draft kept in this browser from an earlier visit wins over the server copy it was edited from.
  const [restored, setRestored] = useState(() => (editableAtOpen ? readLocalDraft<Draft>(localStorage, draftKey) : null));
  const [draft, setDraft] = useState<Draft>(() => restored?.draft ?? draftOf(view));
  const [automatic, setAutomatic] = useState<Set<string>>(() => new Set(restored?.automatic ?? []));
  const [dirty, setDirty] = useState(restored !== null);
  const automaticRef = useRef(automatic);
  automaticRef.current = automatic;
  const [dialog, setDialog] = useState<'import' | 'return' | 'accept' | 'correct' | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [reason, setReason] = useState('');
  const report = view.report;
  const isFiler = user.role === 'admin' || user.role === 'liaison';
  const editable = view.isEditable && isFiler;
  const isOffice = user.role === 'admin';

  const change = useCallback((patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
  }, []);
  const setCell = useCallback(
    (key: string, value: number | null) => {
      const auto = automaticRef.current;
      setDraft((d) => ({ ...d, cells: typeCell({ cells: d.cells, automatic: auto }, view.format, key, value).cells }));
      if (auto.has(key)) {
        const next = new Set(auto);
        next.delete(key);
        automaticRef.current = next;
        setAutomatic(next);
      }
      setDirty(true);
    },
    [view.format],
  );

  // Autosave to this browser while there are unsaved changes; warn before leaving them.
  useEffect(() => {
    if (!dirty || !editable) return;
    const timer = setTimeout(
      () => writeLocalDraft(localStorage, draftKey, { draft, automatic: [...automatic], at: new Date().toISOString() }),
      300,
    );
    return () => clearTimeout(timer);
  }, [dirty, editable, draft, automatic, draftKey]);
  useLeaveGuard(dirty && editable, t('reports.form.leaveConfirm'));
  const discardLocal = () => {
    clearLocalDrafts(localStorage, view.unit.id, view.year);
    setDraft(draftOf(view));
    setAutomatic(new Set());
    setDirty(false);
    setRestored(null);
  };

  // The same function the server runs at save and submit.
  const checks = useMemo(
    () =>
      checkStoredReport(
        {
          format: view.format,
          year: view.year,
          cells: draft.cells,
          sectionSix: draft.sectionSix,
          sections: draft.importMeta?.sections ?? null,
        },
        { unitKind: view.unit.kind, previous: view.previous && { format: view.previous.format, cells: view.previous.cells } },
      ),
    [view, draft.cells, draft.sectionSix, draft.importMeta],
  );
  const readiness = useMemo(() => assessSubmitReadiness(checks, draft.explanations), [checks, draft.explanations]);
  const blockers = useMemo(() => submitBlockers(readiness, draft.cells), [readiness, draft.cells]);
  const templateKeys = useMemo(() => new Set(templateCellKeys(view.format)), [view.format]);
  const totalKeys = useMemo(() => totalKeysOf(view.format, templateKeys), [view.format, templateKeys]);
  const derived = useMemo(() => {
    const all = deriveTotals(draft.cells, view.format);
    return Object.fromEntries(
      Object.entries(all).filter(([k]) => templateKeys.has(k) && (draft.cells[k] === null || draft.cells[k] === undefined)),
    );
  }, [draft.cells, view.format, templateKeys]);
  const extraRows = useMemo(() => {
    const rows = new Map<string, string>();
    for (const [k, v] of Object.entries(draft.cells)) {
      if (!k.includes('.sum.') || v === null) continue;
      const d = findCellDefinition(k);
      if (d) rows.set(d.rowKey, d.rowLabel);
    }
    return [...rows].map(([key, label]) => ({ key, label }));
  }, [draft.cells]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.annualReports.pathKey() });
  const save = useMutation(trpc.annualReports.save.mutationOptions());
  const submit = useMutation(trpc.annualReports.submit.mutationOptions());
  const decideReturn = useMutation(trpc.annualReports.returnForCorrection.mutationOptions());
  const decideAccept = useMutation(trpc.annualReports.accept.mutationOptions());
  const correct = useMutation(trpc.annualReports.startCorrection.mutationOptions());
  const busy = save.isPending || submit.isPending || decideReturn.isPending || decideAccept.isPending || correct.isPending;

  const saveDraft = async () => {
    const saved = await save.mutateAsync({
      unitId: view.unit.id,
      year: view.year,
      id: report?.id ?? null,
      version: report?.version ?? 0,
      ...draft,
    });
    setDirty(false);
    clearLocalDrafts(localStorage, view.unit.id, view.year);
    return saved.report;
  };
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void message.success(done);
      await refresh();
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  const onSave = () => run(saveDraft, t('reports.actions.saved'));
  const onSubmit = () =>
    run(async () => {
      const current = dirty || !report ? await saveDraft() : report;
      await submit.mutateAsync({ id: current.id, version: current.version, explanations: draft.explanations });
    }, t('reports.actions.submitted'));

  const applyImport = (parsed: ReportParseOutput) => {
    change({
      cells: { ...emptyReportCells(view.format), ...parsed.cells },
      sources: parsed.sources,
      importMeta: parsed.importMeta,
      sectionOne: parsed.sectionOne || draft.sectionOne,
      sectionFive: parsed.sectionFive || draft.sectionFive,
      sectionSix: parsed.sectionSix || draft.sectionSix,
      publishedAt: parsed.publishedAt ?? draft.publishedAt,
    });
    setDialog(null);
  };
  const fillTotals = () => {
    const next = fillDerivedTotals({ cells: draft.cells, automatic }, view.format, derived);
    setAutomatic(next.automatic);
    change({ cells: next.cells });
  };
  const fillBlanks = () => {
    const next = fillBlanksWithZero({ cells: draft.cells, automatic }, view.format, templateKeys, totalKeys);
    setAutomatic(next.automatic);
    change({ cells: next.cells });
  };

  const latestReturn = report?.status === 'returned' ? report : null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="report-title">
              {t('reports.titleOf', { unit: view.unit.name, year: view.year })}
            </Typography.Title>
            <ReportStatusTag status={report?.status ?? null} />
            {report && <Tag>{t('reports.versions.version', { n: report.versionNo })}</Tag>}
            <TimelinessTag timeliness={view.timeliness.timeliness} days={view.timeliness.daysLate} />
            {dirty && <Tag color="gold">{t('reports.form.unsaved')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {editable && (
              <>
                <Button onClick={() => setDialog('import')} data-testid="open-report-import">
                  {t('reports.actions.import')}
                </Button>
                <Button onClick={() => void onSave()} loading={save.isPending} disabled={busy} data-testid="report-save">
                  {t('reports.actions.save')}
                </Button>
                <Button type="primary" onClick={() => void onSubmit()} disabled={busy || !readiness.ready} data-testid="report-submit">
                  {t('reports.actions.submit')}
                </Button>
              </>
            )}
            {isOffice && view.isLatest && report?.status === 'submitted' && (
              <>
                <Button danger onClick={() => (setReason(''), setDialog('return'))} disabled={busy} data-testid="report-return">
                  {t('reports.actions.returnForCorrection')}
                </Button>
                <Button
                  type="primary"
                  onClick={() => (setReason(''), setDialog('accept'))}
                  disabled={busy || readiness.blocking.length > 0}
                  data-testid="report-accept"
                >
                  {t('reports.actions.accept')}
                </Button>
              </>
            )}
            {isOffice && report && readiness.blocking.length > 0 && (
              <Button onClick={() => setIssuing(true)} data-testid="report-issue-rectification">
                {t('rectification.fromReport')}
              </Button>
            )}
            {isFiler && view.isLatest && report?.status === 'accepted' && (
              <Button onClick={() => (setReason(''), setDialog('correct'))} data-testid="report-correct">
                {t('reports.actions.correct')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label={t('reports.unit')}>{`${view.unit.code} ${view.unit.name}`}</Descriptions.Item>
          <Descriptions.Item label={t('reports.columns.deadline')}>{view.timeliness.deadline}</Descriptions.Item>
          <Descriptions.Item label={t('reports.form.publishedAt')}>
            {editable ? (
              <DatePicker
                size="small"
                value={draft.publishedAt ? dayjs(draft.publishedAt) : null}
                onChange={(d) => change({ publishedAt: d ? d.format('YYYY-MM-DD') : null })}
                data-testid="published-at"
              />
            ) : (
              (report?.publishedAt ?? '—')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.columns.reportedOn')}>{view.timeliness.reportedOn ?? '—'}</Descriptions.Item>
          {report?.submittedAt && (
            <Descriptions.Item label={t('reports.events.submitted')}>
              {t('reports.decision.submitted', { who: report.submittedByName ?? '', at: fmt(report.submittedAt) })}
            </Descriptions.Item>
          )}
          {report?.status === 'accepted' && (
            <Descriptions.Item label={t('reports.events.accepted')}>
              {t('reports.decision.accepted', { who: report.decidedByName ?? '', at: fmt(report.decidedAt) })}
            </Descriptions.Item>
          )}
          {report?.correctionReason && (
            <Descriptions.Item label={t('reports.events.correction')}>{report.correctionReason}</Descriptions.Item>
          )}
        </Descriptions>
        {restored && dirty && (
          <Alert
            type="info"
            showIcon
            data-testid="draft-restored"
            title={t('reports.form.draftRestored', { at: fmt(restored.at) })}
            action={
              <Button size="small" onClick={discardLocal} data-testid="discard-local-draft">
                {t('reports.form.discardDraft')}
              </Button>
            }
          />
        )}
        {editable && blockers.length > 0 && <SubmitBlockers blockers={blockers} />}
        {latestReturn && (
          <Alert
            type="error"
            showIcon
            data-testid="report-returned"
            title={t('reports.decision.returned', {
              who: latestReturn.decidedByName ?? '',
              at: fmt(latestReturn.decidedAt),
              reason: latestReturn.decisionReason ?? '',
            })}
          />
        )}
        {report?.status === 'accepted' && <Alert type="success" showIcon title={t('reports.decision.locked')} />}
        {!view.isLatest && (
          <Alert
            type="info"
            showIcon
            title={t('reports.versions.version', { n: report?.versionNo ?? 0 })}
            action={
              <Button size="small" onClick={() => onVersion(null)}>
                {t('reports.versions.current')}
              </Button>
            }
          />
        )}
      </Card>

      <Card size="small" title={t('reports.checks.title')}>
        <ReportChecksPanel
          checks={checks}
          cells={draft.cells}
          explanations={draft.explanations}
          {...(editable
            ? { onExplain: (key: string, text: string) => change({ explanations: { ...draft.explanations, [key]: text } }) }
            : {})}
          previous={view.previous}
          year={view.year}
        />
      </Card>

      <Row gutter={16}>
        <Col xs={24} xxl={18}>
          <Card
            size="small"
            title={t('reports.form.sections')}
            extra={
              editable && (
                <Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('reports.form.totalsOffered')}
                  </Typography.Text>
                  <Button size="small" disabled={Object.keys(derived).length === 0} onClick={fillTotals} data-testid="fill-totals">
                    {t('reports.form.fillTotals', { count: Object.keys(derived).length })}
                  </Button>
                  <Popconfirm title={t('reports.form.blankZeroConfirm')} onConfirm={fillBlanks}>
                    <Button size="small" data-testid="fill-blank-zero">
                      {t('reports.form.blankZero')}
                    </Button>
                  </Popconfirm>
                </Space>
              )
            }
          >
            <TextSection
              title={t('reports.form.sectionOne')}
              value={draft.sectionOne}
              editable={editable}
              onChange={(v) => change({ sectionOne: v })}
              testId="section-one"
            />
            <ReportTables
              format={view.format}
              cells={draft.cells}
              checks={checks}
              derived={derived}
              automatic={automatic}
              sources={draft.sources}
              extraRows={extraRows}
              {...(editable ? { onChange: setCell } : {})}
              testId="report-tables"
            />
            <TextSection
              title={t('reports.form.sectionFive')}
              value={draft.sectionFive}
              editable={editable}
              onChange={(v) => change({ sectionFive: v })}
              testId="section-five"
            />
            <TextSection
              title={t('reports.form.sectionSix')}
              value={draft.sectionSix}
              editable={editable}
              onChange={(v) => change({ sectionSix: v })}
              testId="section-six"
            />
          </Card>
        </Col>
        <Col xs={24} xxl={6}>
          <ReportHistory view={view} onVersion={onVersion} />
        </Col>
      </Row>

      {dialog === 'import' && (
        <ReportImportDialog unitId={view.unit.id} year={view.year} onConfirm={applyImport} onClose={() => setDialog(null)} />
      )}
      <Modal
        open={dialog === 'return' || dialog === 'accept' || dialog === 'correct'}
        title={
          dialog === 'return'
            ? t('reports.actions.returnForCorrection')
            : dialog === 'accept'
              ? t('reports.actions.accept')
              : t('reports.actions.correct')
        }
        okButtonProps={{
          disabled: dialog !== 'accept' && reason.trim().length < 2,
          loading: busy,
          ...({ 'data-testid': 'decision-ok' } as object),
        }}
        onCancel={() => setDialog(null)}
        onOk={() => {
          const done = () => setDialog(null);
          if (dialog === 'return' && report)
            void run(
              () => decideReturn.mutateAsync({ id: report.id, version: report.version, reason }),
              t('reports.actions.returned'),
            ).then(done);
          if (dialog === 'accept' && report)
            void run(
              () => decideAccept.mutateAsync({ id: report.id, version: report.version, note: reason }),
              t('reports.actions.accepted'),
            ).then(done);
          if (dialog === 'correct')
            void run(
              async () => {
                const next = await correct.mutateAsync({ unitId: view.unit.id, year: view.year, reason });
                onVersion(null);
                return next;
              },
              t('reports.actions.corrected', { version: (report?.versionNo ?? 0) + 1 }),
            ).then(done);
        }}
      >
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={
            dialog === 'return'
              ? t('reports.actions.reason')
              : dialog === 'accept'
                ? t('reports.actions.acceptNote')
                : t('reports.actions.correctionReason')
          }
          data-testid="decision-reason"
        />
      </Modal>
      {issuing && (
        <IssueDialog
          defaultPeriod={String(view.year)}
          defaults={{
            unitId: view.unit.id,
            title: `${view.year}年度政府信息公开工作年度报告数据不一致:${readiness.blocking
              .map((c) => c.message)
              .slice(0, 5)
              .join(';')}`,
            source: 'report_rule',
          }}
          onClose={() => setIssuing(false)}
        />
      )}
    </Space>
  );
}

/** Why 报送 is greyed out: blanks once, each failing rule, each unexplained warning; each jumps to its cell. */
function SubmitBlockers({ blockers }: { blockers: readonly Blocker[] }) {
  const { t } = useTranslation();
  const checkMessage = useCheckMessage();
  const shown = blockers.slice(0, 12);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 12 }}
      title={t('reports.checks.blockersTitle')}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="submit-blockers">
          {shown.map((b, i) => (
            <li key={i}>
              {b.kind === 'blank' ? (
                t('reports.checks.blanks', { count: b.count })
              ) : (
                <>
                  <RuleTag rule={b.check.rule} color={b.kind === 'rule' ? 'red' : 'orange'} />
                  {b.kind === 'unexplained' && <Tag>{t('reports.checks.unexplained')}</Tag>}
                  {((m) => (m.length > 90 ? `${m.slice(0, 90)}…` : m))(checkMessage(b.check))}
                </>
              )}
              {b.cell !== null && (
                <Button type="link" size="small" onClick={() => jumpToCell(b.cell ?? '')} data-testid="blocker-jump">
                  {t('reports.checks.jump')}
                </Button>
              )}
            </li>
          ))}
          {blockers.length > shown.length && <li>…</li>}
        </ul>
      }
    />
  );
}

function TextSection({
  title,
  value,
  editable,
  onChange,
  testId,
}: {
  title: string;
  value: string;
  editable: boolean;
  onChange: (v: string) => void;
  testId: string;
}) {
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Title level={5}>{title}</Typography.Title>
      {editable ? (
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 12 }}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          data-testid={testId}
        />
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-line' }} data-testid={testId}>
          {value || '—'}
        </Typography.Paragraph>
      )}
    </div>
  );
}
