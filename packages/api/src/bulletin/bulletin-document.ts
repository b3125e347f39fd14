// The bulletin as the exporter's view model (`BulletinData`): the period's figures plus what the
// office writes — the header (发文机关, 文号, 主送机关, date…), its four paragraphs and the
// requirements with their deadlines. The office's draft is stored as `BulletinDraftContent`; a
// blank paragraph prints the default wording, so the office only writes what it wants to change.
import { z } from 'zod';
import {
  formatPeriodLabel,
  withDefaultWording,
  type BulletinAnnexUnit,
  type BulletinData,
  type BulletinFacts,
  type BulletinGroupMentions,
  type BulletinRequirement,
  type BulletinWording,
} from '@kaoping/exporters/bulletin/bulletin-data';
import type { BulletinFigures, FiguresUnitMention } from './bulletin-figures';

const text = (max: number) => z.string().trim().max(max, `不超过${max}个字`);
const chinaDate = z.iso.date('日期格式应为 YYYY-MM-DD');

export const bulletinRequirementSchema = z.object({
  heading: text(60).min(1, '请填写要求的标题'),
  text: text(1000),
  dueDate: chinaDate.nullable(),
});

/** What the office edits and saves for a period's bulletin. */
export const bulletinDraftContentSchema = z.object({
  title: text(200).min(1, '请填写标题'),
  documentNumber: text(60),
  issueDate: chinaDate,
  cityName: text(40).min(1, '请填写城市名称'),
  officeName: text(80).min(1, '请填写发文机关'),
  officeShortName: text(40).min(1, '请填写简称'),
  addressees: text(300),
  method: text(300),
  schemeDocumentNumber: text(60),
  /** '' omits the line. */
  publicity: text(60),
  contactName: text(40),
  contactPhone: text(40),
  basis: text(5000),
  overallComment: text(5000),
  requirementsIntro: text(5000),
  closing: text(5000),
  requirements: z.array(bulletinRequirementSchema).max(12, '工作要求不超过12条'),
});
export type BulletinDraftContent = z.infer<typeof bulletinDraftContentSchema>;

export const HEADER_KEYS = ['cityName', 'officeName', 'officeShortName', 'addressees', 'method', 'publicity', 'contactName', 'contactPhone'] as const;

/** The city a scheme names first ("江临市2026年度…" → 江临市), else 本市. */
export function cityNameOf(schemeTitle: string): string {
  return /^(\p{Script=Han}{1,8}?[市州盟])/u.exec(schemeTitle)?.[1] ?? '本市';
}

function methodOf(roundKind: string): string {
  return roundKind === 'third_party' ? '委托第三方评估机构，采取技术监测与人工核查相结合的方式' : '采取技术监测与人工核查相结合的方式';
}

/** The requirements the office starts from: fix the problems, report back, prevent repeats, prepare the next round. */
export function defaultRequirements(figures: BulletinFigures, officeShortName: string): BulletinRequirement[] {
  const out: BulletinRequirement[] = [
    {
      heading: '抓好问题整改',
      text: `各单位要对照附件问题清单，逐项明确整改措施、责任人和完成时限，按期完成整改，并将整改情况（含佐证材料）报送${officeShortName}。`,
      dueDate: figures.deadlines.rectification,
    },
  ];
  const r = figures.rectification;
  if (r && (r.notReportedBack.length > 0 || r.figures.overdue > 0)) {
    out.push({
      heading: '补报上期整改情况',
      text: `上期整改逾期未完成或未反馈整改情况的单位，要书面说明原因，限期补报整改情况；逾期仍未反馈的，将按考核方案扣分并予以通报。`,
      dueDate: figures.deadlines.followUp,
    });
  }
  out.push({
    heading: '建立长效机制',
    text: '各单位要举一反三，对网站、政务新媒体和政府信息公开专栏开展全面自查，健全信息发布审核和日常巡查制度，防止同类问题反复出现。',
    dueDate: null,
  });
  if (figures.deadlines.nextSnapshot) {
    out.push({
      heading: '做好下期考评准备',
      text: '各单位要在下一期考评时间节点前，对照考核方案开展自查自纠，及时更新各类公开内容。',
      dueDate: figures.deadlines.nextSnapshot,
    });
  }
  return out;
}

