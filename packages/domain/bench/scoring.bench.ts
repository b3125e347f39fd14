// `pnpm bench scoring`: recomputes a whole period (scores + ranks + grades) for 10,000
// units × 120 leaves in 3 groups, first with Kaoping's engine, then with the same data
// loaded into an in-memory DuckDB and scored by SQL; checks that both agree on every
// unit and prints both timings and their ratio. The data is generated deterministically.
//
// DuckDB is a devDependency of apps/cli, so it is resolved from there (this file is a
// dev script, not part of the pure package sources).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { SchemeInput } from '@kaoping/contracts/scoring/scheme';
import type { CompiledScheme } from '../src/scoring/compile-scheme';
import { computePeriodResults } from '../src/scoring/compute-period';
import { compileOrThrow } from '../src/scoring/scoring-fixtures';
import type { EventInput, FindingInput, RectificationInput, ScoreInput, ScoringInputs } from '../src/scoring/scoring-inputs';
import type { PeriodResults } from '../src/scoring/scoring-result';

const UNITS = 10_000;
const PERIOD = '2025Q3';
const PERIOD_START = '2025-07-01';
const PERIOD_END = '2025-09-30';
const RUNS = 5;
const KINDS = ['manual', 'binary', 'checklist', 'graded', 'rate', 'deduct', 'rectification'] as const;
const GROUPS = ['A', 'B', 'C'] as const;

/** mulberry32: a small deterministic PRNG. */
function makeRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const milliText = (m: number) => (m % 1000 === 0 ? String(m / 1000) : (m / 1000).toFixed(3).replace(/0+$/, ''));

interface LeafSpec {
  code: string;
  kind: (typeof KINDS)[number];
  points: number; // milli
  l1: number;
  groups: string[] | null;
  tag: string | null;
  naRate: number | null; // milli, null = exclude
  items: { code: string; points: number }[];
  levels: { label: string; points: number }[];
}

export interface BenchData {
  schemeInput: SchemeInput;
  leaves: LeafSpec[];
  inputs: ScoringInputs;
}

