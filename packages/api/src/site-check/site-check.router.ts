import {
  siteChannelsSetInputSchema,
  siteCityInputSchema,
  siteEvidenceInputSchema,
  siteProblemReviewInputSchema,
  siteProblemSendInputSchema,
  siteProblemsInputSchema,
  siteRunInputSchema,
  siteRunStartInputSchema,
  siteSettingsSaveInputSchema,
  siteUnitResultInputSchema,
  siteWordsImportInputSchema,
  siteWordsSetInputSchema,
} from '@kaoping/contracts/site-check/site-check-api';
import { z } from 'zod';
import { assessorProcedure, officeProcedure, readerProcedure, router } from '../trpc';
import {
  cancelRun,
  cityTable,
  exportRun,
  getChannels,
  getEvidencePage,
  getProblems,
  getRunProgress,
  getRuns,
  getUnitResult,
  getWords,
  importWords,
  readSettings,
  reviewProblem,
  sendProblems,
  sendTargets,
  setChannels,
  setWords,
  startRun,
  writeSettings,
} from './site-check.service';

// 网站检查 (issue #16). The office keeps channels, settings and the word list; the office and its
// assessors run checks, review problems and send them to rounds; leaders read.
export const siteCheckRouter = router({
  channels: readerProcedure
    .input(z.object({ unitId: z.number().int().positive() }))
    .query(({ ctx, input }) => getChannels(ctx, input.unitId)),
  setChannels: officeProcedure.input(siteChannelsSetInputSchema).mutation(({ ctx, input }) => setChannels(ctx, input)),
  settings: readerProcedure.query(({ ctx }) => readSettings(ctx)),
  saveSettings: officeProcedure.input(siteSettingsSaveInputSchema).mutation(({ ctx, input }) => writeSettings(ctx, input)),
  words: readerProcedure.query(({ ctx }) => getWords(ctx)),
  setWords: officeProcedure.input(siteWordsSetInputSchema).mutation(({ ctx, input }) => setWords(ctx, input)),
  importWords: officeProcedure.input(siteWordsImportInputSchema).mutation(({ ctx, input }) => importWords(ctx, input)),
  runs: readerProcedure.query(({ ctx }) => getRuns(ctx)),
  run: readerProcedure.input(siteRunInputSchema).query(({ ctx, input }) => getRunProgress(ctx, input)),
  start: assessorProcedure.input(siteRunStartInputSchema).mutation(({ ctx, input }) => startRun(ctx, input)),
  cancel: assessorProcedure.input(siteRunInputSchema).mutation(({ ctx, input }) => cancelRun(ctx, input)),
  unitResult: readerProcedure.input(siteUnitResultInputSchema).query(({ ctx, input }) => getUnitResult(ctx, input)),
  city: readerProcedure.input(siteCityInputSchema).query(({ ctx, input }) => cityTable(ctx, input)),
  /** The run as the monthly 通报 .xlsx (base64); a query, since it writes nothing. */
  exportRun: readerProcedure.input(siteRunInputSchema).query(({ ctx, input }) => exportRun(ctx, input)),
  problems: readerProcedure.input(siteProblemsInputSchema).query(({ ctx, input }) => getProblems(ctx, input)),
  review: assessorProcedure.input(siteProblemReviewInputSchema).mutation(({ ctx, input }) => reviewProblem(ctx, input)),
  sendTargets: assessorProcedure.query(({ ctx }) => sendTargets(ctx)),
  send: assessorProcedure.input(siteProblemSendInputSchema).mutation(({ ctx, input }) => sendProblems(ctx, input)),
  evidence: readerProcedure.input(siteEvidenceInputSchema).query(({ ctx, input }) => getEvidencePage(ctx, input)),
});
