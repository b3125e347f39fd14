// Demo annual reports for 江临市: the 2024 and 2025 reports (published early 2025 and early 2026) of
// every unit, with realistic numbers from the domain's generator, last year's carry-over carried
// into this year, most accepted, a few late, a few missing, a few returned for rule failures, two
// corrected after acceptance. Deterministic: the same seed gives the same reports on every machine.
import type { ReportStatus } from '@kaoping/contracts/annual-report-workflow/annual-report-record';
import { generateReport } from '@kaoping/domain/annual-report/generate-report';
import { APPLICANT_PART_COLUMNS } from '@kaoping/domain/annual-report/template';
import { checkStoredReport } from '@kaoping/domain/annual-report-workflow/check-stored-report';
import { reportUnitKindOf } from '@kaoping/domain/annual-report-workflow/report-unit-kind';
import { warningKey } from '@kaoping/domain/annual-report-workflow/report-warnings';
import { reportDeadline } from '@kaoping/domain/annual-report/timeliness';
import type { DemoSeedContext } from '../demo/seed-demo-city';
import { createRandom, type Random } from '../demo/random';
import { insertReportEvent, insertReportVersion, updateReportState } from './annual-report.repository';

type Cells = Record<string, number | null>;
type Fate = 'missing' | 'draft' | 'submitted' | 'returned' | 'accepted' | 'corrected';

export const DEMO_REPORT_YEARS = [2024, 2025] as const;
/** The liaison of this unit files the 2025 report in the end-to-end journey: left missing in the demo. */
const LEFT_FOR_THE_JOURNEY = 'A01';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
/** 10:00 China time on a China calendar date, plus minutes. */
const instantOn = (date: string, minutes = 0) => new Date(Date.parse(`${date}T02:00:00Z`) + minutes * 60_000).toISOString();

function hashSeed(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619);
  return h >>> 0;
}

function fateOf(random: Random, year: number, code: string): Fate {
  if (year === 2025 && code === LEFT_FOR_THE_JOURNEY) return 'missing';
  const r = random.next();
  if (year === 2024) return r < 0.04 ? 'missing' : r < 0.06 ? 'corrected' : 'accepted';
  return r < 0.05 ? 'missing' : r < 0.09 ? 'draft' : r < 0.14 ? 'returned' : r < 0.22 ? 'submitted' : 'accepted';
}

const setTotal = (cells: Cells, row: string) => {
  cells[`${row}.total`] = APPLICANT_PART_COLUMNS.reduce((s, c) => s + (cells[`${row}.${c}`] ?? 0), 0);
};

/** This year's 上年结转 = last year's 结转下年度 (S1) and 现行有效 carried on (S2), keeping H1–H7. */
function continueFrom(previous: Cells, cells: Cells): void {
  for (const c of APPLICANT_PART_COLUMNS) {
    const carriedIn = previous[`apply.carried_out.${c}`] ?? 0;
    cells[`apply.carried_in.${c}`] = carriedIn;
    let fresh = (cells[`apply.result.total.${c}`] ?? 0) + (cells[`apply.carried_out.${c}`] ?? 0) - carriedIn;
    if (fresh < 0) {
      // More came in than was handled: the surplus was granted this year.
      for (const row of ['apply.result.granted', 'apply.result.total']) cells[`${row}.${c}`] = (cells[`${row}.${c}`] ?? 0) - fresh;
      fresh = 0;
    }
    cells[`apply.new.${c}`] = fresh;
  }
  for (const row of ['apply.carried_in', 'apply.new', 'apply.result.granted', 'apply.result.total']) setTotal(cells, row);
  for (const stock of ['active.rules', 'active.normative']) {
    const before = previous[`${stock}.in_force`];
    if (typeof before === 'number')
      cells[`${stock}.in_force`] = before + (cells[`${stock}.issued`] ?? 0) - (cells[`${stock}.repealed`] ?? 0);
  }
}

