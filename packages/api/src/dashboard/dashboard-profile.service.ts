// A unit's profile (单位画像): level-1 shares against the group's average, the explanation of its
// score (waterfall, gap to the unit ranked just above, indicators that lost the most relative to
// the group: domain explainUnit on the engine's sheets), its findings and their rectification,
// its ledger items, annual reports and score history. A liaison sees their own unit only, and of
// the unit above only the gap (not its name or its indicators).
import { notFound } from '@kaoping/domain/errors/domain-error';
import { explainUnit, type UnitExplanation } from '@kaoping/domain/analysis/explain-unit';
import { prepareAnalysisGroup } from '@kaoping/domain/analysis/analysis-group';
import { chinaToday, type Period } from '@kaoping/domain/period/period';
import { isOverdue } from '@kaoping/domain/rectification/rectification-deadline';
import type { RectificationStatus } from '@kaoping/contracts/rectification/rectification-status';
import { findRectificationOfFindings, listRoundFindings } from '@kaoping/db/assessment/assessment-input.repository';
import { listUnitReportYears } from '@kaoping/db/annual-reports/annual-report.repository';
import { listRectificationTimeline } from '@kaoping/db/dashboard/dashboard.repository';
import { findUnitById } from '@kaoping/db/units/unit.repository';
import type { Actor } from '../actor';
import { assertCanSeeUnit, unitScopeOf } from '../scope';
import { keptWhileUnchanged, loadGroupSheets, loadReportTimeliness, loadSchemeView, type DataVersionSource } from './dashboard-data';
import { unitHistoryOf, unitPublishedRowsOf } from './dashboard-ranking.service';
import { averageShare, shareOf } from '@kaoping/domain/dashboard/cross-group';
import { rectificationSummaryOf } from '@kaoping/domain/dashboard/ledger-summary';
import { pickRound } from '@kaoping/domain/dashboard/published-periods';
import { isFailing } from '@kaoping/domain/scoring/pass-line';
import type { Db } from '@kaoping/db/connect';
import { milliToNumber } from '@kaoping/domain/scoring/decimal';

function scopedExplanation(explanation: UnitExplanation, isOwnUnitOnly: boolean) {
  const gap = explanation.gapToAbove;
  return {
    final: explanation.final,
    applicableMax: explanation.applicableMax,
    indicators: explanation.indicators,
    waterfall: explanation.waterfall,
    relativeLosses: explanation.relativeLosses,
    gapToAbove:
      gap === null
        ? null
        : isOwnUnitOnly
          ? { unit: null, name: null, rank: gap.rank, final: null, gap: gap.gap, indicators: [] }
          : { unit: gap.unit, name: gap.name, rank: gap.rank, final: gap.final, gap: gap.gap, indicators: gap.indicators },
  };
}

export async function getUnitProfile(
  db: Db,
  actor: Actor,
  input: { unitId: number; period: Period | null },
  versionOf?: DataVersionSource,
) {
  assertCanSeeUnit(actor.user, input.unitId);
  // A liaison's view hides the unit above: the scope is part of the key, as is today (overdue items).
  const scope = unitScopeOf(actor.user) !== null ? 'own' : 'all';
  const key = `profile|${input.unitId}|${input.period?.code ?? ''}|${chinaToday(actor.now)}|${scope}`;
  return keptWhileUnchanged(db, key, () => unitProfileOf(db, actor, input), versionOf);
}