/** 6 level-1 × 4 level-2 × 5 leaves = 120 leaves, mixed kinds; 10,000 units and their inputs. */
export function generateBenchData(): BenchData {
  const rnd = makeRandom(20250930);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const leaves: LeafSpec[] = [];
  const indicators: SchemeInput['indicators'] = [];
  for (let a = 0; a < 6; a++) {
    const level2 = [];
    let sumA = 0;
    for (let b = 0; b < 4; b++) {
      const children = [];
      let sumB = 0;
      for (let c = 0; c < 5; c++) {
        const i = leaves.length;
        const kind = KINDS[i % KINDS.length] ?? 'manual';
        const points = [500, 750, 1000, 1125][i % 4] ?? 1000;
        const code = `${a + 1}.${b + 1}.${c + 1}`;
        const groups = i % 9 === 4 ? ['A', 'B'] : null;
        const tag = i % 13 === 6 ? '网站' : null;
        const naRate = (groups !== null || tag !== null) && i % 2 === 0 ? 800 : null;
        const first = Math.floor(points / 2);
        const second = Math.floor((points - first) / 2);
        const items =
          kind === 'checklist'
            ? [
                { code: 'a', points: first },
                { code: 'b', points: second },
                { code: 'c', points: points - first - second },
              ]
            : [];
        const levels =
          kind === 'graded'
            ? [
                { label: '优', points },
                { label: '良', points: Math.round(points * 0.8) },
                { label: '中', points: Math.round(points * 0.6) },
                { label: '差', points: 0 },
              ]
            : [];
        leaves.push({ code, kind, points, l1: a, groups, tag, naRate, items, levels });
        const rule =
          kind === 'checklist'
            ? { kind, items: items.map((it) => ({ code: it.code, name: it.code, points: it.points / 1000 })) }
            : kind === 'graded'
              ? { kind, levels: levels.map((l) => ({ label: l.label, points: l.points / 1000 })) }
              : kind === 'rate'
                ? { kind, target: 100, perPointBelow: 0.05 }
                : kind === 'deduct'
                  ? { kind, perFinding: 0.25 }
                  : kind === 'rectification'
                    ? { kind, perLate: 0.5, perRejected: 0.125 }
                    : { kind };
        children.push({
          code,
          name: `指标${code}`,
          points: points / 1000,
          rule,
          ...(groups !== null || tag !== null ? { appliesTo: { ...(groups ? { groups } : {}), ...(tag ? { tags: [tag] } : {}) } } : {}),
          ...(naRate !== null ? { na: { rate: naRate / 1000 } } : {}),
        });
        sumB += points;
      }
      level2.push({ code: `${a + 1}.${b + 1}`, name: `指标${a + 1}.${b + 1}`, points: sumB / 1000, children });
      sumA += sumB;
    }
    indicators.push({
      code: `${a + 1}`,
      name: `指标${a + 1}`,
      points: sumA / 1000,
      children: level2,
      ...(a === 1 ? { pooledDeductions: true } : {}),
    });
  }
  const schemeInput: SchemeInput = {
    code: 'BENCH-2025',
    title: '基准测试方案',
    year: 2025,
    groups: GROUPS.map((g) => ({ code: g, name: `${g}组` })),
    indicators,
    vetoes: [
      { code: 'V1', name: '否决', effect: 'fail' },
      { code: 'V2', name: '封顶', effect: 'cap', capTo: 59 },
    ],
    bonus: {
      gate: 80,
      cap: 5,
      items: [
        { code: 'J1', name: '推广', points: 2 },
        { code: 'J2', name: '表扬', points: 1 },
      ],
    },
    majorDeductions: [{ code: 'Z1', name: '通报批评', points: 5 }],
    grading: {
      bands: [
        { grade: '优秀', min: 90 },
        { grade: '良好', min: 80 },
        { grade: '合格', min: 60 },
        { grade: '不合格', min: 0 },
      ],
      quota: { grade: '优秀', maxPct: 30 },
    },
  };

  const units = Array.from({ length: UNITS }, (_, i) => ({
    code: `U${String(i).padStart(5, '0')}`,
    name: `单位${i}`,
    group: GROUPS[i % 3] ?? 'A',
    tags: i % 2 === 0 ? ['网站'] : [],
  }));
  const scores: ScoreInput[] = [];
  const findings: FindingInput[] = [];
  const events: EventInput[] = [];
  const rectifications: RectificationInput[] = [];
  for (const u of units) {
    for (const leaf of leaves) {
      const applies = (leaf.groups === null || leaf.groups.includes(u.group)) && (leaf.tag === null || u.tags.includes(leaf.tag));
      if (leaf.kind === 'deduct') {
        if (applies && rnd() < 0.2) {
          const own = rnd() < 0.25;
          findings.push({
            unit: u.code,
            period: PERIOD,
            indicator: leaf.code,
            count: 1 + Math.floor(rnd() * 3),
            deduction: own ? 0.3 : null,
            description: '问题',
            url: '',
          });
        }
        continue;
      }
      if (leaf.kind === 'rectification') continue;
      if (!applies) continue;
      const r = rnd();
      if (r < 0.002) continue; // missing
      if (r < 0.007) {
        scores.push({ unit: u.code, period: PERIOD, indicator: leaf.code, value: 'na' });
        continue;
      }
      let value: string;
      switch (leaf.kind) {
        case 'manual':
          value = milliText(Math.floor(leaf.points * (0.6 + 0.4 * rnd())));
          break;
        case 'binary':
          value = rnd() < 0.85 ? '1' : '0';
          break;
        case 'checklist':
          value = leaf.items
            .filter(() => rnd() < 0.8)
            .map((it) => it.code)
            .join(';');
          break;
        case 'graded':
          value = pick(['优', '优', '良', '中', '差']);
          break;
        default:
          value = milliText(100_000 - Math.floor(rnd() * 200) * 100); // 80.0–100 in 0.1 steps
      }
      scores.push({ unit: u.code, period: PERIOD, indicator: leaf.code, value });
    }
    const r = rnd();
    if (r < 0.1) events.push({ unit: u.code, period: PERIOD, code: 'J1' });
    if (r > 0.85) events.push({ unit: u.code, period: PERIOD, code: 'J2' });
    if (rnd() < 0.02) events.push({ unit: u.code, period: PERIOD, code: 'Z1' });
    if (rnd() < 0.01) events.push({ unit: u.code, period: PERIOD, code: 'V2' });
    if (rnd() < 0.005) events.push({ unit: u.code, period: PERIOD, code: 'V1' });
    const items = Math.floor(rnd() * 3);
    for (let k = 0; k < items; k++) {
      const day = 1 + Math.floor(rnd() * 28);
      const due = `2025-0${7 + Math.floor(rnd() * 3)}-${String(day).padStart(2, '0')}`;
      const c = rnd();
      const closed =
        c < 0.6
          ? due.slice(0, 8) + String(Math.max(1, day - 1)).padStart(2, '0')
          : c < 0.85
            ? due.slice(0, 8) + String(Math.min(28, day + 2)).padStart(2, '0')
            : null;
      rectifications.push({
        unit: u.code,
        period: PERIOD,
        item: `ZG-${k}`,
        due,
        closed,
        rejected: rnd() < 0.2 ? 1 + Math.floor(rnd() * 2) : 0,
      });
    }
  }
  return { schemeInput, leaves, inputs: { units, scores, findings, events, rectifications } };
}

