// Loads what a period's bulletin and the meeting's presentation show, from the publication in
// force of the period's scored round (never from live inputs: the bulletin states published
// results), the previous quarter's publication (movement), and the rectification ledger.
import { invalidInput, notFound } from '@kaoping/domain/errors/domain-error';
import { chinaToday, periodDateRange, previousPeriod, type Period } from '@kaoping/domain/period/period';
import { rectificationFigures, rectificationFiguresByUnit } from '@kaoping/domain/rectification/rectification-figures';
import type { Db } from '@kaoping/db/connect';
import { findLatestPublication } from '@kaoping/db/assessment/publication.repository';
import { findScoredRoundOfPeriod, listRounds } from '@kaoping/db/assessment/round.repository';
import { findBulletinDraft } from '@kaoping/db/bulletin/bulletin-draft.repository';
import { listLedger } from '@kaoping/db/rectification/rectification.repository';
import { requireRoundScheme } from '../assessment/round.service';
import { buildReportYearOverview } from '../annual-reports/annual-report-overview.service';
import type { Authed } from '../assessment/round.service';
import { loadWorkCalendar } from '../rectification/work-calendar.service';
import { assembleBulletinFigures, type BulletinFigures } from '@kaoping/domain/bulletin/bulletin-figures';
import { bulletinDeadlines } from '@kaoping/domain/bulletin/bulletin-deadlines';
import { findRepeatedUnits, toFiguresRectification } from '@kaoping/domain/bulletin/bulletin-rectification';

export interface BulletinPeriod {
  period: string;
  roundId: number;
  title: string;
  status: string;
  publishedAt: string | null;
  hasDraft: boolean;
}

/** Periods whose scored round is published (or locked), newest first: the ones a bulletin can be made for. */
export async function listBulletinPeriods(db: Db): Promise<BulletinPeriod[]> {
  const rounds = await listRounds(db, { year: null, statuses: null, includeSelf: false });
  const firstOfPeriod = new Map<string, (typeof rounds)[number]>();
  for (const r of rounds) {
    const seen = firstOfPeriod.get(r.periodCode);
    if (!seen || r.id < seen.id) firstOfPeriod.set(r.periodCode, r);
  }
  const out: BulletinPeriod[] = [];
  for (const r of firstOfPeriod.values()) {
    if (r.status === 'draft') continue;
    out.push({
      period: r.periodCode,
      roundId: r.id,
      title: r.title,
      status: r.status,
      publishedAt: r.publishedAt,
      hasDraft: (await findBulletinDraft(db, r.periodCode)) !== null,
    });
  }
  return out.sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0));
}

/** The bulletin's figures for a published period; refuses a period without published results. */
export async function loadBulletinFigures(db: Db, period: Period, now: Date): Promise<BulletinFigures> {
  if (period.kind !== 'quarter') throw invalidInput('通报按季度生成,请选择季度期次');
  const round = await findScoredRoundOfPeriod(db, period.code);
  if (!round) throw notFound(`${period.code} 没有测评轮次`);
  if (round.status === 'draft') throw invalidInput(`${period.code} 的测评结果尚未发布,不能生成通报`);
  const publication = await findLatestPublication(db, round.id);
  // A published round always has its publication: a missing one is a broken invariant (500).
  if (!publication) throw new Error('已发布的轮次缺少发布记录');
  const { scheme } = await requireRoundScheme(db, round);

  const previous = previousPeriod(period);
  const previousRound = await findScoredRoundOfPeriod(db, previous.code);
  const previousPublication = previousRound && previousRound.status !== 'draft' ? await findLatestPublication(db, previousRound.id) : null;
  const previousResults = previousPublication?.results ?? null;

  const today = chinaToday(now);
  const [previousItems, calendar] = await Promise.all([
    listLedger(db, { period: previous.code, unitId: null, groupId: null, statuses: null, severity: null, onlyUnitId: null }),
    loadWorkCalendar(db),
  ]);
  // Items issued from the previous quarter's findings, and those carried into it.
  const ownItems = previousItems;
  const names = new Map(ownItems.map((i) => [i.unitId, { code: i.unitCode, name: i.unitName }]));
  const unitIds = new Map(publication.snapshot.units.map((u) => [u.code, u.id]));
  const repeated = findRepeatedUnits(
    ownItems.filter((i) => i.status === 'closed'),
    new Map((previousPublication?.snapshot.findings ?? []).map((f) => [f.id, f])),
    publication.snapshot.findings.flatMap((f) => {
      const unitId = unitIds.get(f.unit);
      return unitId === undefined ? [] : [{ unitId, indicator: f.indicator }];
    }),
  );
  // None only when there is no previous published quarter to follow up (the first bulletin).
  const rectification =
    previousPublication === null
      ? null
      : toFiguresRectification(
          previous.code,
          today,
          rectificationFigures(ownItems, today),
          new Map([...rectificationFiguresByUnit(ownItems, today)].map(([unitId, f]) => [unitId, f.overdue])),
          names,
          repeated,
        );

  const publishedOn = round.publishedAt ? chinaToday(new Date(round.publishedAt)) : null;
  const { start, end } = periodDateRange(period);

  return assembleBulletinFigures(
    {
      scheme,
      results: publication.results,
      previousResults,
      findings: publication.snapshot.findings,
      events: publication.snapshot.events,
      unitIds,
    },
    {
      period: { code: period.code, year: period.year, quarter: period.quarter, startDate: start, endDate: end },
      previousPeriod: previousResults ? previous.code : null,
      round: {
        id: round.id,
        title: round.title,
        kind: round.kind,
        status: round.status,
        publishedAt: round.publishedAt,
        publishedOn,
        publicationSequence: publication.sequence,
      },
      asOf: today,
      rectification,
      // From the default 成文日期 (today); the office's own date moves them (bulletin-due-dates.ts).
      deadlines: bulletinDeadlines(calendar, { period, issueDate: today }),
    },
  );
}

/** Figures the meeting opens with beside the period's results: the ledger today and annual-report timeliness. */
export async function loadMeetingFigures(ctx: Authed, periodYear: number) {
  const today = chinaToday(ctx.now());
  const items = await listLedger(ctx.db, { period: null, unitId: null, groupId: null, statuses: null, severity: null, onlyUnitId: null });
  const ledger = rectificationFigures(items, today);
  const reportYear = periodYear - 1;
  const reports = await buildReportYearOverview(ctx, reportYear);
  return {
    today,
    ledger: { open: ledger.open, overdue: ledger.overdue, onTimeClosureRate: ledger.onTimeClosureRate },
    annualReports: {
      year: reportYear,
      expected: reports.overall.expected,
      submitted: reports.overall.submitted,
      onTime: reports.overall.onTime,
      reportingRate: reports.overall.reportingRate,
      onTimeRate: reports.overall.onTimeRate,
    },
  };
}
