// A leaf's rule kind read from the wording of its 评分标准, only when the wording is unambiguous:
//   每发现一处扣0.5分 / 每少一次扣0.5分            → deduct 0.5 per finding
//   未按期整改的每项扣2分                           → rectification (2 per late item)
//   未…不得分 / 否则不得分 / 此项不得分              → binary
//   按…比例计分 / 按完成比例得分                     → rate (linear: 0 % → 0, 100 % → full)
//   A 2分; B 2分; C 1分 (parts that add up to the leaf) → checklist
//   优 10分、良 8分、中 6分、差 0分                   → graded
// Two different readings (e.g. two deduction amounts, or a deduction and 不得分) → manual.
import type { LeafRule } from '@kaoping/contracts/scoring/scheme';
import { numberToMilli } from '@kaoping/domain/scoring/decimal';

export interface Inferred {
  rule: LeafRule;
  confidence: 'inferred' | 'manual';
  reason: string;
}

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const DEDUCT_EACH = new RegExp(String.raw`每(?:发现|出现|有|少|缺|超|迟|漏)?[^，,；;。扣]{0,16}扣(?:除)?\s*${NUM}\s*分`, 'g');
const DEDUCT_ONE = new RegExp(String.raw`(?:一|1)\s*(?:处|例|次|条|项|个|篇|件)[^，,；;。扣]{0,12}扣(?:除)?\s*${NUM}\s*分`, 'g');
const BINARY =
  /(?:未|没有|无|不)[^，,；;。]{0,40}(?:的)?[，,]?\s*(?:此项|该项|本项)?不得分|否则(?:此项|该项)?不得分|(?:此项|该项|本项)不得分/;
const RATE = /按[^，,；;。]{0,20}比例(?:计分|得分|赋分|折算)/;
const RECTIFICATION = /整改/;
// The exporter's own wording (and offices that state both numbers): read exactly.
const RATE_EXACT = new RegExp(String.raw`目标值?\s*${NUM}\s*%.*?每(?:低|少)?(?:1个|一个|个)?百分点(?:扣|减)\s*${NUM}\s*分`);
const RECTIFICATION_EXACT = new RegExp(String.raw`整改[^。]*?每逾期一项扣\s*${NUM}\s*分(?:[^。]*?复核不通过每次扣\s*${NUM}\s*分)?`);
// A cap on deductions: 最多扣3分 / 扣分不超过3分 / 最高扣3分; 扣完为止 = the leaf's own points.
const DEDUCT_CAP = new RegExp(
  String.raw`(?:最多|最高|至多)(?:可)?扣(?:除)?\s*${NUM}\s*分|扣(?:分|除)?(?:不超过|最多|上限为?|封顶)\s*${NUM}\s*分`,
);
const DEDUCT_TO_ZERO = /扣完为止|扣至0分|扣到0分|扣满为止/;
// Points earned per item: 每项1分 / 一项可得2分 / 每篇计0.5分, capped by 最高(不超过)6分.
const PER_ITEM = new RegExp(String.raw`(?:每|一)(?:项|个|条|篇|次|处|类)(?:可)?(?:得|计|加)?\s*${NUM}\s*分`);
const UP_TO = new RegExp(String.raw`最高(?:不超过|可得|得|为)?\s*${NUM}\s*分|(?:不超过|最多得?)\s*${NUM}\s*分`);
const LEVELS = new RegExp(String.raw`(优秀|优|良好|良|中等|中|一般|较好|较差|合格|不合格|差)[的为得：:\s（(]{0,3}${NUM}\s*分`, 'g');
const PART = new RegExp(String.raw`^(?:\d+[.、．]|[(（]\d+[)）]|[①-⑩])?\s*(.+?)[（(]?\s*${NUM}\s*分\s*[)）]?[。.]?$`);

const toMilli = (n: number) => numberToMilli(n);
const fmt = (n: number) => String(n);
const quote = (text: string, max = 40) => `“${text.length > max ? `${text.slice(0, max)}…` : text}”`;

function distinctAmounts(text: string, pattern: RegExp): { amounts: number[]; first: string | null } {
  const amounts = new Set<number>();
  let first: string | null = null;
  for (const m of text.matchAll(pattern)) {
    amounts.add(Number(m[1]));
    first ??= m[0];
  }
  return { amounts: [...amounts], first };
}

