// A deterministic generator of realistic annual reports that satisfy H1–H7, optionally with one
// hard rule deliberately broken. Used by the demo city seed, the tests and the bench.
import type { ReportFormat, ReportUnitKind } from '@kaoping/contracts/annual-report/annual-report';
import { createSeededRandom, type SeededRandom } from '../random/seeded-random';
import type { HardRuleId } from './rules';
import { APPLICANT_PART_COLUMNS, APPLY_ROWS_2019, APPLY_ROWS_2021, CASE_GROUPS, OTHER_SUBROW_KEYS, emptyReportCells } from './template';

/** A source of uniform numbers in [0, 1). */
export type Random = SeededRandom;

export interface GenerateReportOptions {
  /** Seed of the built-in PRNG (default 1); ignored when `random` is given. */
  seed?: number;
  random?: Random;
  format?: ReportFormat;
  year?: number;
  unit?: string;
  unitKind?: ReportUnitKind;
  /** Break exactly this hard rule (and no other). */
  inject?: HardRuleId;
}

export interface GeneratedReport {
  unit: string;
  unitKind: ReportUnitKind;
  year: number;
  format: ReportFormat;
  /** Every key of the format (reportCellKeys), null only for the 2019 (六) sub-rows. */
  cells: Record<string, number | null>;
  /** A plausible publication date (China calendar), mostly before the deadline. */
  publishedAt: string;
  injected?: { rule: HardRuleId; cells: string[] };
}

const UNIT_KINDS: readonly ReportUnitKind[] = ['city_dept', 'city_dept', 'county_gov', 'township', 'street', 'county_dept', 'city_gov'];
const DEPTS = [
  '教育局',
  '公安局',
  '民政局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '卫生健康委员会',
  '市场监督管理局',
  '医疗保障局',
];
const PLACES = ['临江', '青山', '南湖', '北塘', '东林', '西岭', '白沙', '石门'];

const pick = <T>(random: Random, items: readonly T[], fallback: T): T => items[Math.floor(random() * items.length)] ?? fallback;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

function defaultUnitName(kind: ReportUnitKind, random: Random): string {
  const place = pick(random, PLACES, '临江');
  switch (kind) {
    case 'city_gov':
      return '江临市人民政府';
    case 'county_gov':
      return `${place}区人民政府`;
    case 'city_dept':
      return `江临市${pick(random, DEPTS, '教育局')}`;
    case 'county_dept':
      return `${place}县${pick(random, DEPTS, '教育局')}`;
    case 'township':
      return `${place}镇人民政府`;
    case 'street':
      return `${place}街道办事处`;
  }
}

/** Typical yearly application count by unit kind. */
const SCALE: Record<ReportUnitKind, [number, number]> = {
  city_gov: [400, 3500],
  county_gov: [40, 600],
  city_dept: [0, 150],
  county_dept: [0, 40],
  township: [0, 12],
  street: [0, 12],
};

// Where applications end up (weights per result row) and who files them (weights per column).
const RESULT_WEIGHTS: Record<string, number> = {
  'apply.result.granted': 45,
  'apply.result.partial': 12,
  'apply.result.deny.state_secret': 0.3,
  'apply.result.deny.law_prohibited': 1,
  'apply.result.deny.security_stability': 0.3,
  'apply.result.deny.third_party': 0.6,
  'apply.result.deny.internal_affairs': 0.7,
  'apply.result.deny.process_info': 1,
  'apply.result.deny.enforcement_file': 0.8,
  'apply.result.deny.admin_query': 3,
  'apply.result.unable.not_held': 20,
  'apply.result.unable.needs_creation': 1,
  'apply.result.unable.unclear': 0.5,
  'apply.result.not_processed.complaint': 2.5,
  'apply.result.not_processed.duplicate': 1.2,
  'apply.result.not_processed.publication': 0.1,
  'apply.result.not_processed.excessive': 0.2,
  'apply.result.not_processed.reconfirm': 0.2,
  'apply.result.other.no_correction': 2.5,
  'apply.result.other.fee_unpaid': 0.3,
  'apply.result.other.misc': 3.5,
};
const COLUMN_WEIGHTS = [80, 9, 0.5, 0.5, 7, 3];

function weightedIndex(random: Random, weights: readonly number[]): number {
  const total = weights.reduce((s, w) => s + w, 0);
  let x = random() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i] ?? 0;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

const rowKeys2021 = APPLY_ROWS_2021.map((r) => r.key);
const leafKeys = rowKeys2021.filter((k) => k in RESULT_WEIGHTS);
const leafWeights = leafKeys.map((k) => RESULT_WEIGHTS[k] ?? 0);

