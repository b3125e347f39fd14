import {
  analysisGroupInputSchema,
  scenarioCompareInputSchema,
  scenarioCreateInputSchema,
  scenarioDeleteInputSchema,
  scenarioListInputSchema,
} from '@kaoping/contracts/analysis/analysis';
import { readerProcedure, router } from '../trpc';
import {
  compareScenarios,
  createScenario,
  deleteOwnScenario,
  exportScenarioComparison,
  getAnalysisGroup,
  listAnalysisPeriods,
  listGroupScenarios,
} from './analysis.service';
import { actorOf } from '../actor';

// Analysis (issue #7) is for the people who read city-wide results: the office, its assessors
// and leaders. Nothing here changes official results; scenarios are analysis notes.
const scenarioRouter = router({
  list: readerProcedure.input(scenarioListInputSchema).query(({ ctx, input }) => listGroupScenarios(ctx.db, actorOf(ctx), input)),
  create: readerProcedure.input(scenarioCreateInputSchema).mutation(({ ctx, input }) => createScenario(ctx.db, actorOf(ctx), input)),
  /** Only the scenario's own author may delete it (checked in the service). */
  delete: readerProcedure.input(scenarioDeleteInputSchema).mutation(({ ctx, input }) => deleteOwnScenario(ctx.db, actorOf(ctx), input)),
  compare: readerProcedure.input(scenarioCompareInputSchema).query(({ ctx, input }) => compareScenarios(ctx.db, actorOf(ctx), input)),
  /** The comparison as .xlsx (base64); a query, since it writes nothing. */
  exportComparison: readerProcedure
    .input(scenarioCompareInputSchema)
    .query(({ ctx, input }) => exportScenarioComparison(ctx.db, actorOf(ctx), input)),
});

export const analysisRouter = router({
  /** Published periods and their groups. */
  periods: readerProcedure.query(({ ctx }) => listAnalysisPeriods(ctx.db)),
  /** One published group as analysis JSON (the browser recomputes what-if and stability) plus its official rows. */
  group: readerProcedure.input(analysisGroupInputSchema).query(({ ctx, input }) => getAnalysisGroup(ctx.db, actorOf(ctx), input)),
  scenarios: scenarioRouter,
});
