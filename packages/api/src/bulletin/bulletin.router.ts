import { z } from 'zod';
import { bulletinDraftContentSchema } from '@kaoping/contracts/bulletin/bulletin-draft';
import { periodValueSchema } from '../period-input';
import { officeProcedure, readerProcedure, router } from '../trpc';
import { exportBulletin, getBulletin, saveBulletinDraft } from './bulletin.service';
import { listBulletinPeriods } from './bulletin-figures.service';

const periodInput = z.object({ period: periodValueSchema });

export const bulletinRouter = router({
  /** Periods with published results, newest first (the picker of the bulletin and the presentation). */
  periods: readerProcedure.query(({ ctx }) => listBulletinPeriods(ctx.db)),
  /** The period's figures, the meeting's opening figures and the office's wording. */
  get: readerProcedure.input(periodInput).query(({ ctx, input }) => getBulletin(ctx, input.period)),
  /** The office's header, paragraphs and requirements, over the version it loaded (0 = first save). */
  save: officeProcedure
    .input(periodInput.extend({ version: z.number().int().min(0), content: bulletinDraftContentSchema }))
    .mutation(({ ctx, input }) => saveBulletinDraft(ctx, input)),
  /** The bulletin as .docx (base64); a mutation so the large payload is not kept in the query cache. */
  exportDocx: readerProcedure.input(periodInput).mutation(({ ctx, input }) => exportBulletin(ctx, input.period, 'docx')),
  /** The per-group rankings as .xlsx (base64). */
  exportXlsx: readerProcedure.input(periodInput).mutation(({ ctx, input }) => exportBulletin(ctx, input.period, 'xlsx')),
});
