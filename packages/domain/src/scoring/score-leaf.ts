// Leaf rules (spec §1 table): one function per input source. Every amount is an integer
// (thousandths in, millionths out); `losses`, when given, collects why points were lost.
import type { CompiledLeaf } from './compile-scheme';
import { formatMilli, MILLI, microToNumber, milliToNumber, numberToMilli, parseMilli } from './decimal';
import type { FindingInput, RectificationInput } from './scoring-inputs';
import type { PointLoss } from './scoring-result';

/** An assessor's "not applicable" mark in a score's `value`. */
export function isNaMark(value: string): boolean {
  return value.length === 2 && (value === 'na' || value.toLowerCase() === 'na');
}

/** Deductions saturate here (millionths cannot overflow; the result is unaffected). */
const SATURATION_MILLI = 4_000_000 * MILLI;

/**
 * Scores a leaf that takes an assessor's value (manual, binary, checklist, graded,
 * rate): the earned millionths before clamping, or a Chinese message when the value is
 * not valid for the rule. `value` is neither empty nor `na` here.
 */
export function scoreValueLeaf(leaf: CompiledLeaf, value: string, losses: PointLoss[] | null): number | string {
  const rule = leaf.rule;
  switch (rule.kind) {
    case 'manual': {
      const v = parseMilli(value);
      if (v === null) return `应为不超过三位小数的非负数,实际为 “${value}”`;
      if (v > leaf.points) return `得分 ${formatMilli(v)} 超出 [0, ${formatMilli(leaf.points)}]`;
      if (losses !== null && v < leaf.points) losses.push({ kind: 'manual', points: milliToNumber(leaf.points - v) });
      return v * MILLI;
    }
    case 'binary': {
      if (value === '1') return leaf.pointsMicro;
      if (value === '0') {
        if (losses !== null && leaf.points > 0) losses.push({ kind: 'binary', points: milliToNumber(leaf.points) });
        return 0;
      }
      return `应为 1 或 0,实际为 “${value}”`;
    }
    case 'checklist': {
      // items met, deduplicated: a bitmask for up to 30 items, a Set beyond
      let met = 0;
      let mask = 0;
      const seen = rule.items.length > 30 ? new Set<string>() : null;
      let start = 0;
      for (let i = 0; i <= value.length; i++) {
        if (i < value.length && value.charCodeAt(i) !== 59 /* ; */) continue;
        const code = i - start === 1 ? value.charAt(start) : value.slice(start, i).trim();
        start = i + 1;
        if (code === '') continue;
        const item = rule.itemByCode.get(code);
        if (item === undefined) return `检查项 ${code} 不存在(可选:${rule.items.map((it) => it.code).join('、')})`;
        if (seen === null) {
          const bit = 1 << item.index;
          if ((mask & bit) !== 0) continue;
          mask |= bit;
        } else {
          if (seen.has(code)) continue;
          seen.add(code);
        }
        met += item.points;
      }
      if (losses !== null) {
        for (const item of rule.items) {
          const isMet = seen === null ? (mask & (1 << item.index)) !== 0 : seen.has(item.code);
          if (!isMet && item.points > 0) {
            losses.push({ kind: 'checklist-item', item: item.code, name: item.name, points: milliToNumber(item.points) });
          }
        }
      }
      return met * MILLI;
    }
    case 'graded': {
      const level = rule.levelByLabel.get(value);
      if (level === undefined) return `等级 “${value}” 不存在(可选:${rule.levels.map((l) => l.label).join('、')})`;
      if (losses !== null && level.points < leaf.points) {
        losses.push({ kind: 'graded-level', label: level.label, points: milliToNumber(leaf.points - level.points) });
      }
      return level.points * MILLI;
    }
    case 'rate': {
      const v = parseMilli(value);
      if (v === null || v > 100 * MILLI) return `应为 0–100 的百分比(最多三位小数),实际为 “${value}”`;
      const below = rule.target > v ? rule.target - v : 0;
      const deduction = below * rule.perPointBelow; // thousandths × thousandths = millionths
      if (losses !== null && deduction > 0) {
        losses.push({
          kind: 'rate-below-target',
          value: milliToNumber(v),
          target: milliToNumber(rule.target),
          points: microToNumber(deduction),
        });
      }
      return leaf.pointsMicro - deduction;
    }
    case 'deduct':
      return '该指标按问题记录(findings)自动扣分,得分只能填 na 或留空';
    case 'rectification':
      return '该指标按整改台账(rectifications)自动计分,得分只能填 na 或留空';
  }
}

