// A period's bulletin figures (domain) and the office's draft as this package's view model
// (`BulletinData`): the one place the figures become the document's facts and sentences.
import type { BulletinDraftContent } from '@kaoping/contracts/bulletin/bulletin-draft';
import type { BulletinFigures, FiguresUnitMention } from '@kaoping/domain/bulletin/bulletin-figures';
import { fullWidthBrackets, problemSummary } from '@kaoping/domain/bulletin/bulletin-wording';
import { formatPeriodLabel } from '@kaoping/domain/period/period-label';
import {
  rankingNote,
  withDefaultWording,
  type BulletinAnnexUnit,
  type BulletinData,
  type BulletinFacts,
  type BulletinGroupMentions,
  type BulletinWording,
} from './bulletin-data';

function mentionsByGroup(
  figures: BulletinFigures,
  mentions: readonly FiguresUnitMention[],
  reasonOf: (m: FiguresUnitMention) => string,
  vetoesOf: ReadonlyMap<string, string[]>,
): BulletinGroupMentions[] {
  const kindOf = (m: FiguresUnitMention): 'first' | 'grade' | 'veto' | 'below' =>
    m.reason === 'first' ? 'first' : m.reason === 'veto' ? 'veto' : m.reason === 'below' ? 'below' : 'grade';
  return figures.groups
    .map((g) => ({
      groupName: fullWidthBrackets(g.name),
      units: mentions
        .filter((m) => m.group === g.code && m.final !== null)
        .map((m) => ({
          unitName: m.name,
          score: m.final ?? 0,
          reason: reasonOf(m),
          reasonKind: kindOf(m),
          vetoes: m.reason === 'veto' ? (vetoesOf.get(m.code) ?? []) : [],
        })),
    }))
    .filter((g) => g.units.length > 0);
}

/** The figures and the office's draft as the exporter's view model. */
export function toBulletinData(figures: BulletinFigures, content: BulletinDraftContent): BulletinData {
  // The pass line is the scheme's (scoring/pass-line.ts); 60 only for a single-band scheme, which has none.
  const passLine = figures.scheme.passScore ?? 60;
  const vetoesOf = new Map<string, string[]>();
  for (const v of figures.vetoes) vetoesOf.set(v.code, [...(vetoesOf.get(v.code) ?? []), v.eventName]);
  const o = figures.overall;
  const r = figures.rectification;
  const facts: BulletinFacts = {
    cityName: content.cityName,
    officeName: content.officeName,
    officeShortName: content.officeShortName,
    periodCode: figures.period.code,
    periodLabel: formatPeriodLabel(figures.period.code),
    documentNumber: content.documentNumber,
    issueDate: content.issueDate,
    title: content.title,
    addressees: content.addressees,
    snapshotDate: figures.period.endDate,
    schemeTitle: `《${figures.scheme.title}》`,
    schemeDocumentNumber: content.schemeDocumentNumber || null,
    method: content.method,
    passLine,
    grades: figures.scheme.bands.map((b) => b.grade),
    overall: {
      unitsAssessed: o.scored,
      average: o.average,
      passRate: o.passed.value,
      gradeCounts: o.gradeCounts,
      previousAverage: o.previous?.average ?? null,
      previousPassRate: o.previous?.passed.value ?? null,
    },
    groups: figures.groups.map((g) => ({
      code: g.code,
      name: fullWidthBrackets(g.name),
      unitCount: g.scored,
      average: g.average,
      max: g.max,
      min: g.min,
      passRate: g.passed.value,
      gradeCounts: g.gradeCounts,
      rows: g.rows
        .filter((row) => row.final !== null)
        .map((row) => ({
          rank: row.rank,
          rankDelta: row.rankDelta,
          unitName: row.name,
          score: row.final ?? 0,
          grade: row.grade ?? '',
          demotedFrom: row.demotedFrom,
          vetoes: row.vetoes,
          note: rankingNote({ vetoes: row.vetoes, demotedFrom: row.demotedFrom, grade: row.grade ?? '' }),
        })),
    })),
    praised: mentionsByGroup(figures, figures.praised, (m) => (m.reason === 'first' ? '类别第一' : (m.grade ?? '')), vetoesOf),
    belowPassLine: mentionsByGroup(
      figures,
      figures.belowPass,
      (m) => (m.reason === 'veto' ? `单项否决：${(vetoesOf.get(m.code) ?? []).join('、')}` : `得分低于${passLine}分`),
      vetoesOf,
    ),
    problemCategories: figures.problems.map((c) => ({
      category: c.name,
      summary: problemSummary(c.indicators.map((i) => i.name)),
      indicators: c.indicators.slice(0, 3).map((i) => i.name),
      findingCount: c.problems,
      unitCount: c.units,
      examples: c.examples.map((e) => ({ unitName: e.unitName, description: e.description })),
    })),
    rectification: r && {
      previousPeriodLabel: formatPeriodLabel(r.period),
      itemCount: r.figures.total - r.figures.cancelled,
      closedOnTime: r.figures.closedOnTime,
      closedLate: r.figures.closedLate,
      overdue: r.figures.overdue,
      onTimeRate: r.figures.onTimeClosureRate.value,
      notReportedUnits: r.notReportedBack.map((u) => u.name),
      repeatedUnits: r.repeatedUnits.map((u) => u.name),
    },
    requirements: content.requirements,
    contact: content.contactName || content.contactPhone ? { name: content.contactName, phone: content.contactPhone } : null,
    publicity: content.publicity || null,
    // One annex per group (类别): the units with a problem, in rank order.
    annexes: figures.groups.map((g) => ({
      title: `${fullWidthBrackets(g.name)}问题清单`,
      units: figures.annexes
        .filter((a) => a.group === g.code)
        .map((a): BulletinAnnexUnit => ({
          unitName: a.name,
          groupName: fullWidthBrackets(a.groupName),
          score: a.final,
          findings: [
            ...a.events.map((e) => ({
              indicator: e.kind === 'veto' ? '单项否决' : '重大扣分',
              description: e.note ? `${e.name}（${e.note}）` : e.name,
              pointsLost: e.points,
              kind: e.kind === 'veto' ? ('veto' as const) : ('major' as const),
              text: e.note ? `${e.name}（${e.note}）` : e.name,
              count: 1,
            })),
            ...a.findings.map((f) => ({
              indicator: f.indicatorName,
              description: f.count > 1 ? `${f.description}（${f.count}处）` : f.description,
              pointsLost: f.points,
              kind: 'finding' as const,
              text: f.description,
              count: f.count,
            })),
          ],
        })),
    })),
  };
  const wording: Partial<BulletinWording> = {
    basis: content.basis,
    overallComment: content.overallComment,
    requirementsIntro: content.requirementsIntro,
    closing: content.closing,
  };
  return withDefaultWording(facts, wording);
}