async function unitProfileOf(db: Db, actor: Actor, input: { unitId: number; period: Period | null }) {
  const unit = await findUnitById(db, input.unitId);
  if (!unit) throw notFound('单位不存在');
  const now = actor.now;
  const today = chinaToday(now);
  const isOwnUnitOnly = unitScopeOf(actor.user) !== null;

  // The quarters the unit has a published result in (read models); the one asked for, else the latest of them.
  const assessedRows = await unitPublishedRowsOf(db, unit.code);
  const assessedIn = assessedRows.map((a) => a.round);
  const round = input.period === null ? (assessedIn[assessedIn.length - 1] ?? null) : pickRound(assessedIn, input.period);

  let assessment = null;
  if (round) {
    const view = await loadSchemeView(db, round);
    const groupCode = assessedRows.find((a) => a.round.publicationId === round.publicationId)?.row.group ?? '';
    const { group, findingIds } = await loadGroupSheets(db, view, groupCode);
    const row = group.rows.find((r) => r.unit === unit.code);
    if (!row) throw notFound('该单位不在本期考评结果中');
    const level1 = view.scheme.nodes.filter((n) => n.level === 1);
    const linesOf = (r: typeof row) => new Map((r.sheet ?? []).filter((l) => l.level === 1).map((l) => [l.code, l]));
    const own = linesOf(row);
    const scored = group.rows.filter((r) => r.final !== null).map(linesOf);
    const radar = level1.map((n) => {
      const line = own.get(n.code);
      return {
        code: n.code,
        name: n.name,
        points: milliToNumber(n.points),
        unitShare: line ? shareOf(line.earned, line.applicablePoints) : null,
        groupShare: averageShare(
          scored.map((lines) => {
            const l = lines.get(n.code);
            return l ? shareOf(l.earned, l.applicablePoints) : null;
          }),
        ),
        earned: line?.earned ?? 0,
        applicablePoints: line?.applicablePoints ?? 0,
      };
    });
    let explanation = null;
    if (row.final !== null) {
      try {
        explanation = scopedExplanation(explainUnit(prepareAnalysisGroup(view.scheme, group), unit.code), isOwnUnitOnly);
      } catch {
        explanation = null;
      }
    }
    // Points each finding cost, from the sheet's losses (findingIndex → the snapshot's finding id).
    const pointsByFinding = new Map<number, number>();
    for (const line of row.sheet ?? [])
      for (const loss of line.losses) if (loss.kind === 'finding') pointsByFinding.set(findingIds[loss.findingIndex] ?? -1, loss.points);
    const findings = await listRoundFindings(db, round.roundId, { unitId: unit.id });
    const ordered = await findRectificationOfFindings(
      db,
      findings.map((f) => f.id),
    );
    assessment = {
      period: round.period,
      round: { id: round.roundId, title: round.title, status: round.status },
      group: { code: group.code, name: group.name, ranked: group.rows.filter((r) => r.rank !== null).length, units: group.rows.length },
      result: {
        final: row.final,
        rank: row.rank,
        rankDelta: row.rankDelta,
        grade: row.grade,
        isVetoFail: row.isVetoFail,
        isFailing: isFailing(row, view.rule),
        applicableMax: row.applicableMax,
        base: row.base,
        major: row.major,
        bonus: row.bonus,
        vetoes: row.events.vetoes.map((e) => ({ code: e.code, name: e.name, note: e.note })),
        unscoredReason: row.unscoredReason,
      },
      passScore: view.rule.passScore,
      radar,
      explanation,
      findings: findings.map((f) => ({
        id: f.id,
        leaf: f.leaf,
        leafName: view.scheme.nodeByCode.get(f.leaf)?.name ?? f.leaf,
        count: f.count,
        description: f.description,
        url: f.url,
        status: f.status,
        points: pointsByFinding.get(f.id) ?? null,
        rectification: ordered.get(f.id) ?? null,
      })),
    };
  }

  const items = await listRectificationTimeline(db, { unitId: unit.id, groupId: null });
  const figures = rectificationSummaryOf(items, today).overall;
  const reportYears = await listUnitReportYears(db, unit.id);
  const reports = [];
  for (const r of reportYears.slice(0, 5)) {
    const timeliness = (await loadReportTimeliness(db, r.year, now, unit.id)).rows[0] ?? null;
    reports.push({
      year: r.year,
      reportId: r.reportId,
      versionNo: r.versionNo,
      status: r.status,
      timeliness: timeliness?.timeliness ?? null,
      reportedOn: timeliness?.reportedOn ?? null,
      deadline: timeliness?.deadline ?? null,
    });
  }
  const history = await unitHistoryOf(db, actor, unit.code, assessedRows);
  return {
    today,
    unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind },
    periods: [...assessedIn].reverse().map((r) => r.period),
    assessment,
    rectification: {
      open: figures.open,
      overdue: figures.overdue,
      closed: figures.closed + figures.explained,
      onTimeClosureRate: figures.onTimeClosurePercent,
      items: [...items]
        .reverse()
        .filter((i) => i.status !== 'cancelled')
        .map((i) => ({
          id: i.id,
          code: i.code,
          title: i.title,
          period: i.period,
          status: i.status,
          dueDate: i.dueDate,
          closedOn: i.closedOn,
          isOverdue: isOverdue({ status: i.status as RectificationStatus, dueDate: i.dueDate }, today),
        })),
    },
    reports,
    history,
  };
}
