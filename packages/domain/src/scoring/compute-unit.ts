// One unit in one period (spec §2): leaves → tree → base and applicableMax → major →
// normalised → bonus → vetoes → final, rounded once. Leaf and node sums are integer
// millionths in Numbers; the normalisation is a bigint rational.
import type { CompiledLeaf, CompiledScheme } from './compile-scheme';
import { MILLI, microToNumber, milliToNumber, roundMicroRatioToHundredths } from './decimal';
import type { PeriodIndex } from './index-period-inputs';
import { clampLeafScore, isNaMark, scoreDeductLeaf, scoreRectificationLeaf, scoreValueLeaf } from './score-leaf';
import type { InputIssue, ScoringInputs, ScoringUnit } from './scoring-inputs';
import type { LeafStatus, PointLoss, SheetRow, UnitEvent } from './scoring-result';

/** The scheme laid out in typed arrays, built once per compiled scheme. */
interface ScoringPlan {
  nodeCount: number;
  nodeParent: Int32Array;
  /** 0 = [0, points], 1 = ≤ points, 2 = none */
  nodeClamp: Uint8Array;
  nodePointsMicro: Float64Array;
  nodeLeaf: Int32Array;
  applicability: Map<string, Uint8Array>;
}

const plans = new WeakMap<CompiledScheme, ScoringPlan>();

function planFor(scheme: CompiledScheme): ScoringPlan {
  const cached = plans.get(scheme);
  if (cached !== undefined) return cached;
  const n = scheme.nodes.length;
  const plan: ScoringPlan = {
    nodeCount: n,
    nodeParent: new Int32Array(n),
    nodeClamp: new Uint8Array(n),
    nodePointsMicro: new Float64Array(n),
    nodeLeaf: new Int32Array(n),
    applicability: new Map(),
  };
  for (const node of scheme.nodes) {
    plan.nodeParent[node.index] = node.parent;
    plan.nodeClamp[node.index] = node.clamp === 'both' ? 0 : node.clamp === 'upper' ? 1 : 2;
    plan.nodePointsMicro[node.index] = node.points * MILLI;
    plan.nodeLeaf[node.index] = node.leaf;
  }
  plans.set(scheme, plan);
  return plan;
}

/** Whether a leaf applies to a unit by the scheme (group and tags), before per-unit `na`. */
export function isLeafApplicable(leaf: CompiledLeaf, unit: Pick<ScoringUnit, 'group' | 'tags'>): boolean {
  if (leaf.groups !== null && !leaf.groups.has(unit.group)) return false;
  for (const tag of leaf.tags) if (!unit.tags.includes(tag)) return false;
  return true;
}

function applicabilityFor(scheme: CompiledScheme, plan: ScoringPlan, unit: ScoringUnit): Uint8Array {
  const key = unit.tags.length === 0 ? unit.group : `${unit.group}\u0000${[...unit.tags].sort().join('\u0000')}`;
  const cached = plan.applicability.get(key);
  if (cached !== undefined) return cached;
  const mask = new Uint8Array(scheme.leaves.length);
  for (const leaf of scheme.leaves) mask[leaf.index] = isLeafApplicable(leaf, unit) ? 1 : 0;
  plan.applicability.set(key, mask);
  return mask;
}

export interface UnitScore {
  /** millionths */
  base: number;
  applicableMax: number;
  /** thousandths */
  major: number;
  /** thousandths, as applied (0 below the gate) */
  bonus: number;
  normalizedHundredths: number | null;
  finalHundredths: number | null;
  vetoes: string[];
  isVetoFail: boolean;
  unscoredReason: string | null;
  missing: string[];
  events: { vetoes: UnitEvent[]; bonus: UnitEvent[]; major: UnitEvent[] };
  sheet: SheetRow[] | null;
}

/** Per-call scratch space reused across units (one Float64Array per node). */
export interface UnitScratch {
  acc: Float64Array;
  losses: PointLoss[];
}

export function createUnitScratch(scheme: CompiledScheme): UnitScratch {
  return { acc: new Float64Array(scheme.nodes.length), losses: [] };
}

const EMPTY: readonly number[] = [];
/** Shared by every sheet row that lost nothing (sheet rows are read-only). */
const NO_LOSSES: readonly PointLoss[] = Object.freeze([]);

