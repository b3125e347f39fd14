import { z } from 'zod';
import {
  annualInputSchema,
  assessmentImportInputSchema,
  eventAddInputSchema,
  eventRemoveInputSchema,
  findingAddInputSchema,
  findingWithdrawInputSchema,
  objectionDecideInputSchema,
  objectionFileInputSchema,
  objectionListInputSchema,
  publishInputSchema,
  resultsInputSchema,
  roundIdInputSchema,
  roundListInputSchema,
  roundLockInputSchema,
  roundOpenInputSchema,
  schemeCopyInputSchema,
  schemeIdInputSchema,
  schemeImportInputSchema,
  selfAssessmentInputSchema,
  selfScoreSetInputSchema,
  sheetInputSchema,
  scoreSetInputSchema,
  scoresSaveInputSchema,
} from '@kaoping/contracts/assessment/assessment';
import { assessorProcedure, officeProcedure, readerProcedure, router, signedInProcedure, unitProcedure } from '../trpc';
import { importAssessmentFile } from './assessment-import.service';
import {
  addEvent,
  addFinding,
  getFindingScreenshot,
  getScoringGrid,
  removeEvent,
  saveScores,
  setScore,
  withdrawFindingById,
} from './assessment-input.service';
import { decideObjectionById, fileObjection, listObjectionsForUser } from './objection.service';
import { publishRound } from './publication.service';
import { getAnnualResults, getRoundResults, getUnitSheet, listRoundPublications } from './round-results.service';
import { getRound, listRoundsForUser, lockRound, openRound } from './round.service';
import { copySchemeToYear, exportScheme, getScheme, importScheme, listSchemesWithUse } from './scheme.service';
import { getSelfAssessment, setSelfScore } from './self-assessment.service';

const schemeRouter = router({
  list: readerProcedure.query(({ ctx }) => listSchemesWithUse(ctx)),
  get: readerProcedure.input(schemeIdInputSchema).query(({ ctx, input }) => getScheme(ctx, input.id)),
  export: readerProcedure.input(schemeIdInputSchema).query(({ ctx, input }) => exportScheme(ctx, input.id)),
  /** Creates the year's scheme, or replaces its draft (at the loaded version). */
  import: officeProcedure.input(schemeImportInputSchema).mutation(({ ctx, input }) => importScheme(ctx, input)),
  copyToNextYear: officeProcedure.input(schemeCopyInputSchema).mutation(({ ctx, input }) => copySchemeToYear(ctx, input)),
});

const roundRouter = router({
  /** A liaison sees the rounds too (results only once published, self-assessment while draft). */
  list: signedInProcedure.input(roundListInputSchema).query(({ ctx, input }) => listRoundsForUser(ctx, input)),
  get: signedInProcedure.input(roundIdInputSchema).query(({ ctx, input }) => getRound(ctx, input.roundId)),
  open: assessorProcedure.input(roundOpenInputSchema).mutation(({ ctx, input }) => openRound(ctx, input)),
  publish: assessorProcedure.input(publishInputSchema).mutation(({ ctx, input }) => publishRound(ctx, input)),
  lock: assessorProcedure.input(roundLockInputSchema).mutation(({ ctx, input }) => lockRound(ctx, input)),
  publications: readerProcedure.input(roundIdInputSchema).query(({ ctx, input }) => listRoundPublications(ctx, input.roundId)),
});

const inputRouter = router({
  grid: readerProcedure
    .input(z.object({ roundId: z.number().int().positive(), group: z.string().trim().min(1).max(32) }))
    .query(({ ctx, input }) => getScoringGrid(ctx, input)),
  importFile: assessorProcedure.input(assessmentImportInputSchema).mutation(({ ctx, input }) => importAssessmentFile(ctx, input)),
  setScore: assessorProcedure.input(scoreSetInputSchema).mutation(({ ctx, input }) => setScore(ctx, input)),
  /** The scoring grid's pending edits together (up to 500 cells), all or nothing. */
  saveScores: assessorProcedure.input(scoresSaveInputSchema).mutation(({ ctx, input }) => saveScores(ctx, input)),
  addFinding: assessorProcedure.input(findingAddInputSchema).mutation(({ ctx, input }) => addFinding(ctx, input)),
  withdrawFinding: assessorProcedure.input(findingWithdrawInputSchema).mutation(({ ctx, input }) => withdrawFindingById(ctx, input)),
  addEvent: assessorProcedure.input(eventAddInputSchema).mutation(({ ctx, input }) => addEvent(ctx, input)),
  removeEvent: assessorProcedure.input(eventRemoveInputSchema).mutation(({ ctx, input }) => removeEvent(ctx, input)),
  screenshot: signedInProcedure
    .input(z.object({ findingId: z.number().int().positive() }))
    .query(({ ctx, input }) => getFindingScreenshot(ctx, input.findingId)),
});

const resultRouter = router({
  /** Per group: rank, movement, score, grade, vetoes, completeness (live for a draft). */
  round: readerProcedure.input(resultsInputSchema).query(({ ctx, input }) => getRoundResults(ctx, input.roundId)),
  /** One unit's score sheet; a liaison only their own unit, once published. */
  sheet: signedInProcedure.input(sheetInputSchema).query(({ ctx, input }) => getUnitSheet(ctx, input)),
  annual: readerProcedure.input(annualInputSchema).query(({ ctx, input }) => getAnnualResults(ctx, input.year)),
});

const objectionRouter = router({
  list: signedInProcedure.input(objectionListInputSchema).query(({ ctx, input }) => listObjectionsForUser(ctx, input)),
  file: unitProcedure.input(objectionFileInputSchema).mutation(({ ctx, input }) => fileObjection(ctx, input)),
  decide: assessorProcedure.input(objectionDecideInputSchema).mutation(({ ctx, input }) => decideObjectionById(ctx, input)),
});

const selfRouter = router({
  get: signedInProcedure.input(selfAssessmentInputSchema).query(({ ctx, input }) => getSelfAssessment(ctx, input)),
  set: unitProcedure.input(selfScoreSetInputSchema).mutation(({ ctx, input }) => setSelfScore(ctx, input)),
});

export const assessmentRouter = router({
  schemes: schemeRouter,
  rounds: roundRouter,
  inputs: inputRouter,
  results: resultRouter,
  objections: objectionRouter,
  self: selfRouter,
});
