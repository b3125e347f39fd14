// The quarterly bulletin (季度通报) as a view model: every figure, name and sentence the .docx and
// the rankings .xlsx need, already computed by the caller. The renderers only lay it out.
// Rates are fractions (0.9 = 90%); scores are points on the 100 scale, published with 2 decimals;
// dates are China calendar dates 'YYYY-MM-DD'.
import { parsePeriod } from '@kaoping/domain/period/period';
import { formatPeriodLabel as formatDomainPeriodLabel } from '@kaoping/domain/period/period-label';

/** One line of a group's ranking table. */
export interface BulletinRankingRow {
  /** Competition rank within the group; null when a veto removes the unit from the ranking (shown as "—"). */
  rank: number | null;
  /** Places gained since last period (positive = up); null when there is no comparable previous rank. */
  rankDelta: number | null;
  unitName: string;
  score: number;
  grade: string;
  /**
   * The grade the score earned but the quota (名额) did not allow (优秀 for a unit graded 良好);
   * null when not demoted. Optional so view models built before it still type.
   */
  demotedFrom?: string | null;
  /** Names of the vetoes triggered (the note says them in words). */
  vetoes?: readonly string[];
  /** 单项否决 and quota notes, e.g. "单项否决：首页超过2周未更新", "因优秀名额限制，等次由优秀调整为良好"; null when none. */
  note: string | null;
}

/** The 备注 of a ranking row in words: vetoes, then a quota demotion (issue #15 §9). */
export function rankingNote(row: { vetoes: readonly string[]; demotedFrom: string | null; grade: string }): string | null {
  const parts: string[] = [];
  if (row.vetoes.length > 0) parts.push(`单项否决：${row.vetoes.join('、')}`);
  if (row.demotedFrom !== null) parts.push(quotaDemotionNote(row.demotedFrom, row.grade));
  return parts.length > 0 ? parts.join('；') : null;
}

/** 因优秀名额限制，等次由优秀调整为良好. */
export function quotaDemotionNote(from: string, to: string): string {
  return `因${from}名额限制，等次由${from}调整为${to}`;
}

export interface BulletinGradeCount {
  grade: string;
  count: number;
}

/** One group (类别) as ranked together: its figures and its table. */
export interface BulletinGroup {
  code: string;
  name: string;
  unitCount: number;
  /** null when the group had no units this period. */
  average: number | null;
  max: number | null;
  min: number | null;
  passRate: number | null;
  gradeCounts: readonly BulletinGradeCount[];
  rows: readonly BulletinRankingRow[];
}

export interface BulletinOverall {
  unitsAssessed: number;
  average: number | null;
  passRate: number | null;
  gradeCounts: readonly BulletinGradeCount[];
  /** Last period's figures, for "较上季度提高 x 分"; null when there is no previous period. */
  previousAverage: number | null;
  previousPassRate: number | null;
}

/** A unit named in the bulletin (praised or below the pass line). */
export interface BulletinUnitMention {
  unitName: string;
  score: number;
  /** Why it is named: "类别第一", "优秀", "单项否决：…", "得分低于60分". */
  reason: string;
  /** The reason as data, for a screen in another language: first, grade (the unit's grade), veto (with `vetoes`), below. */
  reasonKind?: 'first' | 'grade' | 'veto' | 'below';
  vetoes?: readonly string[];
}

export interface BulletinGroupMentions {
  groupName: string;
  units: readonly BulletinUnitMention[];
}

export interface BulletinProblemExample {
  unitName: string;
  description: string;
}

/** One category of the main problems (更新不及时, 解读不规范 …) with quoted examples. */
export interface BulletinProblemCategory {
  category: string;
  /** One sentence describing the pattern, without a final full stop. */
  summary: string;
  /** The level-2 indicators the summary names (for a screen in another language). */
  indicators?: readonly string[];
  findingCount: number;
  unitCount: number;
  examples: readonly BulletinProblemExample[];
}