interface Outcome {
  finalHundredths: number | null;
  rank: number | null;
  grade: string | null;
}

function computeWithKaoping(scheme: CompiledScheme, inputs: ScoringInputs, breakdown: boolean): PeriodResults {
  const result = computePeriodResults(scheme, PERIOD, inputs, { breakdown });
  if (!result.ok) throw new Error(`bench data rejected: ${JSON.stringify(result.issues.slice(0, 5))}`);
  return result.results;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

async function timeRuns(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

// --- DuckDB ---------------------------------------------------------------------------

interface DuckConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRowObjectsJS(): Record<string, unknown>[] }>;
  createAppender(table: string): Promise<DuckAppender>;
  closeSync(): void;
}
interface DuckAppender {
  appendVarchar(v: string): void;
  appendInteger(v: number): void;
  appendBigInt(v: bigint): void;
  appendBoolean(v: boolean): void;
  appendNull(): void;
  endRow(): void;
  flushSync(): void;
  closeSync(): void;
}
interface DuckModule {
  DuckDBInstance: {
    create(path: string, options?: Record<string, string>): Promise<{ connect(): Promise<DuckConnection>; closeSync?: () => void }>;
  };
}

export async function loadDuckDb(): Promise<DuckModule | null> {
  try {
    const require = createRequire(new URL('../../../apps/cli/package.json', import.meta.url));
    return (await import(pathToFileURL(require.resolve('@duckdb/node-api')).href)) as DuckModule;
  } catch (error) {
    console.log(`DuckDB not available (${error instanceof Error ? error.message : String(error)}); skipping the SQL comparison`);
    return null;
  }
}

async function append(conn: DuckConnection, table: string, rows: number, write: (a: DuckAppender, i: number) => void) {
  const a = await conn.createAppender(table);
  for (let i = 0; i < rows; i++) {
    write(a, i);
    a.endRow();
  }
  a.flushSync();
  a.closeSync();
}

const str = (a: DuckAppender, v: string | null) => (v === null ? a.appendNull() : a.appendVarchar(v));
const big = (a: DuckAppender, v: number | null) => (v === null ? a.appendNull() : a.appendBigInt(BigInt(v)));