/**
 * The draft a period starts from: the header the office last saved for any period (it types its
 * name once), default requirements, and blank paragraphs (= the default wording).
 */
export function defaultDraftContent(figures: BulletinFigures, today: string, lastHeader: Partial<Pick<BulletinDraftContent, (typeof HEADER_KEYS)[number]>> | null): BulletinDraftContent {
  const cityName = lastHeader?.cityName ?? cityNameOf(figures.scheme.title);
  const officeName = lastHeader?.officeName ?? `${cityName}政务公开工作领导小组办公室`;
  const officeShortName = lastHeader?.officeShortName ?? (cityName.endsWith('市') ? '市政务公开办' : '政务公开办');
  return {
    // The letterhead names the office already: the title starts with 关于 (as most offices print it).
    title: `关于${formatPeriodLabel(figures.period.code)}${cityName.endsWith('市') ? '全市' : cityName}政务公开工作考评情况的通报`,
    documentNumber: '',
    issueDate: today,
    cityName,
    officeName,
    officeShortName,
    addressees: lastHeader?.addressees ?? '各县（市、区）人民政府，市政府各部门、各直属机构：',
    method: lastHeader?.method ?? methodOf(figures.round.kind),
    schemeDocumentNumber: '',
    publicity: lastHeader?.publicity ?? '此件公开发布',
    contactName: lastHeader?.contactName ?? '',
    contactPhone: lastHeader?.contactPhone ?? '',
    basis: '',
    overallComment: '',
    requirementsIntro: '',
    closing: '',
    requirements: defaultRequirements(figures, officeShortName),
  };
}

function mentionsByGroup(figures: BulletinFigures, mentions: readonly FiguresUnitMention[], reasonOf: (m: FiguresUnitMention) => string): BulletinGroupMentions[] {
  return figures.groups
    .map((g) => ({
      groupName: fullWidthBrackets(g.name),
      units: mentions.filter((m) => m.group === g.code && m.final !== null).map((m) => ({ unitName: m.name, score: m.final ?? 0, reason: reasonOf(m) })),
    }))
    .filter((g) => g.units.length > 0);
}

/** "主要集中在X、Y等方面" for several indicators, "主要是X方面的问题" for one. */
export function problemSummary(indicatorNames: readonly string[]): string {
  if (indicatorNames.length <= 1) return `主要是${indicatorNames[0] ?? '其他'}方面的问题`;
  return `主要集中在${indicatorNames.slice(0, 3).join('、')}等方面`;
}

/** Official documents write full-width brackets: 县(市、区) → 县（市、区）. */
export function fullWidthBrackets(text: string): string {
  return text.replace(/\(/g, '（').replace(/\)/g, '）');
}

/** The figures and the office's draft as the exporter's view model. */
export function toBulletinData(figures: BulletinFigures, content: BulletinDraftContent): BulletinData {
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
          note: row.vetoes.length > 0 ? `单项否决：${row.vetoes.join('、')}` : null,
        })),
    })),
    praised: mentionsByGroup(figures, figures.praised, (m) => (m.reason === 'first' ? '类别第一' : (m.grade ?? ''))),
    belowPassLine: mentionsByGroup(figures, figures.belowPass, (m) => (m.reason === 'veto' ? `单项否决：${(vetoesOf.get(m.code) ?? []).join('、')}` : `得分低于${passLine}分`)),
    problemCategories: figures.problems.map((c) => ({
      category: c.name,
      summary: problemSummary(c.indicators.map((i) => i.name)),
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
        .map(
          (a): BulletinAnnexUnit => ({
            unitName: a.name,
            groupName: fullWidthBrackets(a.groupName),
            score: a.final,
            findings: [
              ...a.events.map((e) => ({ indicator: e.kind === 'veto' ? '单项否决' : '重大扣分', description: e.note ? `${e.name}（${e.note}）` : e.name, pointsLost: e.points })),
              ...a.findings.map((f) => ({ indicator: f.indicatorName, description: f.count > 1 ? `${f.description}（${f.count}处）` : f.description, pointsLost: f.points })),
            ],
          }),
        ),
    })),
  };
  const wording: Partial<BulletinWording> = { basis: content.basis, overallComment: content.overallComment, requirementsIntro: content.requirementsIntro, closing: content.closing };
  return withDefaultWording(facts, wording);
}
