// The bulletin's default wording (the office edits over it): the draft a period starts from, its
// requirements, and the small rules of official Chinese documents the text follows.
import type { BulletinDraftContent, BulletinDraftRequirement, BULLETIN_HEADER_KEYS } from '@kaoping/contracts/bulletin/bulletin-draft';
import { formatPeriodLabel } from '../period/period-label';
import { DEFAULT_RECTIFICATION_WORKING_DAYS, FOLLOW_UP_WORKING_DAYS } from './bulletin-deadlines';
import type { BulletinFigures } from './bulletin-figures';

/** The header fields taken over from the office's last saved draft. */
export type BulletinHeader = Partial<Pick<BulletinDraftContent, (typeof BULLETIN_HEADER_KEYS)[number]>>;

/** The city a scheme names first ("江临市2026年度…" → 江临市), else 本市. */
export function cityNameOf(schemeTitle: string): string {
  return /^(\p{Script=Han}{1,8}?[市州盟])/u.exec(schemeTitle)?.[1] ?? '本市';
}

/** How the round was carried out, as the bulletin's first paragraph says it. */
export function methodOf(roundKind: string): string {
  return roundKind === 'third_party' ? '委托第三方评估机构，采取技术监测与人工核查相结合的方式' : '采取技术监测与人工核查相结合的方式';
}

/**
 * The requirements the office starts from: fix the problems, report back, prevent repeats, prepare
 * the next round. The first two count working days from the 成文日期 (`workingDays`), so their
 * dates follow the issue date when the office changes it (bulletin-due-dates.ts).
 */
export function defaultRequirements(
  figures: Pick<BulletinFigures, 'deadlines' | 'rectification'>,
  officeShortName: string,
): BulletinDraftRequirement[] {
  const out: BulletinDraftRequirement[] = [
    {
      heading: '抓好问题整改',
      text: `各单位要对照附件问题清单，逐项明确整改措施、责任人和完成时限，按期完成整改，并将整改情况（含佐证材料）报送${officeShortName}。`,
      dueDate: figures.deadlines.rectification,
      workingDays: DEFAULT_RECTIFICATION_WORKING_DAYS,
    },
  ];
  const r = figures.rectification;
  if (r && (r.notReportedBack.length > 0 || r.figures.overdue > 0)) {
    out.push({
      heading: '补报上期整改情况',
      text: `上期整改逾期未完成或未反馈整改情况的单位，要书面说明原因，限期补报整改情况；逾期仍未反馈的，将按考核方案扣分并予以通报。`,
      dueDate: figures.deadlines.followUp,
      workingDays: FOLLOW_UP_WORKING_DAYS,
    });
  }
  out.push({
    heading: '建立长效机制',
    text: '各单位要举一反三，对网站、政务新媒体和政府信息公开专栏开展全面自查，健全信息发布审核和日常巡查制度，防止同类问题反复出现。',
    dueDate: null,
    workingDays: null,
  });
  if (figures.deadlines.nextSnapshot) {
    out.push({
      heading: '做好下期考评准备',
      text: '各单位要在下一期考评时间节点前，对照考核方案开展自查自纠，及时更新各类公开内容。',
      dueDate: figures.deadlines.nextSnapshot,
      workingDays: null,
    });
  }
  return out;
}

/**
 * The draft a period starts from: the header the office last saved for any period (it types its
 * name once), default requirements, and blank paragraphs (= the default wording).
 */
export function defaultDraftContent(figures: BulletinFigures, today: string, lastHeader: BulletinHeader | null): BulletinDraftContent {
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

/** "主要集中在X、Y等方面" for several indicators, "主要是X方面的问题" for one. */
export function problemSummary(indicatorNames: readonly string[]): string {
  if (indicatorNames.length <= 1) return `主要是${indicatorNames[0] ?? '其他'}方面的问题`;
  return `主要集中在${indicatorNames.slice(0, 3).join('、')}等方面`;
}

/** Official documents write full-width brackets: 县(市、区) → 县（市、区）. */
export function fullWidthBrackets(text: string): string {
  return text.replace(/\(/g, '（').replace(/\)/g, '）');
}
