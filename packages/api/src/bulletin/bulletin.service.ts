// The bulletin (通报) of a period: its figures (bulletin-figures.service.ts), the office's draft
// (header, paragraphs, requirements), and the documents built from both by the exporter.
import { BULLETIN_HEADER_KEYS, bulletinDraftContentSchema, type BulletinDraftContent } from '@kaoping/contracts/bulletin/bulletin-draft';
import type { BulletinFigures } from '@kaoping/domain/bulletin/bulletin-figures';
import { defaultDraftContent } from '@kaoping/domain/bulletin/bulletin-wording';
import { dueDateProblemMessage, dueDateProblems, withDueDates } from '@kaoping/domain/bulletin/bulletin-due-dates';
import type { WorkCalendar } from '@kaoping/domain/calendar/work-calendar';
import { conflict, invalidInput } from '@kaoping/domain/errors/domain-error';
import { chinaToday, type Period } from '@kaoping/domain/period/period';
import type { BulletinWording } from '@kaoping/exporters/bulletin/bulletin-data';
import {
  findBulletinDraft,
  findLatestBulletinDraft,
  insertBulletinDraft,
  updateBulletinDraft,
  type BulletinDraft,
} from '@kaoping/db/bulletin/bulletin-draft.repository';
import { toBulletinData } from '@kaoping/exporters/bulletin/bulletin-from-figures';
import { listCalendarOverrides } from '@kaoping/db/rectification/calendar.repository';
import { recordChange } from '../audit/record-change';
import { loadWorkCalendar } from '../rectification/work-calendar.service';
import type { Authed } from '../assessment/round.service';
import { loadBulletinFigures, loadMeetingFigures } from './bulletin-figures.service';

const CONFLICT_MESSAGE = '通报已被他人修改,请刷新后重试';
const PARAGRAPHS = ['basis', 'overallComment', 'requirementsIntro', 'closing'] as const satisfies readonly (keyof BulletinWording)[];

function storedContent(draft: BulletinDraft): Partial<BulletinDraftContent> {
  const parsed = bulletinDraftContentSchema.omit({ documentNumber: true }).partial().safeParse(draft.paragraphs);
  return { ...(parsed.success ? parsed.data : {}), documentNumber: draft.documentNumber };
}

/**
 * The content to show and print: the saved draft over the defaults of the period, with every
 * working-day deadline counted from the 成文日期 (issue #15 §8).
 */
async function resolveContent(
  ctx: Authed,
  figures: BulletinFigures,
  draft: BulletinDraft | null,
  calendar: WorkCalendar,
): Promise<BulletinDraftContent> {
  const latest = draft ?? (await findLatestBulletinDraft(ctx.db));
  const header = latest ? storedContent(latest) : null;
  const lastHeader = header && Object.fromEntries(BULLETIN_HEADER_KEYS.flatMap((k) => (header[k] !== undefined ? [[k, header[k]]] : [])));
  const defaults = defaultDraftContent(figures, chinaToday(ctx.now()), lastHeader);
  const content = draft ? { ...defaults, ...storedContent(draft) } : defaults;
  return { ...content, requirements: withDueDates(calendar, content.issueDate, content.requirements) };
}

function draftInfo(draft: BulletinDraft) {
  return { version: draft.version, updatedByName: draft.updatedByName, updatedAt: draft.updatedAt };
}

async function loadDocument(ctx: Authed, period: Period) {
  const figures = await loadBulletinFigures(ctx.db, period, ctx.now());
  const [draft, calendar] = await Promise.all([findBulletinDraft(ctx.db, figures.period.code), loadWorkCalendar(ctx.db)]);
  const content = await resolveContent(ctx, figures, draft, calendar);
  const today = chinaToday(ctx.now());
  const problems = dueDateProblems({ issueDate: content.issueDate, today, requirements: content.requirements });
  return { figures, draft, content, today, problems, data: toBulletinData(figures, content) };
}

