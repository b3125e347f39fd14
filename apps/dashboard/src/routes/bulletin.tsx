import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Select, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { EditableParagraph, HeaderFields, RequirementsEditor, type DraftContent } from '../features/bulletin/bulletin-editor';
import {
  Annexes,
  Mentions,
  OverallFigures,
  PAPER_FONT,
  Para,
  Problems,
  RankingTables,
  Rectification,
  SectionHeading,
  Signature,
  type BulletinView,
} from '../features/bulletin/bulletin-sections';
import { usePeriodOptions } from '../features/bulletin/use-bulletin-period';
import { DueDateProblems } from '../features/bulletin/due-date-problems';
import { dueDateProblems, withDueDates } from '@kaoping/domain/bulletin/bulletin-due-dates';
import { createWorkCalendar } from '@kaoping/domain/calendar/work-calendar';
import { chinaToday } from '@kaoping/domain/period/period';
import { downloadBase64 } from '../features/rectification/download';
import { errorCode, errorMessage, useTRPC } from '../trpc';

// Paper on screen, paper when printed: the frame, the buttons and the text boxes disappear in print.
const PRINT_CSS = `
.kp-print-only { display: none; }
@media print {
  .kp-print-only { display: block; }
  .kp-screen-only, .ant-layout-sider, .ant-layout-header, .ant-float-btn { display: none !important; }
  .ant-layout, .ant-layout-content { padding: 0 !important; background: #ffffff !important; }
  .kp-paper { box-shadow: none !important; border: none !important; max-width: none !important; padding: 0 !important; margin: 0 !important; }
  .kp-paper section, .kp-paper table { break-inside: auto; }
}`;

/** 通报: the period's bulletin as it will print, the office's text editable, .docx and .xlsx to download. */
export function BulletinPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const { periods, options, period } = usePeriodOptions(search.get('period'));
  const bulletin = useQuery({ ...trpc.bulletin.get.queryOptions({ period: period ?? '' }), enabled: period !== null });
  const download = (f: { fileName: string; contentBase64: string; mime: string }) => downloadBase64(f.fileName, f.contentBase64, f.mime);
  const exportDocx = useMutation(trpc.bulletin.exportDocx.mutationOptions({ onSuccess: download }));
  const exportXlsx = useMutation(trpc.bulletin.exportXlsx.mutationOptions({ onSuccess: download }));

  return (
    // A flex column, not antd Space: an element hidden in print leaves no gap behind.
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <style>{PRINT_CSS}</style>
      <Card className="kp-screen-only">
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('meeting.bulletin.title')}
          </Typography.Title>
          <Space wrap>
            <Select
              style={{ width: 240 }}
              value={period}
              options={options}
              loading={periods.isPending}
              onChange={(value: string) => setSearch({ period: value })}
              aria-label={t('meeting.period')}
              data-testid="bulletin-period"
            />
            <Button
              type="primary"
              disabled={!bulletin.data}
              loading={exportDocx.isPending}
              onClick={() => period && exportDocx.mutate({ period })}
              data-testid="bulletin-download-docx"
            >
              {t('meeting.bulletin.downloadDocx')}
            </Button>
            <Button
              disabled={!bulletin.data}
              loading={exportXlsx.isPending}
              onClick={() => period && exportXlsx.mutate({ period })}
              data-testid="bulletin-download-xlsx"
            >
              {t('meeting.bulletin.downloadXlsx')}
            </Button>
            <Button disabled={!bulletin.data} onClick={() => window.print()} data-testid="bulletin-print">
              {t('meeting.bulletin.print')}
            </Button>
            <Button
              onClick={() => void navigate(`/presentation${period ? `?period=${period}` : ''}`)}
              data-testid="bulletin-to-presentation"
            >
              {t('meeting.bulletin.present')}
            </Button>
          </Space>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('meeting.bulletin.help')}
        </Typography.Paragraph>
        {periods.isSuccess && options.length === 0 && <Alert type="info" showIcon title={t('meeting.noPeriods')} />}
        {(exportDocx.error ?? exportXlsx.error) && (
          <Alert type="error" showIcon title={errorMessage(exportDocx.error ?? exportXlsx.error)} />
        )}
        {bulletin.isError && <Alert type="error" showIcon title={errorMessage(bulletin.error)} data-testid="bulletin-error" />}
      </Card>
      {bulletin.isPending && period !== null && <Spin />}
      {bulletin.data && (
        <BulletinDocument
          key={`${bulletin.data.figures.period.code}:${bulletin.data.draft?.version ?? 0}`}
          view={bulletin.data}
          canEdit={user.role === 'admin'}
        />
      )}
    </div>
  );
}

function initialContent(view: BulletinView): DraftContent {
  const w = view.data.wording;
  return { ...view.content, basis: w.basis, overallComment: w.overallComment, requirementsIntro: w.requirementsIntro, closing: w.closing };
}

