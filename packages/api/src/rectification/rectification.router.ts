import { z } from 'zod';
import { rectificationTransitionInputSchema } from '@kaoping/contracts/rectification/rectification-action';
import {
  calendarOverrideInputSchema,
  evidenceUploadInputSchema,
  issueFromFindingsInputSchema,
  issueRoundInputSchema,
  ledgerFilterSchema,
  ledgerIssueInputSchema,
} from '@kaoping/contracts/rectification/rectification-ledger';
import { chinaDateSchema } from '@kaoping/contracts/rectification/rectification-item';
import { rectificationIssueInputSchema } from '@kaoping/contracts/rectification/rectification-action';
import { calendarCoverage, describeDay } from '@kaoping/domain/calendar/work-calendar';
import { dueDateFor } from '@kaoping/domain/rectification/rectification-deadline';
import { chinaToday } from '@kaoping/domain/period/period';
import { deleteCalendarOverride, listCalendarOverrides, upsertCalendarOverride } from '@kaoping/db/rectification/calendar.repository';
import { listNotifications, markNotificationsRead } from '@kaoping/db/rectification/notification.repository';
import { recordChange } from '../audit/record-change';
import { filerProcedure, officeProcedure, router, signedInProcedure } from '../trpc';
import { downloadEvidence, uploadEvidence } from './evidence.service';
import { exportLedgerXlsx } from './ledger-export.service';
import { issueFromFindings, issueRound } from './issue-from-findings.service';
import { computeLedgerFigures } from './rectification-figures.service';
import { syncDueReminders } from './rectification-notices';
import { syncRemindersOnce } from './reminder-sync-memo';
import { getItemDetail, issueItem, listLedgerForUser, transitionItem } from './rectification.service';
import { loadWorkCalendar } from './work-calendar.service';

const idInput = z.object({ id: z.number().int().positive() });

/** The ledger page by page (the table shows 20 rows at a time): a request costs the same however long the ledger grows. */
const ledgerPageInputSchema = ledgerFilterSchema.extend({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
});

export const rectificationRouter = router({
  /** 整改台账, one page and the count of matching items: liaisons see only their own unit's items. */
  ledger: signedInProcedure.input(ledgerPageInputSchema).query(({ ctx, input }) => listLedgerForUser(ctx, input)),
  get: signedInProcedure.input(idInput).query(({ ctx, input }) => getItemDetail(ctx, input.id)),
  issue: officeProcedure.input(ledgerIssueInputSchema).mutation(({ ctx, input }) => issueItem(ctx, input)),
  /** 交办 from a published round's findings, one item per finding or per unit and indicator. */
  issueFromFindings: officeProcedure.input(issueFromFindingsInputSchema).mutation(({ ctx, input }) => issueFromFindings(ctx, input)),
  /** Every lifecycle action; who may do what is the domain state machine's table. */
  issueRound: officeProcedure.input(issueRoundInputSchema).mutation(({ ctx, input }) => issueRound(ctx, input)),
  transition: signedInProcedure.input(rectificationTransitionInputSchema).mutation(({ ctx, input }) => transitionItem(ctx, input)),
  figures: signedInProcedure
    .input(z.object({ period: z.string().nullable().default(null), groupId: z.number().int().positive().nullable().default(null) }))
    .query(({ ctx, input }) => computeLedgerFigures(ctx, input)),
  exportXlsx: signedInProcedure.input(ledgerFilterSchema).mutation(({ ctx, input }) => exportLedgerXlsx(ctx, input)),
  uploadEvidence: filerProcedure.input(evidenceUploadInputSchema).mutation(({ ctx, input }) => uploadEvidence(ctx, input)),
  downloadEvidence: signedInProcedure
    .input(z.object({ fileId: z.number().int().positive() }))
    .query(({ ctx, input }) => downloadEvidence(ctx, input.fileId)),
  /** The due date a rule would give if issued today (for the issue form). */
  previewDue: signedInProcedure.input(z.object({ due: rectificationIssueInputSchema.shape.due })).query(async ({ ctx, input }) => {
    const calendar = await loadWorkCalendar(ctx.db);
    const today = chinaToday(ctx.now());
    const { dueDate } = dueDateFor(calendar, today, input.due);
    return { issuedOn: today, dueDate, day: describeDay(calendar, dueDate) };
  }),
});

export const notificationRouter = router({
  list: signedInProcedure.input(z.object({ limit: z.number().int().min(1).max(200).default(50) })).query(async ({ ctx, input }) => {
    // Reminders are produced on demand (idempotent), besides the server's daily run.
    const today = chinaToday(ctx.now());
    await syncRemindersOnce(
      ctx.db,
      today,
      async () => syncDueReminders(ctx.db, await loadWorkCalendar(ctx.db), today, ctx.now()),
      ctx.dataVersion,
    );
    return listNotifications(ctx.db, ctx.user.id, input.limit);
  }),
  markRead: signedInProcedure
    .input(z.object({ ids: z.union([z.array(z.number().int().positive()).max(500), z.literal('all')]) }))
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.user.id, input.ids, ctx.now().toISOString())),
});

export const calendarRouter = router({
  overrides: signedInProcedure.query(async ({ ctx }) => {
    const calendar = await loadWorkCalendar(ctx.db);
    return { overrides: await listCalendarOverrides(ctx.db), coverage: calendarCoverage(calendar) };
  }),
  upsert: officeProcedure.input(calendarOverrideInputSchema).mutation(({ ctx, input }) =>
    ctx.db.transaction().execute(async (trx) => {
      await upsertCalendarOverride(trx, input, ctx.now().toISOString());
      await recordChange(trx, ctx.user, ctx.now(), {
        action: 'calendar.upsert',
        entity: 'calendar',
        entityId: input.date,
        unitId: null,
        before: null,
        after: input,
      });
    }),
  ),
  remove: officeProcedure.input(z.object({ date: chinaDateSchema })).mutation(({ ctx, input }) =>
    ctx.db.transaction().execute(async (trx) => {
      await deleteCalendarOverride(trx, input.date);
      await recordChange(trx, ctx.user, ctx.now(), {
        action: 'calendar.remove',
        entity: 'calendar',
        entityId: input.date,
        unitId: null,
        before: input,
        after: null,
      });
    }),
  ),
});
