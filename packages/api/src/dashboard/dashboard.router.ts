import { z } from 'zod';
import { groupCodeSchema } from '@kaoping/contracts/org/group';
import { quarterValueSchema } from '../period-input';
import { readerProcedure, router, signedInProcedure } from '../trpc';
import { getRectificationBoard } from './dashboard-board.service';
import { getCityOverview, getOverviewList, getUnitSummary, listDashboardPeriods, overviewListKinds } from './dashboard-overview.service';
import { getUnitProfile } from './dashboard-profile.service';
import { getCrossGroupComparison, getGroupRanking, getGroupTrends, getHeatMap, getUnitHistory } from './dashboard-ranking.service';
import { actorOf } from '../actor';

/** A published quarter, or null for the latest one. */
const quarter = quarterValueSchema.nullable().default(null);
const periodInput = z.object({ period: quarter }).default({ period: null });
const groupInput = z.object({ period: quarter, group: groupCodeSchema.nullable().default(null) }).default({ period: null, group: null });
const unitInput = z.object({ unitId: z.number().int().positive(), period: quarter });

// Everything here reads the publications in force (never a draft round's live results).
export const dashboardRouter = router({
  /** Quarters with published results, newest first. */
  periods: signedInProcedure.query(({ ctx }) => listDashboardPeriods(ctx.db)),
  /** 概览 for readers: key figures per group, failing and vetoed units, changes, reports and ledger. */
  overview: readerProcedure.input(periodInput).query(({ ctx, input }) => getCityOverview(ctx.db, actorOf(ctx), input, ctx.dataVersion)),
  /** The list behind one of the overview's figures (failing units, vetoes, late or missing reports, overdue items, open items by unit). */
  overviewList: readerProcedure
    .input(z.object({ period: quarter, kind: z.enum(overviewListKinds) }))
    .query(({ ctx, input }) => getOverviewList(ctx.db, actorOf(ctx), input)),
  /** One unit's own figures (a liaison's overview); a liaison only their own unit. */
  unitSummary: signedInProcedure.input(unitInput).query(({ ctx, input }) => getUnitSummary(ctx.db, actorOf(ctx), input)),
  /** 排名: one group's official ranking with movement. */
  ranking: readerProcedure.input(groupInput).query(({ ctx, input }) => getGroupRanking(ctx.db, actorOf(ctx), input, ctx.dataVersion)),
  /** Across groups: percentile within the group and standard score, never an official rank. */
  crossGroup: readerProcedure
    .input(periodInput)
    .query(({ ctx, input }) => getCrossGroupComparison(ctx.db, actorOf(ctx), input, ctx.dataVersion)),
  /** Units × level-1 indicators of a group: share of points earned. */
  heatMap: readerProcedure.input(groupInput).query(({ ctx, input }) => getHeatMap(ctx.db, actorOf(ctx), input, ctx.dataVersion)),
  /** Each group's average, spread and pass rate over the published quarters. */
  groupTrends: readerProcedure.query(({ ctx }) => getGroupTrends(ctx.db, ctx.dataVersion)),
  /** A unit's score, rank and grade over the quarters; a liaison only their own unit. */
  unitHistory: signedInProcedure
    .input(z.object({ unitId: z.number().int().positive() }))
    .query(({ ctx, input }) => getUnitHistory(ctx.db, actorOf(ctx), input)),
  /** 单位画像; a liaison only their own unit. */
  unitProfile: signedInProcedure.input(unitInput).query(({ ctx, input }) => getUnitProfile(ctx.db, actorOf(ctx), input, ctx.dataVersion)),
  /** 整改看板: burn-down, overdue by unit, on-time closure; a liaison only their own unit. */
  rectificationBoard: signedInProcedure
    .input(z.object({ groupId: z.number().int().positive().nullable().default(null) }).default({ groupId: null }))
    .query(({ ctx, input }) => getRectificationBoard(ctx.db, actorOf(ctx), input)),
});
