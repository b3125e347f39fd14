// The parts of a report (一…六 headings), the unit and year it is about, and the counts its
// 一、总体情况 states (for S6). Headings are recognised by numeral AND keyword: the table row
// "四、结转下年度继续办理" is followed by the heading "四、政府信息公开行政复议…" (spec §6).
import type { NarrativeFigures } from '@kaoping/domain/annual-report/soft-rules';
import type { SourceLine } from './source-line';

export interface Section {
  numeral: string;
  /** Index into the lines array of the heading line. */
  index: number;
}

const KEYWORDS: Record<string, RegExp> = {
  一: /总体情况|概述|基本情况|总体概况|工作概况/,
  二: /主动公开/,
  三: /收到和处理|依申请|申请情况|处理政府信息公开申请/,
  四: /行政复议|行政诉讼/,
  五: /问题|改进|不足/,
  六: /其他|其它/,
  七: /收费|减免|其他|其它|附/,
};

const HEADING = /^(?:第)?([一二三四五六七])(?:部分)?\s*([、.,:：\s])?\s*(\S.*)$/;

const MAYBE_HEADING = /^\s*(?:#{1,6}\s*|>\s*)?(?:\*\*|__)?\s*第?[一二三四五六七]/;

function headingOf(text: string): string | null {
  if (text.length > 60 || !MAYBE_HEADING.test(text)) return null;
  const t = text
    .replace(/^\s*(?:#{1,6}\s*|>\s*)?(?:\*\*|__)?/, '')
    .replace(/(?:\*\*|__)\s*$/, '')
    .trim();
  if (t.length > 45) return null;
  const m = HEADING.exec(t);
  if (!m) return null;
  const [, numeral = '', separator, rest = ''] = m;
  const keyword = KEYWORDS[numeral];
  if (!keyword) return null;
  const compact = rest.replace(/[^\u3400-\u9fff]/g, '');
  if (/\d/.test(rest.replace(/\s/g, '').slice(-12)) && !/20\d\d/.test(rest)) return null; // a table row with values
  if (separator === undefined && keyword.exec(compact)?.index !== 0) return null; // 二是主动公开… is prose
  return keyword.test(compact) ? numeral : null;
}

/**
 * Headings glued inside a longer line (crawler text: the whole page on one line) get a line of their
 * own, and so does the text after them, so a heading is short again and a table starts on its own.
 */
const INLINE_HEADINGS =
  /((?<!第)一\s*、\s*(?:总体情况|概述)|二\s*、\s*(?:行政机关)?主动公开政府信息(?:情况)?|三\s*、\s*(?:行政机关)?收到和处理政府信息公开申请(?:的)?情况|四\s*、\s*(?:政府信息公开行政复议\s*[、,]?\s*行政诉讼情况|因政府信息公开工作被申请行政复议\s*[、,]?\s*提起行政诉讼(?:的)?情况)|五\s*、\s*(?:政府信息公开工作)?存在的主要问题及(?:其)?改进情况|六\s*、\s*其他需要报告的事项)/g;

export function splitInlineHeadings(lines: readonly SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (const l of lines) {
    if (l.text.length < 24 || !l.text.includes('、')) {
      out.push(l);
      continue;
    }
    const parts = l.text.split(INLINE_HEADINGS);
    if (parts.length === 1) {
      out.push(l);
      continue;
    }
    let at = l.offset ?? 0;
    for (const part of parts) {
      if (part === undefined) continue;
      if (part.trim() !== '') out.push({ text: part, line: l.line, src: l.src, offset: at });
      at += part.length;
    }
  }
  return out;
}

/** Headings in order of appearance; the first occurrence of each numeral counts. */
export function findSections(lines: readonly SourceLine[]): Section[] {
  const out: Section[] = [];
  const seen = new Set<string>();
  lines.forEach((l, index) => {
    const numeral = headingOf(l.text);
    if (numeral && !seen.has(numeral)) {
      // 七 only after 六: "七、" elsewhere is a list item.
      if (numeral === '七' && !seen.has('六')) return;
      seen.add(numeral);
      out.push({ numeral, index });
    }
  });
  return out;
}

/** Lines of a section: after its heading up to the next heading (any numeral). */
export function sectionLines(lines: readonly SourceLine[], sections: readonly Section[], numeral: string): SourceLine[] | null {
  const s = sections.find((x) => x.numeral === numeral);
  if (!s) return null;
  const next = sections.filter((x) => x.index > s.index).reduce((m, x) => Math.min(m, x.index), lines.length);
  return lines.slice(s.index + 1, next);
}

// ─── Unit and year ────────────────────────────────────────────────────────────────

const TITLE =
  /(20\d{2})\s*年\s*(?:度)?\s*(?:的)?\s*(?:政府|政务)?\s*(?:信息公开|政务公开|信息公開)\s*(?:工作)?\s*(?:年度)?\s*(?:报告|年报)/;
const YEAR_FIRST =
  /(?<!\d)(20\d{2})\s*年\s*(?:度)?\s*(?![度我本全该])([\u3400-\u9fff()（）]{2,40}?(?:政府|局|委员会|委|办公厅|办公室|办|厅|镇|乡|街道办事处|街道|中心|院|署|所|站|队|馆|处|部))(?:政府|政务)?信息公开\s*(?:工作)?\s*(?:年度)?\s*(?:报告|年报)/;
const UNIT_SUFFIX = /(?:政府|局|委员会|委|办公室|办|厅|镇|乡|街道办事处|街道|中心|院|署|会|所|站|队|馆|处|部|公司|集团|学校|大学|医院)$/;
const LEAD_IN = /^.*(?:公布|发布|公示|印发|编制|报送|现将|特将|提交|打印本页|关闭窗口|大中小|分享到|收藏)/;

function cleanUnit(raw: string): string {
  return raw
    .replace(/^[\s#*>《“"'|]+|[\s*》”"'|:：,，、]+$/g, '')
    .replace(/\s+/g, '')
    .replace(/(?:关于)$/, '');
}

export interface UnitYear {
  unit: string | null;
  year: number | null;
}

/** The unit in the text before a title: the whole prefix, or the clause after a verb like 公布. */
function unitBefore(prefix: string): string | null {
  const whole = cleanUnit(prefix);
  if (/^[\u3400-\u9fff()（）]{2,40}$/.test(whole)) return whole;
  const clause = prefix.split(/[,，。;；:：()（）《》“”\s]/).pop() ?? '';
  // Crawler text glues the page furniture to the title ("打印本页 - 1 -淮安市人民政府"): the unit is the
  // run of Chinese characters that ends the clause.
  const candidate = cleanUnit(/[\u3400-\u9fff]*$/.exec(clause.replace(LEAD_IN, ''))?.[0] ?? '');
  return /^[\u3400-\u9fff]{2,40}$/.test(candidate) && UNIT_SUFFIX.test(candidate) ? candidate : null;
}

export function findUnitAndYear(lines: readonly SourceLine[]): UnitYear {
  const head = lines.slice(0, 200);
  for (let i = 0; i < head.length; i++) {
    const text = head[i]?.text ?? '';
    // "2019年上海市人民政府办公厅政府信息公开工作年度报告": the year first, the unit after it.
    const yearFirst = YEAR_FIRST.exec(text);
    if (yearFirst?.[1] && yearFirst[2]) return { year: Number(yearFirst[1]), unit: cleanUnit(yearFirst[2]) };
    const m = TITLE.exec(text);
    if (!m) continue;
    const year = Number(m[1]);
    const prefix = text.slice(0, m.index);
    if (prefix.trim() !== '') return { year, unit: unitBefore(prefix) };
    // The unit on the line(s) above: "淮安市人民政府 / 2024 年政府信息公开工作年度报告".
    const prev = head
      .slice(Math.max(0, i - 3), i)
      .reverse()
      .find((l) => l.text.trim() !== '');
    const candidate = cleanUnit(prev?.text ?? '');
    return { year, unit: /^[\u3400-\u9fff()（）]{2,40}$/.test(candidate) ? candidate : null };
  }
  const text = head.map((l) => l.text).join('\n');
  const period = /(20\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:至|到|-|—)/.exec(text);
  return { unit: null, year: period ? Number(period[1]) : null };
}

// ─── Counts stated in 一、总体情况 (S6) ────────────────────────────────────────────

const NARRATIVE: readonly [keyof NarrativeFigures, RegExp][] = [
  ['apply.new.total', /(?:收到|受理|新收|接收|接到)(?:[^。;；，,]{0,14}?)申请(?:[^。;；，,\d]{0,6}?)(\d+)件/],
  ['apply.carried_in.total', /(?:上年度?|上一年度?)结转(?:的)?(?:政府信息公开)?(?:申请)?(\d+)件/],
  ['apply.carried_out.total', /(\d+)件(?:申请)?(?:结转|顺延|转入)(?:到|至)?下(?:一)?年/],
  ['apply.result.total.total', /(?:答复|办结|办理完毕)(?:申请)?(\d+)件/],
  ['review.total', /行政复议(?:案件|申请)?(\d+)(?:件|起)/],
  ['litigation.total', /行政诉讼(?:案件)?(\d+)(?:件|起)/],
  ['active.rules.issued', /(?:制发|出台|印发|制定|新增公开|发布)[^,，。;；]{0,8}?规章(\d+)件/],
  ['active.normative.issued', /(?:制发|出台|印发|制定)[^,，。;；]{0,8}?(?:行政)?规范性文件(\d+)件/],
];

export function findNarrativeFigures(lines: readonly SourceLine[]): NarrativeFigures {
  const text = lines
    .map((l) => l.text)
    .join('')
    .replace(/\s+/g, '');
  const out: NarrativeFigures = {};
  for (const [key, re] of NARRATIVE) {
    const m = re.exec(text);
    if (!m || m[1] === undefined) continue;
    if (key === 'apply.new.total' && /结转/.test(m[0])) continue;
    out[key] = Number(m[1]);
  }
  const carriedOut = /结转(?:到|至)?下(?:一)?年度?(?:继续办理)?(?:的)?(?:申请)?(\d+)件/.exec(text);
  if (out['apply.carried_out.total'] === undefined && carriedOut?.[1] !== undefined) out['apply.carried_out.total'] = Number(carriedOut[1]);
  return out;
}