export async function getBulletin(ctx: Authed, period: Period) {
  const { figures, draft, content, data, today, problems } = await loadDocument(ctx, period);
  const meeting = await loadMeetingFigures(ctx, figures.period.year);
  // What a blank paragraph prints (for the editor's "restore" and the presentation).
  const defaultWording = toBulletinData(figures, { ...content, basis: '', overallComment: '', requirementsIntro: '', closing: '' }).wording;
  // The office's calendar entries, so the editor counts working days exactly as the server does.
  const calendarOverrides = await listCalendarOverrides(ctx.db);
  return {
    figures,
    meeting,
    content,
    data,
    defaultWording,
    draft: draft && draftInfo(draft),
    today,
    dueDateProblems: problems,
    calendarOverrides,
  };
}

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The bulletin as .docx, or its rankings as .xlsx, base64, with a file name. */
export async function exportBulletin(ctx: Authed, period: Period, format: 'docx' | 'xlsx') {
  const { data, content, problems } = await loadDocument(ctx, period);
  // The .docx prints the deadlines: one that cannot be met is refused, with the requirements named.
  // The rankings .xlsx carries no deadline, so it is not held back by one.
  if (format === 'docx' && problems.length > 0) throw invalidInput(dueDateProblemMessage(problems, content.issueDate));
  // The writers (docx, exceljs) load at first use, not with the server.
  const bytes =
    format === 'docx'
      ? await (await import('@kaoping/exporters/bulletin/bulletin-docx')).buildBulletinDocx(data)
      : await (await import('@kaoping/exporters/bulletin/bulletin-xlsx')).buildRankingsXlsx(data);
  const base = `${data.cityName}${data.periodLabel}政务公开工作考评`;
  return {
    fileName: format === 'docx' ? `${base}情况通报.docx` : `${base}得分及排名.xlsx`,
    mime: MIME[format],
    contentBase64: Buffer.from(bytes).toString('base64'),
  };
}

/**
 * Saves the office's draft over `version` (0 = the period has none yet). A paragraph equal to the
 * default wording is stored blank, so it keeps following the figures (e.g. after a restatement).
 */
export async function saveBulletinDraft(ctx: Authed, input: { period: Period; version: number; content: BulletinDraftContent }) {
  const figures = await loadBulletinFigures(ctx.db, input.period, ctx.now());
  const period = figures.period.code;
  const defaults = toBulletinData(figures, { ...input.content, basis: '', overallComment: '', requirementsIntro: '', closing: '' }).wording;
  // Working-day deadlines are stored as the server counts them from the 成文日期.
  const calendar = await loadWorkCalendar(ctx.db);
  const { documentNumber, ...rest } = {
    ...input.content,
    requirements: withDueDates(calendar, input.content.issueDate, input.content.requirements),
  };
  const paragraphs = { ...rest, ...Object.fromEntries(PARAGRAPHS.map((k) => [k, rest[k].trim() === defaults[k].trim() ? '' : rest[k]])) };
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findBulletinDraft(trx, period);
    const write = { periodCode: period, paragraphs, documentNumber, updatedBy: ctx.user.id, updatedByName: ctx.user.displayName };
    let after: BulletinDraft | null;
    if (input.version === 0) after = before ? null : await insertBulletinDraft(trx, write, now.toISOString());
    else after = before ? await updateBulletinDraft(trx, write, input.version, now.toISOString()) : null;
    if (!after) throw conflict(CONFLICT_MESSAGE);
    await recordChange(trx, ctx.user, now, {
      action: 'bulletin.save',
      entity: 'bulletin',
      entityId: period,
      unitId: null,
      before: before && { documentNumber: before.documentNumber, ...(before.paragraphs as object), version: before.version },
      after: { documentNumber, ...paragraphs, version: after.version },
    });
    return draftInfo(after);
  });
}