export async function loadIntoDuckDb(conn: DuckConnection, data: BenchData) {
  const { leaves, inputs } = data;
  await conn.run(`
    CREATE TABLE leaves (code VARCHAR, kind VARCHAR, points BIGINT, l1 INTEGER, pooled BOOLEAN, groups VARCHAR, tag VARCHAR, na_rate BIGINT);
    CREATE TABLE checklist_items (leaf VARCHAR, item VARCHAR, points BIGINT);
    CREATE TABLE graded_levels (leaf VARCHAR, label VARCHAR, points BIGINT);
    CREATE TABLE level1 (l1 INTEGER, points BIGINT);
    CREATE TABLE units (code VARCHAR, grp VARCHAR, tags VARCHAR);
    CREATE TABLE scores (unit VARCHAR, period VARCHAR, indicator VARCHAR, value VARCHAR);
    CREATE TABLE findings (unit VARCHAR, period VARCHAR, indicator VARCHAR, count INTEGER, deduction VARCHAR);
    CREATE TABLE events (unit VARCHAR, period VARCHAR, code VARCHAR);
    CREATE TABLE rectifications (unit VARCHAR, period VARCHAR, item VARCHAR, due VARCHAR, closed VARCHAR, rejected INTEGER);
  `);
  await append(conn, 'leaves', leaves.length, (a, i) => {
    const l = leaves[i];
    if (!l) return;
    {
      str(a, l.code);
      str(a, l.kind);
      big(a, l.points);
      a.appendInteger(l.l1);
      a.appendBoolean(l.l1 === 1);
      str(a, l.groups ? l.groups.join(',') : null);
      str(a, l.tag);
      big(a, l.naRate);
    }
  });
  const items = leaves.flatMap((l) => l.items.map((it) => ({ leaf: l.code, ...it })));
  await append(conn, 'checklist_items', items.length, (a, i) => {
    const it = items[i];
    if (it) {
      str(a, it.leaf);
      str(a, it.code);
      big(a, it.points);
    }
  });
  const levels = leaves.flatMap((l) => l.levels.map((lv) => ({ leaf: l.code, ...lv })));
  await append(conn, 'graded_levels', levels.length, (a, i) => {
    const lv = levels[i];
    if (lv) {
      str(a, lv.leaf);
      str(a, lv.label);
      big(a, lv.points);
    }
  });
  const l1 = [0, 1, 2, 3, 4, 5].map((k) => leaves.filter((l) => l.l1 === k).reduce((s, l) => s + l.points, 0));
  await append(conn, 'level1', l1.length, (a, i) => {
    a.appendInteger(i);
    big(a, l1[i] ?? 0);
  });
  await append(conn, 'units', inputs.units.length, (a, i) => {
    const u = inputs.units[i];
    if (u) {
      str(a, u.code);
      str(a, u.group);
      str(a, u.tags.join(';'));
    }
  });
  await append(conn, 'scores', inputs.scores.length, (a, i) => {
    const s = inputs.scores[i];
    if (s) {
      str(a, s.unit);
      str(a, s.period);
      str(a, s.indicator);
      str(a, s.value);
    }
  });
  const findings = inputs.findings ?? [];
  await append(conn, 'findings', findings.length, (a, i) => {
    const f = findings[i];
    if (f) {
      str(a, f.unit);
      str(a, f.period);
      str(a, f.indicator);
      a.appendInteger(f.count);
      str(a, f.deduction === null ? null : String(f.deduction));
    }
  });
  const events = inputs.events ?? [];
  await append(conn, 'events', events.length, (a, i) => {
    const e = events[i];
    if (e) {
      str(a, e.unit);
      str(a, e.period);
      str(a, e.code);
    }
  });
  const rects = inputs.rectifications ?? [];
  await append(conn, 'rectifications', rects.length, (a, i) => {
    const r = rects[i];
    if (r) {
      str(a, r.unit);
      str(a, r.period);
      str(a, r.item);
      str(a, r.due);
      str(a, r.closed);
      a.appendInteger(r.rejected);
    }
  });
}

/**
 * The same computation in SQL, on integers: leaf scores in millionths, level-1 clamps,
 * normalisation, bonus gate and cap, vetoes, one half-up rounding (hugeint), RANK(),
 * bands and the quota (a tie set is granted only if everything down to it fits).
 */