export function computeUnitResult(
  scheme: CompiledScheme,
  index: PeriodIndex,
  unitPosition: number,
  inputs: ScoringInputs,
  issues: InputIssue[],
  breakdown: boolean,
  scratch: UnitScratch,
): UnitScore {
  const plan = planFor(scheme);
  const unit = index.units[unitPosition];
  if (unit === undefined) throw new RangeError(`no unit at ${unitPosition}`);
  const mask = applicabilityFor(scheme, plan, unit);
  const leaves = scheme.leaves;
  const leafCount = leaves.length;
  const rowBase = unitPosition * leafCount;
  const acc = scratch.acc;
  acc.fill(0);
  const findingRows = inputs.findings ?? [];
  const rectificationRows = inputs.rectifications ?? [];

  let applicableMax = 0;
  const missing: string[] = [];
  const leafStatus: LeafStatus[] | null = breakdown ? new Array<LeafStatus>(leafCount) : null;
  const leafLosses: (readonly PointLoss[])[] | null = breakdown ? new Array<readonly PointLoss[]>(leafCount) : null;
  const leafMax: number[] | null = breakdown ? new Array<number>(leafCount) : null;

  for (let l = 0; l < leafCount; l++) {
    const leaf = leaves[l];
    if (leaf === undefined) continue;
    const at = rowBase + l;
    const value = index.values[at];
    // one scratch list per call; a leaf keeps a copy only when it lost something
    const losses: PointLoss[] | null = leafLosses !== null ? scratch.losses : null;
    if (losses !== null) losses.length = 0;
    let earned = 0;
    let status: LeafStatus = 'applicable';
    let countsMicro = leaf.pointsMicro;
    const findingList = leaf.kind === 'deduct' ? index.findings.get(at) : undefined;

    if (mask[l] === 0 || (value !== undefined && isNaMark(value))) {
      status = 'na';
      if (mask[l] === 0 && value !== undefined && value !== '' && !isNaMark(value)) {
        issues.push({
          source: 'scores',
          index: index.valueRows[at] ?? -1,
          column: 'value',
          message: `指标 ${leaf.code} 不适用于单位 ${unit.code}(分组 ${unit.group}),只能填 na 或留空`,
        });
      }
      if (findingList !== undefined) {
        for (const i of findingList) {
          issues.push({
            source: 'findings',
            index: i,
            column: 'indicator',
            message: `指标 ${leaf.code} 对单位 ${unit.code} 不适用,不能登记问题`,
          });
        }
      }
      if (leaf.na.kind === 'rate') {
        earned = leaf.na.earned;
        if (losses !== null && earned < leaf.pointsMicro) {
          losses.push({ kind: 'not-applicable-rate', rate: milliToNumber(leaf.na.rate), points: microToNumber(leaf.pointsMicro - earned) });
        }
      } else {
        countsMicro = 0;
      }
    } else if (leaf.needsInput) {
      // no row, or an empty value (except a checklist, where empty means "none met")
      if (value === undefined || (value === '' && leaf.kind !== 'checklist')) {
        status = 'missing';
        missing.push(leaf.code);
        if (losses !== null && leaf.points > 0) losses.push({ kind: 'missing-input', points: milliToNumber(leaf.points) });
      } else {
        const scored = scoreValueLeaf(leaf, value, losses);
        if (typeof scored === 'string') {
          issues.push({ source: 'scores', index: index.valueRows[at] ?? -1, column: 'value', message: `指标 ${leaf.code}:${scored}` });
        } else {
          earned = clampLeafScore(leaf, scored);
        }
      }
    } else if (value !== undefined && value !== '') {
      // a value on a deduct/rectification leaf other than na
      const message = scoreValueLeaf(leaf, value, null);
      if (typeof message === 'string')
        issues.push({ source: 'scores', index: index.valueRows[at] ?? -1, column: 'value', message: `指标 ${leaf.code}:${message}` });
    } else if (leaf.kind === 'deduct') {
      earned = clampLeafScore(leaf, scoreDeductLeaf(leaf, findingRows, findingList ?? EMPTY, losses));
    } else {
      earned = clampLeafScore(leaf, scoreRectificationLeaf(leaf, rectificationRows, index.rectifications[unitPosition] ?? EMPTY, losses));
    }

    applicableMax += countsMicro;
    acc[leaf.node] = earned;
    if (leafStatus !== null && leafLosses !== null && leafMax !== null && losses !== null) {
      leafStatus[l] = status;
      leafLosses[l] = losses.length === 0 ? NO_LOSSES : losses.slice();
      leafMax[l] = countsMicro;
    }
  }

  // Tree: children follow their parent in pre-order, so walking backwards finishes each
  // node before its parent. Leaves were clamped above; other nodes are clamped here.
  const { nodeParent, nodeClamp, nodePointsMicro, nodeLeaf } = plan;
  const nodeMax: Float64Array | null = breakdown ? new Float64Array(plan.nodeCount) : null;
  let base = 0;
  for (let i = plan.nodeCount - 1; i >= 0; i--) {
    let v = acc[i] ?? 0;
    if ((nodeLeaf[i] ?? -1) < 0 && nodeClamp[i] === 0) {
      const max = nodePointsMicro[i] ?? 0;
      if (v > max) v = max;
      else if (v < 0) v = 0;
      acc[i] = v;
    }
    const parent = nodeParent[i] ?? -1;
    if (parent >= 0) acc[parent] = (acc[parent] ?? 0) + v;
    else base += v;
    if (nodeMax !== null && leafMax !== null) {
      const leafIndex = nodeLeaf[i] ?? -1;
      if (leafIndex >= 0) nodeMax[i] = leafMax[leafIndex] ?? 0;
      if (parent >= 0) nodeMax[parent] = (nodeMax[parent] ?? 0) + (nodeMax[i] ?? 0);
    }
  }

  // Events: vetoes, bonus items, major deductions (each occurrence counts).
  let major = 0;
  let bonusSum = 0;
  let capTo = -1;
  let isVetoFail = false;
  const vetoCodes = new Set<string>();
  const events: UnitScore['events'] = { vetoes: [], bonus: [], major: [] };
  const eventRows = inputs.events ?? [];
  for (const i of index.events[unitPosition] ?? EMPTY) {
    const row = eventRows[i];
    const def = row === undefined ? undefined : scheme.events.get(row.code);
    if (row === undefined || def === undefined) continue;
    const event: UnitEvent = { code: def.code, name: def.name, note: row.note ?? '', eventIndex: i };
    if (def.type === 'major') {
      major += def.points;
      events.major.push(event);
    } else if (def.type === 'bonus') {
      bonusSum += def.points;
      events.bonus.push(event);
    } else {
      vetoCodes.add(def.code);
      events.vetoes.push(event);
      if (def.effect === 'fail') isVetoFail = true;
      else if (capTo < 0 || def.capTo < capTo) capTo = def.capTo;
    }
  }
  const vetoes = vetoCodes.size === 0 ? [] : scheme.vetoOrder.filter((c) => vetoCodes.has(c));

  let bonus = 0;
  let normalizedHundredths: number | null = null;
  let finalHundredths: number | null = null;
  let unscoredReason: string | null = null;
  if (applicableMax <= 0) {
    unscoredReason = '没有适用的指标(适用满分为 0),不计分';
  } else {
    // normalized = max(0, base − major) / applicableMax × 100, as millionths N/D.
    const net = base - major * MILLI;
    const numerator = BigInt(net > 0 ? net : 0) * 100_000_000n; // ×100 (percent) ×10⁶ (millionths)
    const den = BigInt(applicableMax);
    normalizedHundredths = roundMicroRatioToHundredths(numerator, den);
    if (scheme.bonus !== null && bonusSum > 0 && numerator >= BigInt(scheme.bonus.gate) * 1000n * den) {
      bonus = bonusSum < scheme.bonus.cap ? bonusSum : scheme.bonus.cap;
    }
    let num = numerator + BigInt(bonus) * 1000n * den;
    let d = den;
    if (capTo >= 0 && num > BigInt(capTo) * 1000n * den) {
      num = BigInt(capTo) * 1000n;
      d = 1n;
    }
    finalHundredths = roundMicroRatioToHundredths(num, d);
  }

  let sheet: SheetRow[] | null = null;
  if (breakdown && leafStatus !== null && leafLosses !== null && nodeMax !== null) {
    sheet = scheme.nodes.map((node): SheetRow => {
      const leaf = node.leaf >= 0 ? leaves[node.leaf] : undefined;
      const value = leaf === undefined ? undefined : index.values[rowBase + leaf.index];
      return {
        code: node.code,
        name: node.name,
        level: node.level,
        isLeaf: leaf !== undefined,
        points: milliToNumber(node.points),
        applicablePoints: microToNumber(nodeMax[node.index] ?? 0),
        earned: microToNumber(acc[node.index] ?? 0),
        status: leaf === undefined ? null : (leafStatus[leaf.index] ?? null),
        naHandling: leaf === undefined || leafStatus[leaf.index] !== 'na' ? null : leaf.na.kind,
        ruleKind: leaf === undefined ? null : leaf.kind,
        input: value === undefined ? null : value,
        losses: leaf === undefined ? NO_LOSSES : (leafLosses[leaf.index] ?? NO_LOSSES),
      };
    });
  }

  return {
    base,
    applicableMax,
    major,
    bonus,
    normalizedHundredths,
    finalHundredths,
    vetoes,
    isVetoFail,
    unscoredReason,
    missing,
    events,
    sheet,
  };
}
