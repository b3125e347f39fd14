// A large generated city for `pnpm bench` (apps/e2e/bench/pages.bench.ts): one group of
// `rankingUnits` townships (the 3,000-unit ranking), one of `heatMapUnits` departments, a scheme
// with `indicators` level-1 indicators (the 300 × 12 heat map), two quarters published the way the
// demo publishes them (engine, snapshot, publication), and a rectification ledger. Deterministic
// (seeded PRNG), one transaction, a few seconds on SQLite.
import type { Scheme } from '@kaoping/contracts/scoring/scheme';
import { schemeSchema } from '@kaoping/contracts/scoring/scheme';
import { addDays } from '@kaoping/domain/calendar/china-date';
import { parsePeriod, periodDateRange } from '@kaoping/domain/period/period';
import { compileScheme } from '@kaoping/domain/scoring/compile-scheme';
import { computePeriodResults } from '@kaoping/domain/scoring/compute-period';
import type { PreviousRank } from '@kaoping/domain/scoring/scoring-inputs';
import type { Db } from '../connect';
import { upsertScores, type ScoreWrite } from '../assessment/assessment-input.repository';
import { buildSnapshot, canonicalJson, ranksOf } from '@kaoping/domain/assessment/publication-snapshot';
import { hashPublication, sha256Hex } from '../assessment/publication-snapshot';
import { insertPublication } from '../assessment/publication.repository';
import { loadRoundScoringInputs } from '../assessment/round-inputs.repository';
import { insertRound, markRoundPublished } from '../assessment/round.repository';
import { freezeScheme, insertScheme } from '../assessment/scheme.repository';
import { createRandom } from '../demo/random';
import { insertGroup, setUnitGroup } from '../org/group.repository';
import { insertPeriod } from '../org/period.repository';
import { insertItem } from '../rectification/rectification.repository';
import { insertUnit } from '../units/unit.repository';
import { insertUser } from '../users/user.repository';
import { milliToNumber } from '@kaoping/domain/scoring/decimal';

export interface BenchCityOptions {
  rankingUnits: number;
  heatMapUnits: number;
  indicators: number;
  rectificationItems: number;
  passwordHash: string;
  now: Date;
}

const YEAR = 2026;
const QUARTERS = ['2026Q2', '2026Q3'] as const;
const COUNTIES = ['临江区', '东湖区', '西山区', '南屏区', '北塘区', '清河县', '云溪县', '石门县', '柳林县', '安澜市'];
const FIRST = '青白金石桃柳梅兰松竹云凤龙鹤洪清新安永丰长平宁福华东西南北上下黄红湾沙马牛羊';
const SECOND = '山河湖溪桥浦口塘坪岭湾港岗庄田源林泉渡沟坝埠圩店集';
const INDICATOR_NAMES = [
  '主动公开',
  '依申请公开',
  '平台建设',
  '政策解读',
  '回应关切',
  '监督保障',
  '基层公开',
  '重点领域',
  '公开目录',
  '年度报告',
  '新媒体',
  '整改落实',
  '公众参与',
  '标准化建设',
  '保密审查',
  '培训考核',
];

/** Unique, plausible names: county + two characters + suffix, by index. */
function townName(i: number): string {
  const a = FIRST[i % FIRST.length] ?? '青';
  const b = SECOND[Math.floor(i / FIRST.length) % SECOND.length] ?? '山';
  const county = COUNTIES[Math.floor(i / (FIRST.length * SECOND.length)) % COUNTIES.length] ?? '临江区';
  return `${county}${a}${b}${i % 3 === 0 ? '街道办事处' : '镇人民政府'}`;
}