function distribute(random: Random, count: number): number[] {
  const cols = APPLICANT_PART_COLUMNS.map(() => 0);
  for (let i = 0; i < count; i++) {
    const c = weightedIndex(random, COLUMN_WEIGHTS);
    cols[c] = (cols[c] ?? 0) + 1;
  }
  return cols;
}

function setRow(cells: Record<string, number | null>, rowKey: string, parts: readonly number[]) {
  let total = 0;
  APPLICANT_PART_COLUMNS.forEach((c, i) => {
    const v = parts[i] ?? 0;
    cells[`${rowKey}.${c}`] = v;
    total += v;
  });
  cells[`${rowKey}.total`] = total;
}

const num = (cells: Record<string, number | null>, key: string) => cells[key] ?? 0;
const add = (cells: Record<string, number | null>, key: string, delta: number) => {
  cells[key] = num(cells, key) + delta;
};

function fillApply(cells: Record<string, number | null>, random: Random, kind: ReportUnitKind, format: ReportFormat) {
  const [lo, hi] = SCALE[kind];
  const handled = random() < 0.15 ? 0 : int(random, lo, hi);
  const byLeaf = new Map<string, number[]>(leafKeys.map((k) => [k, APPLICANT_PART_COLUMNS.map(() => 0)]));
  for (let i = 0; i < handled; i++) {
    const leaf = byLeaf.get(leafKeys[weightedIndex(random, leafWeights)] ?? 'apply.result.granted');
    if (!leaf) continue;
    const c = weightedIndex(random, COLUMN_WEIGHTS);
    leaf[c] = (leaf[c] ?? 0) + 1;
  }
  const resultTotal = APPLICANT_PART_COLUMNS.map(() => 0);
  for (const [k, parts] of byLeaf) {
    setRow(cells, k, parts);
    parts.forEach((v, i) => (resultTotal[i] = (resultTotal[i] ?? 0) + v));
  }
  setRow(cells, 'apply.result.total', resultTotal);
  const carriedOut = distribute(random, Math.floor(handled * random() * 0.06));
  setRow(cells, 'apply.carried_out', carriedOut);
  // Carried in: at most what was handled or carried out in each column, so `new` stays ≥ 0.
  const carriedIn = APPLICANT_PART_COLUMNS.map((_, i) => {
    const room = (resultTotal[i] ?? 0) + (carriedOut[i] ?? 0);
    return Math.min(room, Math.floor(room * random() * 0.08));
  });
  setRow(cells, 'apply.carried_in', carriedIn);
  setRow(
    cells,
    'apply.new',
    APPLICANT_PART_COLUMNS.map((_, i) => (resultTotal[i] ?? 0) + (carriedOut[i] ?? 0) - (carriedIn[i] ?? 0)),
  );
  if (format === 2019) {
    const other = APPLICANT_PART_COLUMNS.map(() => 0);
    for (const k of OTHER_SUBROW_KEYS)
      APPLICANT_PART_COLUMNS.forEach((c, i) => {
        other[i] = (other[i] ?? 0) + num(cells, `${k}.${c}`);
      });
    setRow(cells, 'apply.result.other.sum', other);
    for (const k of OTHER_SUBROW_KEYS) for (const c of [...APPLICANT_PART_COLUMNS, 'total']) cells[`${k}.${c}`] = null;
  }
}

function fillCases(cells: Record<string, number | null>, random: Random, kind: ReportUnitKind) {
  const size = kind === 'city_gov' ? 60 : kind === 'county_gov' || kind === 'city_dept' ? 6 : 1;
  for (const g of CASE_GROUPS) {
    const parts = [0, 0, 0, 0].map(() => (random() < 0.5 ? 0 : int(random, 0, size)));
    ['upheld', 'corrected', 'other', 'pending'].forEach((o, i) => (cells[`${g.key}.${o}`] = parts[i] ?? 0));
    cells[`${g.key}.total`] = parts.reduce((s, v) => s + v, 0);
  }
}

const amount = (random: Random, max: number) => (random() < 0.3 ? 0 : Math.round(random() * max * 100) / 100);