/** Last period's rectification follow-up (上期整改情况). */
export interface BulletinRectification {
  previousPeriodLabel: string;
  itemCount: number;
  closedOnTime: number;
  closedLate: number;
  /** Still open past the due date at the time of writing. */
  overdue: number;
  onTimeRate: number | null;
  /** Units that did not report their rectification back (未按期反馈整改情况). */
  notReportedUnits: readonly string[];
  /** Units where the same problem was found again (整改不彻底). */
  repeatedUnits: readonly string[];
}

export interface BulletinRequirement {
  heading: string;
  text: string;
  dueDate: string | null;
}

export interface BulletinAnnexFinding {
  indicator: string;
  description: string;
  pointsLost: number;
  /** As data, for a screen in another language: a veto, a major deduction or a finding, its own text and count. */
  kind?: 'veto' | 'major' | 'finding';
  text?: string;
  count?: number;
}

export interface BulletinAnnexUnit {
  unitName: string;
  groupName: string;
  score: number | null;
  findings: readonly BulletinAnnexFinding[];
}

/** An annex (附件): a per-unit problem list (问题清单). */
export interface BulletinAnnex {
  title: string;
  units: readonly BulletinAnnexUnit[];
}

/** The office's own paragraphs: plain text the office edits; blank lines start new paragraphs. */
export interface BulletinWording {
  basis: string;
  overallComment: string;
  requirementsIntro: string;
  closing: string;
}

/** Everything except the office-editable wording. */
export interface BulletinFacts {
  cityName: string;
  /** 发文机关, e.g. 江临市政务公开工作领导小组办公室. */
  officeName: string;
  /** How the body refers to the office, e.g. 市政务公开办. */
  officeShortName: string;
  periodCode: string;
  periodLabel: string;
  documentNumber: string;
  issueDate: string;
  title: string;
  /** 主送机关, ending with "：". */
  addressees: string;
  /** 考评时间节点: the snapshot date. */
  snapshotDate: string;
  /** The scheme the assessment follows, with its 《》, e.g. 《江临市2026年度政务公开工作考核方案》. */
  schemeTitle: string;
  schemeDocumentNumber: string | null;
  /** Who assessed and how, e.g. 委托第三方评估机构，采取技术监测与人工核查相结合的方式. */
  method: string;
  passLine: number;
  /** The grade bands in order, best first. */
  grades: readonly string[];
  overall: BulletinOverall;
  groups: readonly BulletinGroup[];
  praised: readonly BulletinGroupMentions[];
  belowPassLine: readonly BulletinGroupMentions[];
  problemCategories: readonly BulletinProblemCategory[];
  /** null when there was no previous period to follow up. */
  rectification: BulletinRectification | null;
  requirements: readonly BulletinRequirement[];
  contact: { name: string; phone: string } | null;
  /** 公开方式, e.g. 此件公开发布; null to omit. */
  publicity: string | null;
  annexes: readonly BulletinAnnex[];
}

export interface BulletinData extends BulletinFacts {
  wording: BulletinWording;
}

/** 2026Q3 → 2026年第三季度, 2026 → 2026年度 (one rule, in domain). */
export const formatPeriodLabel = formatDomainPeriodLabel;

/** "上季度" or "上年度", as the body says it. */
export function previousPeriodWord(periodCode: string): string {
  return parsePeriod(periodCode)?.kind === 'year' ? '上年度' : '上季度';
}