function BulletinDocument({ view, canEdit }: { view: BulletinView; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const initial = useMemo(() => initialContent(view), [view]);
  const [content, setRawContent] = useState<DraftContent>(initial);
  const isDirty = JSON.stringify(content) !== JSON.stringify(initial);
  // The server's calendar (national holidays, 调休 and the office's entries): working-day deadlines
  // follow the 成文日期 as the office types, exactly as the server will store them.
  const calendar = useMemo(() => createWorkCalendar(view.calendarOverrides), [view.calendarOverrides]);
  const setContent = useCallback(
    (next: DraftContent) => setRawContent({ ...next, requirements: withDueDates(calendar, next.issueDate, next.requirements) }),
    [calendar],
  );
  const problems = useMemo(
    () => dueDateProblems({ issueDate: content.issueDate, today: chinaToday(), requirements: content.requirements }),
    [content.issueDate, content.requirements],
  );
  const save = useMutation(
    trpc.bulletin.save.mutationOptions({
      onSuccess: (draft) => {
        void message.success(t('meeting.bulletin.saved', { version: draft.version }));
        void queryClient.invalidateQueries({ queryKey: trpc.bulletin.pathKey() });
      },
    }),
  );
  const doc = view.data;
  const draft = view.draft;
  const editor = { content, canEdit, onChange: setContent };
  return (
    <>
      <Card size="small" className="kp-screen-only" data-testid="bulletin-status">
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Text type="secondary">
            {draft
              ? t('meeting.bulletin.savedBy', {
                  name: draft.updatedByName,
                  at: dayjs(draft.updatedAt).format('YYYY-MM-DD HH:mm'),
                  version: draft.version,
                })
              : t('meeting.bulletin.notSaved')}
          </Typography.Text>
          {canEdit ? (
            <Button
              type="primary"
              disabled={!isDirty && draft !== null}
              loading={save.isPending}
              onClick={() => save.mutate({ period: view.figures.period.code, version: draft?.version ?? 0, content })}
              data-testid="bulletin-save"
            >
              {t('meeting.bulletin.save')}
            </Button>
          ) : (
            <Typography.Text type="secondary" data-testid="bulletin-readonly">
              {t('meeting.bulletin.readonly')}
            </Typography.Text>
          )}
        </Space>
        {save.error && (
          <Alert
            style={{ marginTop: 8 }}
            type="error"
            showIcon
            title={errorCode(save.error) === 'CONFLICT' ? t('meeting.bulletin.conflict') : errorMessage(save.error)}
            action={
              errorCode(save.error) === 'CONFLICT' ? (
                <Button size="small" onClick={() => void queryClient.invalidateQueries({ queryKey: trpc.bulletin.pathKey() })}>
                  {t('meeting.bulletin.reload')}
                </Button>
              ) : undefined
            }
            data-testid="bulletin-save-error"
          />
        )}
        {problems.length > 0 && (
          <div style={{ marginTop: 8 }}>
            <DueDateProblems problems={problems} issueDate={content.issueDate} title={t('meeting.bulletin.due.title')} />
          </div>
        )}
        {problems.length > 0 && isDirty && canEdit && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {t('meeting.bulletin.due.unsaved')}
          </Typography.Text>
        )}
      </Card>
      <HeaderFields {...editor} />
      {/* The document is published in Chinese: another language says so once, above the paper. */}
      {i18n.language !== 'zh' && (
        <Alert
          className="kp-screen-only"
          type="info"
          showIcon
          title={t('meeting.bulletin.chineseNote')}
          data-testid="bulletin-language-note"
        />
      )}
      <div
        className="kp-paper"
        data-testid="bulletin-paper"
        style={{
          background: '#fff',
          maxWidth: 960,
          margin: '0 auto',
          padding: '48px 64px',
          boxShadow: '0 1px 6px rgba(0,0,0,0.12)',
          fontFamily: PAPER_FONT,
          fontSize: 16,
          color: '#111',
        }}
      >
        <div style={{ textAlign: 'center', color: '#c00000', fontSize: 30, fontWeight: 700, letterSpacing: 2 }} lang="zh-CN">
          {content.officeName}
        </div>
        <div style={{ textAlign: 'center', margin: '16px 0 4px' }} lang="zh-CN">
          {content.documentNumber || '\u00a0'}
        </div>
        <div style={{ borderBottom: '2px solid #c00000', marginBottom: 28 }} />
        <h2
          style={{ textAlign: 'center', fontSize: 24, fontWeight: 700, margin: '0 0 24px', fontFamily: PAPER_FONT }}
          data-testid="bulletin-title"
          lang="zh-CN"
        >
          {content.title}
        </h2>
        <p style={{ margin: '0 0 8px' }} lang="zh-CN">
          {content.addressees}
        </p>

        <SectionHeading>{t('meeting.bulletin.sections.basis')}</SectionHeading>
        <EditableParagraph {...editor} name="basis" defaults={view.defaultWording} />

        <SectionHeading>{t('meeting.bulletin.sections.overall')}</SectionHeading>
        <EditableParagraph {...editor} name="overallComment" defaults={view.defaultWording} />
        <OverallFigures doc={doc} />

        <SectionHeading>{t('meeting.bulletin.sections.rankings')}</SectionHeading>
        <RankingTables doc={doc} />

        <SectionHeading>{t('meeting.bulletin.sections.mentions')}</SectionHeading>
        <Mentions doc={doc} />

        <SectionHeading>{t('meeting.bulletin.sections.problems')}</SectionHeading>
        <Problems doc={doc} />

        <SectionHeading>{t('meeting.bulletin.sections.rectification')}</SectionHeading>
        <Rectification doc={doc} />

        <SectionHeading>{t('meeting.bulletin.sections.requirements')}</SectionHeading>
        <EditableParagraph {...editor} name="requirementsIntro" defaults={view.defaultWording} />
        <RequirementsEditor {...editor} problems={problems} />

        <EditableParagraph {...editor} name="closing" defaults={view.defaultWording} />
        {(content.contactName || content.contactPhone) && (
          <Para>
            {t('meeting.bulletin.contactName')}:<span lang="zh-CN">{content.contactName}</span> {t('meeting.bulletin.contactPhone')}:
            {content.contactPhone}
          </Para>
        )}
        <Signature doc={{ ...doc, officeName: content.officeName, issueDate: content.issueDate, publicity: content.publicity || null }} />

        <SectionHeading>{t('meeting.bulletin.sections.annexes')}</SectionHeading>
        <Annexes doc={doc} />
      </div>
    </>
  );
}