/** A slip of the kind offices really make, breaking one hard rule. */
function breakOneRule(random: Random, cells: Cells): void {
  const bump = (key: string, by = 1) => (cells[key] = (cells[key] ?? 0) + by);
  switch (random.int(0, 2)) {
    case 0: // 结转下年度 typed one too high: H1.
      bump('apply.carried_out.natural');
      bump('apply.carried_out.total');
      break;
    case 1: // (七)总计 not updated after a late application: H3.
      for (const k of ['apply.new', 'apply.result.total']) for (const c of ['natural', 'total']) bump(`${k}.${c}`);
      break;
    default: // 行政复议 总计 counts a case twice: H4.
      bump('review.total');
  }
}

function narrative(unit: string, year: number, cells: Cells): { one: string; five: string; six: string } {
  const n = (k: string) => cells[k] ?? 0;
  return {
    one: [
      `${year}年，${unit}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作深化政务公开。`,
      `（一）主动公开。全年制发行政规范性文件${n('active.normative.issued')}件，现行有效${n('active.normative.in_force')}件，行政许可处理决定${n('active.licensing.decisions')}件，行政处罚决定${n('active.punishment.decisions')}件。`,
      `（二）依申请公开。全年新收政府信息公开申请${n('apply.new.total')}件，上年结转${n('apply.carried_in.total')}件，办结${n('apply.result.total.total')}件，结转下年度继续办理${n('apply.carried_out.total')}件。`,
      '（三）政府信息管理。动态更新主动公开基本目录，严格落实公开前保密审查。',
      '（四）平台建设。持续优化政府网站信息公开专栏，政务新媒体同步发布。',
      '（五）监督保障。将政务公开纳入年度绩效考核，开展业务培训。',
    ].join('\n'),
    five: '存在的主要问题：政策解读形式较为单一，部分栏目更新不够及时。改进措施：丰富图解、视频等解读形式，建立栏目更新提醒机制，加强工作人员培训。',
    six: `本机关${year}年度未收取信息处理费。人大代表建议和政协提案办理结果已按要求公开。`,
  };
}