export const SCORING_SQL = `
WITH
u AS (SELECT code AS unit, grp, string_split(tags, ';') AS tags FROM units),
lg AS (SELECT *, string_split(groups, ',') AS glist FROM leaves),
s AS (SELECT unit, indicator, value FROM scores WHERE period = '${PERIOD}'),
f AS (
  SELECT f.unit, f.indicator,
         SUM(CASE WHEN f.deduction IS NOT NULL THEN CAST(CAST(f.deduction AS DECIMAL(18,3)) * 1000 AS BIGINT) ELSE f.count * 250 END) AS ded
  FROM findings f WHERE f.period = '${PERIOD}' GROUP BY ALL),
r AS (
  SELECT unit, SUM(CASE WHEN closed IS NULL OR closed > due THEN 1 ELSE 0 END) AS late, SUM(rejected) AS rejected
  FROM rectifications WHERE due BETWEEN '${PERIOD_START}' AND '${PERIOD_END}' GROUP BY unit),
ck AS (
  SELECT x.unit, x.indicator, SUM(ci.points) AS met
  FROM (SELECT DISTINCT s.unit, s.indicator, trim(t.item) AS item
        FROM s JOIN leaves l ON l.code = s.indicator AND l.kind = 'checklist',
        UNNEST(string_split(s.value, ';')) AS t(item)) x
  JOIN checklist_items ci ON ci.leaf = x.indicator AND ci.item = x.item
  GROUP BY ALL),
ul AS (
  SELECT u.unit, u.grp, l.*, s.value,
         (l.glist IS NULL OR list_contains(l.glist, u.grp)) AND (l.tag IS NULL OR list_contains(u.tags, l.tag)) AS applies
  FROM u CROSS JOIN lg l
  LEFT JOIN s ON s.unit = u.unit AND s.indicator = l.code),
lv AS (
  SELECT ul.unit, ul.grp, ul.l1, ul.pooled, ul.points,
    NOT ul.applies OR lower(ul.value) = 'na' AS is_na,
    CASE
      WHEN NOT ul.applies OR lower(ul.value) = 'na' THEN COALESCE(ul.na_rate * ul.points, 0)
      WHEN ul.kind IN ('manual','binary','graded','rate') AND (ul.value IS NULL OR ul.value = '') THEN 0
      WHEN ul.kind = 'checklist' AND ul.value IS NULL THEN 0
      WHEN ul.kind = 'manual' THEN CAST(CAST(ul.value AS DECIMAL(18,3)) * 1000 AS BIGINT) * 1000
      WHEN ul.kind = 'binary' THEN CASE WHEN ul.value = '1' THEN ul.points * 1000 ELSE 0 END
      WHEN ul.kind = 'checklist' THEN COALESCE(ck.met, 0) * 1000
      WHEN ul.kind = 'graded' THEN gl.points * 1000
      WHEN ul.kind = 'rate' THEN ul.points * 1000 - GREATEST(0, 100000 - CAST(CAST(ul.value AS DECIMAL(18,3)) * 1000 AS BIGINT)) * 50
      WHEN ul.kind = 'deduct' THEN ul.points * 1000 - COALESCE(f.ded, 0) * 1000
      ELSE ul.points * 1000 - (COALESCE(r.late, 0) * 500 + COALESCE(r.rejected, 0) * 125) * 1000
    END AS raw,
    CASE WHEN (NOT ul.applies OR lower(ul.value) = 'na') AND ul.na_rate IS NULL THEN 0 ELSE ul.points * 1000 END AS maxm
  FROM ul
  LEFT JOIN ck ON ck.unit = ul.unit AND ck.indicator = ul.code
  LEFT JOIN graded_levels gl ON gl.leaf = ul.code AND gl.label = ul.value
  LEFT JOIN f ON f.unit = ul.unit AND f.indicator = ul.code
  LEFT JOIN r ON r.unit = ul.unit),
clamped AS (
  SELECT unit, grp, l1, maxm,
         CASE WHEN pooled THEN LEAST(raw, points * 1000) ELSE GREATEST(0, LEAST(raw, points * 1000)) END AS v
  FROM lv),
l1s AS (
  SELECT c.unit, c.grp, GREATEST(0, LEAST(SUM(c.v), MAX(level1.points) * 1000)) AS v, SUM(c.maxm) AS maxm
  FROM clamped c JOIN level1 ON level1.l1 = c.l1 GROUP BY c.unit, c.grp, c.l1),
base AS (SELECT unit, grp, SUM(v) AS base, SUM(maxm) AS amax FROM l1s GROUP BY unit, grp),
ev AS (
  SELECT unit,
         SUM(CASE code WHEN 'Z1' THEN 5000 ELSE 0 END) AS major,
         SUM(CASE code WHEN 'J1' THEN 2000 WHEN 'J2' THEN 1000 ELSE 0 END) AS bonus_sum,
         bool_or(code = 'V1') AS fail,
         MIN(CASE code WHEN 'V2' THEN 59000 END) AS cap_to
  FROM events WHERE period = '${PERIOD}' GROUP BY unit),
n AS (
  SELECT b.unit, b.grp, b.amax, COALESCE(ev.fail, false) AS fail, ev.cap_to,
         CAST(GREATEST(0, b.base - COALESCE(ev.major, 0) * 1000) AS HUGEINT) * 100000000 AS num,
         CAST(b.amax AS HUGEINT) AS den, COALESCE(ev.bonus_sum, 0) AS bonus_sum
  FROM base b LEFT JOIN ev ON ev.unit = b.unit),
fb AS (
  SELECT *, num + CASE WHEN amax > 0 AND bonus_sum > 0 AND num >= CAST(80000 AS HUGEINT) * 1000 * den THEN LEAST(bonus_sum, 5000) ELSE 0 END * CAST(1000 AS HUGEINT) * den AS num2
  FROM n),
fin AS (
  SELECT unit, grp, fail,
    CASE WHEN amax <= 0 THEN NULL
         WHEN cap_to IS NOT NULL AND num2 > CAST(cap_to AS HUGEINT) * 1000 * den THEN CAST((2 * CAST(cap_to AS HUGEINT) * 1000 + 10000) // 20000 AS BIGINT)
         ELSE CAST((2 * num2 + den * 10000) // (2 * den * 10000) AS BIGINT) END AS h
  FROM fb),
ranked AS (
  SELECT *, CASE WHEN h IS NOT NULL AND NOT fail THEN RANK() OVER (PARTITION BY grp, (h IS NOT NULL AND NOT fail) ORDER BY h DESC) END AS rnk,
         CASE WHEN fail THEN 3 WHEN h IS NULL THEN NULL WHEN h >= 9000 THEN 0 WHEN h >= 8000 THEN 1 WHEN h >= 6000 THEN 2 ELSE 3 END AS band
  FROM fin),
q AS (
  SELECT *, COUNT(rnk) OVER (PARTITION BY grp) AS ranked_n,
         SUM(CASE WHEN rnk IS NOT NULL AND band = 0 THEN 1 ELSE 0 END) OVER (PARTITION BY grp ORDER BY h DESC NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS qual_through
  FROM ranked)
SELECT unit, h, CAST(rnk AS INTEGER) AS rnk,
  CASE WHEN band IS NULL THEN NULL
       WHEN rnk IS NOT NULL AND band = 0 AND qual_through > (30000 * ranked_n) // 100000 THEN '良好'
       ELSE ['优秀','良好','合格','不合格'][band + 1] END AS grade
FROM q
`;