export function buildBenchScheme(indicators: number): Scheme {
  const base = Math.floor(100 / indicators);
  const extra = 100 - base * indicators;
  return {
    code: `BENCH-${YEAR}`,
    title: `基准测试方案(${indicators}项一级指标)`,
    year: YEAR,
    groups: [
      { code: 'B', name: '市直部门' },
      { code: 'C', name: '乡镇(街道)' },
    ],
    indicators: Array.from({ length: indicators }, (_, i) => {
      const points = base + (i < extra ? 1 : 0);
      const name = INDICATOR_NAMES[i] ?? `指标${i + 1}`;
      return {
        code: String(i + 1),
        name,
        points,
        children: [{ code: `${i + 1}.1`, name: `${name}评分`, points, rule: { kind: 'manual' as const } }],
      };
    }),
    vetoes: [],
    majorDeductions: [],
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
}

export async function seedBenchCity(
  db: Db,
  options: BenchCityOptions,
): Promise<{ units: number; scores: number; publications: number; items: number }> {
  const at = options.now.toISOString();
  const random = createRandom(20261122);
  return db.transaction().execute(async (trx) => {
    const groupC = await insertGroup(trx, { year: YEAR, code: 'C', name: '乡镇(街道)', sortOrder: 2 });
    const groupB = await insertGroup(trx, { year: YEAR, code: 'B', name: '市直部门', sortOrder: 1 });
    const quality = new Map<number, number>();
    const unitIds: number[] = [];
    const base = { kind: 'city_dept' as const, parentId: null, tags: [], validFrom: '2019-01-01', note: '' };
    for (let i = 0; i < options.heatMapUnits; i++) {
      const unit = await insertUnit(trx, { ...base, code: `B${String(i + 1).padStart(4, '0')}`, name: `江临市第${i + 1}局` }, at);
      await setUnitGroup(trx, unit.id, YEAR, groupB);
      unitIds.push(unit.id);
      quality.set(unit.id, 0.55 + 0.43 * Math.pow(random.next(), 0.6));
    }
    for (let i = 0; i < options.rankingUnits; i++) {
      const unit = await insertUnit(
        trx,
        { ...base, kind: i % 3 === 0 ? 'street' : 'township', code: `T${String(i + 1).padStart(5, '0')}`, name: townName(i) },
        at,
      );
      await setUnitGroup(trx, unit.id, YEAR, groupC);
      unitIds.push(unit.id);
      quality.set(unit.id, 0.5 + 0.48 * Math.pow(random.next(), 0.6));
    }
    await insertUser(
      trx,
      { username: 'admin', displayName: '基准测试管理员', passwordHash: options.passwordHash, role: 'admin', unitId: null },
      at,
    );
    for (const code of QUARTERS) {
      const period = parsePeriod(code);
      if (!period) continue;
      const { start, end } = periodDateRange(period);
      await insertPeriod(trx, { code, kind: 'quarter', year: YEAR, startDate: start, endDate: end, status: 'closed' }, at);
    }

    const scheme = schemeSchema.parse(buildBenchScheme(options.indicators));
    const compiled = compileScheme(scheme);
    if (!compiled.ok) throw new Error(`bench scheme: ${compiled.issues.join('; ')}`);
    const json = `${JSON.stringify(scheme, null, 2)}\n`;
    const record = await insertScheme(trx, { year: YEAR, code: scheme.code, title: scheme.title, json, contentHash: sha256Hex(json) }, at);

    let previousRanks: PreviousRank[] = [];
    let scores = 0;
    for (const code of QUARTERS) {
      const period = parsePeriod(code);
      if (!period || period.kind !== 'quarter') continue;
      const { end } = periodDateRange(period);
      const round = await insertRound(
        trx,
        {
          periodCode: code,
          schemeId: record.id,
          kind: 'office',
          title: `${YEAR}年第${period.quarter}季度政务公开测评`,
          objectionDays: 10,
          createdBy: null,
        },
        `${end}T01:00:00.000Z`,
      );
      const cells: ScoreWrite[] = [];
      for (const unitId of unitIds) {
        const q = Math.min(0.99, Math.max(0.3, (quality.get(unitId) ?? 0.8) + (random.next() - 0.5) * 0.12));
        quality.set(unitId, q);
        for (const leaf of compiled.scheme.leaves) {
          const points = milliToNumber(leaf.points);
          const value = Math.max(0, Math.min(points, Math.round(points * (q + (random.next() - 0.5) * 0.3) * 2) / 2));
          cells.push({ unitId, leaf: leaf.code, value: String(value), naReason: '', evidence: '', source: 'import' });
        }
      }
      await upsertScores(trx, round.id, cells, null, `${addDays(end, 5)}T02:00:00.000Z`);
      scores += cells.length;
      const loaded = await loadRoundScoringInputs(
        trx,
        round,
        compiled.scheme.groups.map((g) => g.code),
      );
      const computed = computePeriodResults(compiled.scheme, code, loaded.inputs, { previousRanks, breakdown: false });
      if (!computed.ok) throw new Error(`bench ${code}: ${JSON.stringify(computed.issues.slice(0, 3))}`);
      const snapshot = buildSnapshot(round, record, loaded, previousRanks);
      const publishedAt = `${addDays(end, 15)}T01:00:00.000Z`;
      await insertPublication(trx, {
        roundId: round.id,
        sequence: 1,
        schemeId: record.id,
        schemeVersion: record.version,
        schemeHash: record.contentHash,
        snapshotJson: canonicalJson(snapshot),
        resultsJson: canonicalJson(computed.results),
        contentHash: hashPublication(snapshot, computed.results),
        reason: '',
        diff: null,
        previousId: null,
        publishedAt,
        publishedBy: null,
        publishedByName: '基准测试',
      });
      const published = await markRoundPublished(trx, round.id, round.version, {
        publishedAt,
        objectionDeadline: addDays(publishedAt.slice(0, 10), 10),
      });
      if (!published) throw new Error(`bench ${code}: could not publish`);
      await freezeScheme(trx, record.id, publishedAt);
      previousRanks = ranksOf(computed.results);
    }

    // A ledger: items issued after each publication, most closed (some late), some still open.
    const today = options.now.toISOString().slice(0, 10);
    for (let n = 0; n < options.rectificationItems; n++) {
      const unitId = unitIds[random.int(0, unitIds.length - 1)] ?? 0;
      const period = n % 2 === 0 ? '2026Q2' : '2026Q3';
      const issuedOn = addDays(period === '2026Q2' ? '2026-07-20' : '2026-10-20', random.int(0, 20));
      const dueDate = addDays(issuedOn, 14);
      const closedOn = random.chance(0.7) ? addDays(issuedOn, random.int(3, 25)) : null;
      const isClosed = closedOn !== null && closedOn <= today;
      await insertItem(
        trx,
        {
          id: 0,
          code: `ZG-${YEAR}-${String(n + 1).padStart(4, '0')}`,
          unitId,
          period,
          findingIds: [],
          title: '政务公开问题整改',
          requirement: '',
          status: isClosed ? 'closed' : random.chance(0.5) ? 'in_progress' : 'issued',
          version: 1,
          issuedAt: `${issuedOn}T02:00:00.000Z`,
          issuedOn,
          dueDate,
          dueRule: { kind: 'calendar_days', days: 14 },
          updatedAt: at,
          acknowledgedOn: null,
          firstSubmittedOn: isClosed ? closedOn : null,
          lastSubmittedOn: isClosed ? closedOn : null,
          submission: null,
          returnReason: null,
          recheckFailCount: 0,
          explanationRejectCount: 0,
          closedOn: isClosed ? closedOn : null,
          cancelledOn: null,
          cancelReason: null,
          escalationLevel: null,
          carriedOver: false,
          carriedInto: null,
        },
        { severity: 'normal', responsiblePerson: '', responsibleLeader: '', source: 'manual', evidenceRequired: false },
      );
    }
    return { units: unitIds.length, scores, publications: QUARTERS.length, items: options.rectificationItems };
  });
}