function fillActive(cells: Record<string, number | null>, random: Random, kind: ReportUnitKind, format: ReportFormat) {
  const big = kind === 'city_gov' ? 100 : kind === 'county_gov' || kind === 'city_dept' ? 10 : 1;
  const makesRules = kind === 'city_gov';
  if (format === 2021) {
    const stock = (prefix: string, maxIssued: number) => {
      const issued = int(random, 0, maxIssued);
      const repealed = int(random, 0, Math.ceil(maxIssued / 2));
      cells[`${prefix}.issued`] = issued;
      cells[`${prefix}.repealed`] = repealed;
      cells[`${prefix}.in_force`] = issued + int(random, 0, maxIssued * 8);
    };
    stock('active.rules', makesRules ? 3 : 0);
    stock('active.normative', kind === 'township' || kind === 'street' ? 2 : 20);
    cells['active.licensing.decisions'] = int(random, 0, 4000 * big);
    cells['active.punishment.decisions'] = int(random, 0, 2000 * big);
    cells['active.coercion.decisions'] = int(random, 0, 200 * big);
    cells['active.fees.amount_wan'] = amount(random, 500 * big);
    return;
  }
  for (const r of ['rules', 'normative']) {
    const made = r === 'rules' && !makesRules ? 0 : int(random, 0, 15);
    cells[`active2019.${r}.new_made`] = made;
    cells[`active2019.${r}.new_published`] = made;
    cells[`active2019.${r}.total_published`] = made + (r === 'rules' && !makesRules ? 0 : int(random, 0, 100));
  }
  for (const r of ['licensing', 'other_services', 'punishment', 'coercion']) {
    cells[`active2019.${r}.prev_items`] = int(random, 0, 50);
    cells[`active2019.${r}.delta`] = int(random, -3, 5);
    cells[`active2019.${r}.decisions`] = int(random, 0, 1000 * big);
  }
  cells['active2019.fees.prev_items'] = int(random, 0, 10);
  cells['active2019.fees.delta'] = int(random, -2, 2);
  cells['active2019.procurement.items'] = int(random, 0, 30);
  cells['active2019.procurement.amount'] = amount(random, 300 * big);
}

function injectFailure(cells: Record<string, number | null>, rule: HardRuleId, format: ReportFormat): string[] {
  switch (rule) {
    case 'H1':
      add(cells, 'apply.carried_out.natural', 1);
      add(cells, 'apply.carried_out.total', 1);
      return ['apply.carried_out.natural', 'apply.carried_out.total'];
    case 'H2': {
      // Move one application between two result rows in the 自然人 column only: both rows' 总计 are now wrong.
      const rows = (format === 2021 ? APPLY_ROWS_2021 : APPLY_ROWS_2019)
        .map((r) => r.key)
        .filter((k) => k.startsWith('apply.result.') && k !== 'apply.result.total');
      let from = rows.find((k) => num(cells, `${k}.natural`) > 0);
      if (from === undefined) {
        from = 'apply.result.granted';
        for (const k of ['apply.result.granted', 'apply.result.total', 'apply.new'])
          for (const c of ['natural', 'total']) add(cells, `${k}.${c}`, 1);
      }
      const to = rows.find((k) => k !== from) ?? 'apply.result.partial';
      add(cells, `${from}.natural`, -1);
      add(cells, `${to}.natural`, 1);
      return [`${from}.natural`, `${to}.natural`];
    }
    case 'H3': {
      const keys = ['apply.new.natural', 'apply.new.total', 'apply.result.total.natural', 'apply.result.total.total'];
      for (const k of keys) add(cells, k, 1);
      return keys;
    }
    case 'H4':
    case 'H5':
    case 'H6': {
      const group = CASE_GROUPS[['H4', 'H5', 'H6'].indexOf(rule)]?.key ?? 'review';
      add(cells, `${group}.total`, 1);
      return [`${group}.total`];
    }
    case 'H7': {
      const key = format === 2021 ? 'active.licensing.decisions' : 'active2019.licensing.decisions';
      add(cells, key, 0.5);
      return [key];
    }
  }
}

/** A report that passes every hard rule (unless `inject` names one to break). Deterministic per seed. */
export function generateReport(options: GenerateReportOptions = {}): GeneratedReport {
  const random = options.random ?? createSeededRandom(options.seed ?? 1);
  const format = options.format ?? 2021;
  const year = options.year ?? (format === 2021 ? 2024 : 2020);
  const unitKind = options.unitKind ?? pick(random, UNIT_KINDS, 'city_dept');
  const unit = options.unit ?? defaultUnitName(unitKind, random);
  const cells = emptyReportCells(format);
  fillActive(cells, random, unitKind, format);
  fillApply(cells, random, unitKind, format);
  fillCases(cells, random, unitKind);
  const month = random() < 0.85 ? 1 : 2;
  const day = month === 1 ? int(random, 5, 31) : int(random, 1, 20);
  const publishedAt = `${year + 1}-0${month}-${String(day).padStart(2, '0')}`;
  const report: GeneratedReport = { unit, unitKind, year, format, cells, publishedAt };
  if (options.inject) report.injected = { rule: options.inject, cells: injectFailure(cells, options.inject, format) };
  return report;
}