export default async function bench(): Promise<void> {
  const t0 = performance.now();
  const data = generateBenchData();
  const scheme = compileOrThrow(data.schemeInput);
  const { inputs } = data;
  console.log(
    `data: ${inputs.units.length} units × ${scheme.leaves.length} leaves in ${scheme.groups.length} groups; ` +
      `${inputs.scores.length} scores, ${inputs.findings?.length ?? 0} findings, ${inputs.events?.length ?? 0} events, ` +
      `${inputs.rectifications?.length ?? 0} rectification items (generated in ${(performance.now() - t0).toFixed(0)} ms)`,
  );

  const kaopingMs = await timeRuns(RUNS, () => computeWithKaoping(scheme, inputs, false));
  const sheetMs = await timeRuns(2, () => computeWithKaoping(scheme, inputs, true));
  const ours = new Map<string, Outcome>();
  for (const g of computeWithKaoping(scheme, inputs, false).groups) {
    for (const r of g.rows)
      ours.set(r.unit, { finalHundredths: r.final === null ? null : Math.round(r.final * 100), rank: r.rank, grade: r.grade });
  }
  console.log(
    `kaoping: ${kaopingMs.toFixed(1)} ms median of ${RUNS} (scores + ranks + grades); with per-leaf score sheets ${sheetMs.toFixed(1)} ms`,
  );

  const duck = await loadDuckDb();
  if (duck === null) return;
  const instance = await duck.DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const t1 = performance.now();
    await loadIntoDuckDb(conn, data);
    const loadMs = performance.now() - t1;
    let rows: Record<string, unknown>[] = [];
    const duckMs = await timeRuns(RUNS, async () => {
      rows = (await conn.runAndReadAll(SCORING_SQL)).getRowObjectsJS();
    });
    let agree = 0;
    const mismatches: string[] = [];
    for (const row of rows) {
      const unit = String(row.unit);
      const theirs: Outcome = {
        finalHundredths: row.h === null || row.h === undefined ? null : Number(row.h),
        rank: row.rnk === null || row.rnk === undefined ? null : Number(row.rnk),
        grade: row.grade === null || row.grade === undefined ? null : String(row.grade),
      };
      const mine = ours.get(unit);
      if (mine && mine.finalHundredths === theirs.finalHundredths && mine.rank === theirs.rank && mine.grade === theirs.grade) agree++;
      else if (mismatches.length < 5) mismatches.push(`${unit}: kaoping ${JSON.stringify(mine)} vs duckdb ${JSON.stringify(theirs)}`);
    }
    console.log(
      `duckdb: ${duckMs.toFixed(1)} ms median of ${RUNS} (same SQL computation, in-memory; loading took ${loadMs.toFixed(0)} ms, not counted)`,
    );
    console.log(
      `agreement: ${agree}/${ours.size} units identical in final, rank and grade${rows.length !== ours.size ? ` (duckdb returned ${rows.length} rows)` : ''}`,
    );
    for (const m of mismatches) console.log(`  mismatch ${m}`);
    console.log(
      `ratio: duckdb / kaoping = ${(duckMs / kaopingMs).toFixed(2)}× (${kaopingMs < duckMs ? 'kaoping faster' : 'duckdb faster'})`,
    );
    if (agree !== ours.size) process.exitCode = 1;
  } finally {
    conn.closeSync();
  }
}