export async function seedAnnualReportDemo(ctx: DemoSeedContext): Promise<Record<string, number>> {
  const random = createRandom(20260131);
  const office = ctx.city.users.find((u) => u.role === 'admin');
  const officeActor = { by: office ? (ctx.userIds.get(office.username) ?? null) : null, byName: office?.displayName ?? '市政务公开办' };
  const liaisonOf = (code: string) => {
    const user = ctx.city.users.find((u) => u.username === `lx-${code.toLowerCase()}`);
    return { by: user ? (ctx.userIds.get(user.username) ?? null) : null, byName: user?.displayName ?? '单位联络员' };
  };
  const accepted = new Map<string, Cells>();
  const counts: Record<ReportStatus | 'missing' | 'late', number> = {
    draft: 0,
    submitted: 0,
    returned: 0,
    accepted: 0,
    missing: 0,
    late: 0,
  };

  for (const year of DEMO_REPORT_YEARS) {
    for (const u of ctx.city.units) {
      if (u.validTo && u.validTo < `${year + 1}-01-01`) continue;
      const unitId = ctx.unitIds.get(u.code);
      if (unitId === undefined) continue;
      const fate = fateOf(random, year, u.code);
      if (fate === 'missing') {
        counts.missing++;
        continue;
      }
      const unitKind = reportUnitKindOf(u.kind);
      const cells: Cells = generateReport({ seed: hashSeed(`${u.code}:${year}`), year, unitKind, unit: u.name }).cells;
      const previous = accepted.get(u.code);
      const breaksCarryOver = year === 2025 && fate === 'accepted' && random.chance(0.06);
      if (previous && !breaksCarryOver) continueFrom(previous, cells);
      if (fate === 'returned') breakOneRule(random, cells);

      const deadline = reportDeadline(year, unitKind).date;
      const isLate = fate !== 'draft' && random.chance(0.1);
      const publishedAt = isLate ? addDays(deadline, random.int(1, 25)) : `${year + 1}-01-${String(random.int(5, 28)).padStart(2, '0')}`;
      if (isLate) counts.late++;
      const text = narrative(u.name, year, cells);
      const checks = checkStoredReport(
        { format: 2021, year, cells, sectionSix: text.six },
        { unitKind, previous: previous ? { format: 2021, cells: previous } : null },
      );
      const explanations: Record<string, string> = {};
      for (const c of checks)
        if (c.severity === 'warning')
          explanations[warningKey(c)] =
            c.rule === 'S2'
              ? '部分行政规范性文件到期失效,现行有效件数按清理结果填报。'
              : '经核实,上年报告的结转数有误,本年度按实际结转数填报。';

      const liaison = liaisonOf(u.code);
      const createdOn = addDays(publishedAt, -random.int(2, 6));
      let report = await insertReportVersion(
        ctx.trx,
        {
          unitId,
          year,
          versionNo: 1,
          format: 2021,
          cells,
          sources: {},
          importMeta: null,
          sectionOne: text.one,
          sectionFive: text.five,
          sectionSix: text.six,
          publishedAt: fate === 'draft' ? null : publishedAt,
          explanations,
          correctionReason: null,
          firstSubmittedAt: null,
          createdByName: liaison.byName,
        },
        instantOn(createdOn),
      );
      const event = (
        at: string,
        actor: { by: number | null; byName: string },
        action: 'created' | 'submitted' | 'returned' | 'accepted' | 'correction',
        note: string | null = null,
      ) => insertReportEvent(ctx.trx, { reportId: report.id, at, actorId: actor.by, actorName: actor.byName, action, note });
      await event(instantOn(createdOn), liaison, 'created');
      if (fate === 'draft') {
        counts.draft++;
        continue;
      }
      const submittedAt = instantOn(publishedAt, random.int(0, 600));
      const submit = async (at: string) => {
        const next = await updateReportState(
          ctx.trx,
          report.id,
          report.version,
          { status: 'submitted', submitted: { at, ...liaison } },
          at,
        );
        if (next) report = next;
        await event(at, liaison, 'submitted');
      };
      const decide = async (status: 'accepted' | 'returned', at: string, reason: string | null) => {
        const next = await updateReportState(ctx.trx, report.id, report.version, { status, decided: { at, ...officeActor, reason } }, at);
        if (next) report = next;
        await event(at, officeActor, status, reason);
      };
      await submit(submittedAt);
      const decidedAt = instantOn(addDays(publishedAt, random.int(3, 12)), random.int(0, 400));
      if (fate === 'submitted') {
        counts.submitted++;
        continue;
      }
      if (fate === 'returned') {
        const failing = checks.find((c) => c.severity === 'error');
        await decide('returned', decidedAt, `勾稽关系不符,请核实后重新报送:${failing?.message ?? '表格数据有误'}`);
        counts.returned++;
        continue;
      }
      await decide('accepted', decidedAt, null);
      counts.accepted++;
      accepted.set(u.code, cells);
      if (fate === 'corrected') {
        const reason = '行政复议案件数更正(原统计漏报 1 件)';
        const corrected = {
          ...cells,
          'review.pending': (cells['review.pending'] ?? 0) + 1,
          'review.total': (cells['review.total'] ?? 0) + 1,
        };
        const correctedOn = addDays(publishedAt, random.int(20, 40));
        report = await insertReportVersion(
          ctx.trx,
          {
            unitId,
            year,
            versionNo: 2,
            format: 2021,
            cells: corrected,
            sources: {},
            importMeta: null,
            sectionOne: text.one,
            sectionFive: text.five,
            sectionSix: text.six,
            publishedAt,
            explanations,
            correctionReason: reason,
            firstSubmittedAt: submittedAt,
            createdByName: liaison.byName,
          },
          instantOn(correctedOn),
        );
        await event(instantOn(correctedOn), liaison, 'correction', reason);
        await submit(instantOn(correctedOn, 30));
        await decide('accepted', instantOn(addDays(correctedOn, 2)), '更正已核实');
        accepted.set(u.code, corrected);
      }
    }
  }
  return {
    annualReports: counts.draft + counts.submitted + counts.returned + counts.accepted,
    annualReportsMissing: counts.missing,
    annualReportsLate: counts.late,
    annualReportsReturned: counts.returned,
  };
}