/** 2026-10-05 → 2026年10月5日 (GB/T 9704 writes the date in Arabic numerals without leading zeros). */
export function formatChineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** 1 → 一, 12 → 十二, 23 → 二十三 (heading numbers). */
export function chineseNumeral(n: number): string {
  const digits = '〇一二三四五六七八九';
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return digits[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (digits[tens] ?? '')}十${ones === 0 ? '' : (digits[ones] ?? '')}`;
}

/** Drops characters that XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/FFFF). */
export function cleanText(text: string): string {
  return text
    .replace(
      // eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot hold are exactly what is removed
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '',
    )
    .replace(/[\r\n\t]+/g, ' ');
}

export const formatScore = (score: number): string => score.toFixed(2);

export const formatRate = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

export function defaultBulletinTitle(officeName: string, periodLabel: string, cityName: string): string {
  return `${officeName}关于${periodLabel}${cityName.endsWith('市') ? '全市' : cityName}政务公开工作考评情况的通报`;
}

function scopeCounts(facts: BulletinFacts): string {
  const parts = facts.groups.filter((g) => g.unitCount > 0).map((g) => `${g.name}${g.unitCount}个`);
  return parts.length > 0 ? `（其中${parts.join('、')}）` : '';
}

function averageTrend(overall: BulletinOverall, previousWord: string): string {
  if (overall.average === null || overall.previousAverage === null) return '';
  const diff = Math.round((overall.average - overall.previousAverage) * 100) / 100;
  if (diff === 0) return `，与${previousWord}持平`;
  return `，较${previousWord}${diff > 0 ? '提高' : '下降'}${formatScore(Math.abs(diff))}分`;
}

/** The office's paragraphs as the office would first draft them, from the figures. */
export function defaultBulletinWording(facts: BulletinFacts): BulletinWording {
  const previousWord = previousPeriodWord(facts.periodCode);
  const scheme = facts.schemeDocumentNumber ? `${facts.schemeTitle}（${facts.schemeDocumentNumber}）` : facts.schemeTitle;
  const basis =
    `为深入贯彻落实《中华人民共和国政府信息公开条例》，持续提升${facts.cityName}政务公开工作质效，根据${scheme}，` +
    `${facts.officeShortName}${facts.method}，以${formatChineseDate(facts.snapshotDate)}为考评时间节点，` +
    `对全市${facts.overall.unitsAssessed}个单位${scopeCounts(facts)}${facts.periodLabel}政务公开工作进行了考评。现将有关情况通报如下。`;

  const o = facts.overall;
  const categories = facts.problemCategories.slice(0, 3).map((c) => c.category);
  const overallComment =
    o.unitsAssessed === 0 || o.average === null
      ? `${facts.periodLabel}无参加考评的单位。`
      : `从考评情况看，全市政务公开工作总体平稳有序，参评单位平均得分${formatScore(o.average)}分${averageTrend(o, previousWord)}` +
        `${o.passRate === null ? '' : `，合格率${formatRate(o.passRate)}`}。多数单位能够按照考核方案要求做好信息发布、政策解读和回应关切等工作` +
        (categories.length > 0
          ? `，但仍有部分单位存在${categories.join('、')}等问题，工作质量有待进一步提升。`
          : '，本期考评未发现共性问题。');

  const requirementsIntro = `各单位要高度重视政务公开工作，对照本通报指出的问题，举一反三、全面自查，切实抓好整改落实。具体要求如下：`;

  const closing =
    `${facts.officeShortName}将持续加强日常监测和督促检查，对整改不及时、不到位以及同类问题反复出现的单位，` +
    `将在年度考评中按照考核方案予以扣分，情节严重的予以通报批评，并视情约谈单位有关负责同志。`;

  return { basis, overallComment, requirementsIntro, closing };
}

/** The wording to print: the office's text where it wrote some, the default where it left a paragraph blank. */
export function withDefaultWording(facts: BulletinFacts, edited: Partial<BulletinWording> = {}): BulletinData {
  const defaults = defaultBulletinWording(facts);
  const pick = (key: keyof BulletinWording) => {
    const text = edited[key];
    return text !== undefined && text.trim() !== '' ? text : defaults[key];
  };
  return {
    ...facts,
    wording: {
      basis: pick('basis'),
      overallComment: pick('overallComment'),
      requirementsIntro: pick('requirementsIntro'),
      closing: pick('closing'),
    },
  };
}