/** Splits 评分标准 text into its parts: numbered items, or ；/; separated clauses. */
function parts(text: string): string[] {
  const numbered = text
    .split(/\s*(?=(?:^|[\s；;。])\s*(?:\d+[.、．](?!\d)|[(（]\d+[)）]|[①-⑩]))/)
    .map((s) => s.replace(/^[\s；;。]+/, '').trim())
    .filter(Boolean);
  if (numbered.length >= 2)
    return numbered
      .flatMap((p) => p.split(/[；;]|(?<=分)、/))
      .map((s) => s.trim())
      .filter(Boolean);
  return text
    .split(/[；;，,。]|(?<=分)、/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function checklist(text: string, points: number): LeafRule | null {
  const items: { code: string; name: string; points: number }[] = [];
  for (const part of parts(text)) {
    const m = PART.exec(part);
    if (!m?.[1] || !m[2]) return null;
    if (/扣/.test(part)) return null;
    items.push({
      code: String.fromCharCode(97 + (items.length % 26)) + (items.length >= 26 ? String(Math.floor(items.length / 26)) : ''),
      name: m[1].replace(/[，,：:]$/, '').slice(0, 200),
      points: Number(m[2]),
    });
  }
  if (items.length < 2) return null;
  const sum = items.reduce((s, i) => s + (toMilli(i.points) ?? Number.NaN), 0);
  return sum === toMilli(points) ? { kind: 'checklist', items } : null;
}

function graded(text: string, points: number): LeafRule | null {
  const levels: { label: string; points: number }[] = [];
  for (const m of text.matchAll(LEVELS)) {
    const label = m[1] ?? '';
    if (levels.some((l) => l.label === label)) return null;
    levels.push({ label, points: Number(m[2]) });
  }
  if (levels.length < 2) return null;
  const max = Math.max(...levels.map((l) => l.points));
  if (max !== points || levels.some((l) => l.points < 0 || l.points > points)) return null;
  return { kind: 'graded', levels };
}

export function inferRule(text: string, points: number): Inferred {
  const manual = (reason: string): Inferred => ({ rule: { kind: 'manual' }, confidence: 'manual', reason });
  const t = text.replace(/\s+/g, '');
  if (t === '') return manual('没有评分说明,按人工评分');
  const rateExact = RATE_EXACT.exec(t);
  if (rateExact && RATE.test(t)) {
    const target = Number(rateExact[1]);
    const per = Number(rateExact[2]);
    if (target <= 100)
      return {
        rule: { kind: 'rate', target, perPointBelow: per },
        confidence: 'inferred',
        reason: `${quote(rateExact[0])} → 目标值 ${fmt(target)}%,每低 1 个百分点扣 ${fmt(per)} 分`,
      };
  }
  const rectExact = RECTIFICATION_EXACT.exec(t);
  if (rectExact) {
    const perLate = Number(rectExact[1]);
    const perRejected = rectExact[2] === undefined ? 0 : Number(rectExact[2]);
    return {
      rule: { kind: 'rectification', perLate, perRejected },
      confidence: 'inferred',
      reason: `${quote(rectExact[0])} → 每项逾期扣 ${fmt(perLate)} 分,复核不通过每次扣 ${fmt(perRejected)} 分`,
    };
  }
  const each = distinctAmounts(t, DEDUCT_EACH);
  const one = distinctAmounts(t, DEDUCT_ONE);
  const amounts = [...new Set([...each.amounts, ...one.amounts])];
  const binary = BINARY.exec(t);
  const rate = RATE.exec(t);
  const list = checklist(text, points);
  const levels = list ? null : graded(t, points);
  // Several parts with their own points ("…(5分); …(3分,少一次扣1分)") that are not a plain
  // checklist: a deduction or 不得分 inside one part does not describe the whole leaf.
  const allocations = [...t.matchAll(/[（(]\d+(?:\.\d+)?分|得\d+(?:\.\d+)?分/g)].length;
  if (!list && allocations >= 2) return manual(`评分说明分项计分(${allocations} 处分值)且不是简单的检查项,按人工评分`);
  const found = [amounts.length > 0, binary !== null, rate !== null, list !== null, levels !== null].filter(Boolean).length;
  if (found === 0) {
    const perItem = /扣/.test(t) ? null : PER_ITEM.exec(t);
    if (perItem)
      return (
        perItemRule(perItem, t, points) ?? manual(`${quote(perItem[0])}:按项计分,但项数或上限与本项 ${fmt(points)} 分对不上,按人工评分`)
      );
    return manual('评分说明中没有可明确识别的计分方式,按人工评分');
  }
  if (found > 1 || amounts.length > 1) {
    const what = amounts.length > 1 ? `多个扣分标准(${amounts.map((a) => `${fmt(a)}分`).join('、')})` : '多种计分方式';
    return manual(`评分说明含${what},无法唯一确定,按人工评分`);
  }
  if (amounts.length === 1) {
    const amount = amounts[0] ?? 0;
    const phrase = each.first ?? one.first ?? '';
    const cap = DEDUCT_CAP.exec(t);
    const capValue = cap ? Number(cap[1] ?? cap[2]) : null;
    if (capValue !== null && (toMilli(capValue) ?? 0) < (toMilli(points) ?? 0))
      return manual(
        `${quote(phrase)}、${quote(cap?.[0] ?? '')}:最多扣 ${fmt(capValue)} 分,少于本项 ${fmt(points)} 分;“按处扣分”规则扣完本项分值为止,无法表达更低的扣分上限,按人工评分`,
      );
    const toZero = DEDUCT_TO_ZERO.test(t) || capValue !== null;
    if (RECTIFICATION.test(t)) {
      const perRejected = /不到位|未通过|不合格|退回/.test(t) ? amount : 0;
      return {
        rule: { kind: 'rectification', perLate: amount, perRejected },
        confidence: 'inferred',
        reason: `${quote(phrase)}(整改)→ 每项逾期扣 ${fmt(amount)} 分${perRejected ? `,复核不通过每次扣 ${fmt(perRejected)} 分` : ''}`,
      };
    }
    return {
      rule: { kind: 'deduct', perFinding: amount },
      confidence: 'inferred',
      reason: `${quote(phrase)}${toZero ? `(${quote(cap?.[0] ?? '扣完为止')})` : ''} → 每处扣 ${fmt(amount)} 分,扣完为止(最多扣 ${fmt(points)} 分)`,
    };
  }
  if (binary) return { rule: { kind: 'binary' }, confidence: 'inferred', reason: `${quote(binary[0])} → 达到得满分,否则不得分` };
  if (rate) {
    const per = points / 100;
    const perMilli = toMilli(per);
    if (perMilli === null || perMilli * 100 !== toMilli(points))
      return manual(`${quote(rate[0])}:按比例计分,但 ${fmt(points)} 分无法换算为每百分点分值,按人工评分`);
    return {
      rule: { kind: 'rate', target: 100, perPointBelow: Number(per.toFixed(3)) },
      confidence: 'inferred',
      reason: `${quote(rate[0])} → 按完成比例计分(100% 得满分)`,
    };
  }
  if (list)
    return {
      rule: list,
      confidence: 'inferred',
      reason: `评分说明分 ${list.kind === 'checklist' ? list.items.length : 0} 项、分值合计 ${fmt(points)} 分 → 检查项`,
    };
  if (levels) return { rule: levels, confidence: 'inferred', reason: `评分说明给出等级分值 → 分档评分` };
  return manual('按人工评分');
}

/**
 * 每项1分 with 5 points (or 一项可得2分,最高不超过6分 with 6): points earned per item up to the
 * leaf's points is the same as losing that much per item missing, so it is read as `deduct`.
 */
function perItemRule(perItem: RegExpExecArray, t: string, points: number): Inferred | null {
  const per = Number(perItem[1]);
  const perMilli = toMilli(per);
  const pointsMilli = toMilli(points);
  const upTo = UP_TO.exec(t);
  const cap = upTo ? Number(upTo[1] ?? upTo[2]) : points;
  if (perMilli === null || pointsMilli === null || perMilli === 0 || toMilli(cap) !== pointsMilli || pointsMilli % perMilli !== 0)
    return null;
  const items = pointsMilli / perMilli;
  return {
    rule: { kind: 'deduct', perFinding: per },
    confidence: 'inferred',
    reason: `${quote(perItem[0])}${upTo ? `、${quote(upTo[0])}` : ''},共 ${fmt(points)} 分 → 满分需 ${items} 项,每少一项扣 ${fmt(per)} 分(扣完为止)`,
  };
}