/**
 * Checks an assessor's value against the leaf rule without keeping the score: null
 * when valid (including '' = no input, and `na`), else the Chinese reason.
 */
export function checkLeafValue(leaf: CompiledLeaf, value: string): string | null {
  if (value === '' || isNaMark(value)) return null;
  const result = scoreValueLeaf(leaf, value, null);
  return typeof result === 'string' ? result : null;
}

/** One finding's deduction in thousandths: its own, or count × perFinding (saturated). */
export function findingDeductionMilli(perFinding: number, finding: FindingInput): number {
  if (finding.deduction !== null) {
    // validated to have at most 3 places (index-period-inputs); exact through its decimal text
    const own = numberToMilli(finding.deduction) ?? 0;
    return own > SATURATION_MILLI ? SATURATION_MILLI : own;
  }
  const d = finding.count * perFinding;
  return d > SATURATION_MILLI ? SATURATION_MILLI : d;
}

/** `deduct`: points − Σ deductions, in millionths, before clamping. */
export function scoreDeductLeaf(
  leaf: CompiledLeaf,
  findings: readonly FindingInput[],
  findingIndexes: readonly number[],
  losses: PointLoss[] | null,
): number {
  if (leaf.rule.kind !== 'deduct') return leaf.pointsMicro;
  const perFinding = leaf.rule.perFinding;
  let total = 0;
  for (const i of findingIndexes) {
    const f = findings[i];
    if (f === undefined) continue;
    const d = findingDeductionMilli(perFinding, f);
    total = Math.min(total + d, SATURATION_MILLI);
    if (losses !== null && d > 0) {
      losses.push({
        kind: 'finding',
        findingIndex: i,
        count: f.count,
        description: f.description ?? '',
        url: f.url ?? '',
        points: milliToNumber(d),
      });
    }
  }
  return leaf.pointsMicro - total * MILLI;
}

/** Whether a rectification item due on `due` was closed too late (or not at all). */
export function isRectificationLate(item: RectificationInput): boolean {
  return item.closed === null || item.closed > item.due;
}

/**
 * `rectification`: points − late × perLate − rejected × perRejected, in millionths,
 * before clamping. `items` are the unit's items due in the period.
 */
export function scoreRectificationLeaf(
  leaf: CompiledLeaf,
  items: readonly RectificationInput[],
  itemIndexes: readonly number[],
  losses: PointLoss[] | null,
): number {
  if (leaf.rule.kind !== 'rectification') return leaf.pointsMicro;
  const { perLate, perRejected } = leaf.rule;
  let total = 0;
  for (const i of itemIndexes) {
    const item = items[i];
    if (item === undefined) continue;
    if (isRectificationLate(item)) {
      total = Math.min(total + perLate, SATURATION_MILLI);
      if (losses !== null && perLate > 0) {
        losses.push({ kind: 'rectification-late', item: item.item, due: item.due, closed: item.closed, points: milliToNumber(perLate) });
      }
    }
    if (item.rejected > 0) {
      const d = Math.min(item.rejected * perRejected, SATURATION_MILLI);
      total = Math.min(total + d, SATURATION_MILLI);
      if (losses !== null && d > 0) {
        losses.push({ kind: 'rectification-rejected', item: item.item, rejected: item.rejected, points: milliToNumber(d) });
      }
    }
  }
  return leaf.pointsMicro - total * MILLI;
}

/** Clamps a leaf's earned millionths: [0, points], or ≤ points only under pooled deductions. */
export function clampLeafScore(leaf: CompiledLeaf, micro: number): number {
  if (micro > leaf.pointsMicro) return leaf.pointsMicro;
  if (micro < 0 && !leaf.pooled) return 0;
  return micro;
}
