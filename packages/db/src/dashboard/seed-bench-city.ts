// A large generated city for `pnpm bench` (apps/e2e/bench/pages.bench.ts, load.bench.ts): one group of
// `rankingUnits` townships (the 3,000-unit ranking), one of `heatMapUnits` departments, a scheme
// with `indicators` level-1 indicators (the 300 × 12 heat map), two quarters published as the app
// publishes them (engine, snapshot, publication, read models; province-seed/generated-office.ts),
// and a rectification ledger. Deterministic (seeded PRNG), one transaction of multi-row inserts.
import type { Scheme } from '@kaoping/contracts/scoring/scheme';
import { addDays } from '@kaoping/domain/calendar/china-date';
import { parsePeriod, periodDateRange } from '@kaoping/domain/period/period';
import { periodLabel } from '@kaoping/domain/period/period-label';
import type { Db } from '../connect';
import { insertRound } from '../assessment/round.repository';
import { createRandom } from '../demo/random';
import {
  buildGeneratedScheme,
  generateQuarterScores,
  insertGeneratedUnits,
  insertQuarterPeriods,
  insertRoundScores,
  publishRoundDirectly,
  storeGeneratedScheme,
  type GeneratedUnit,
} from '../province-seed/generated-office';
import { TOWN_FIRST as FIRST, TOWN_SECOND as SECOND } from '../province-seed/province-names';
import { insertItem } from '../rectification/rectification.repository';
import { insertUser } from '../users/user.repository';

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
const GROUPS = [
  { code: 'B', name: '市直部门' },
  { code: 'C', name: '乡镇(街道)' },
];
const COUNTIES = ['临江区', '东湖区', '西山区', '南屏区', '北塘区', '清河县', '云溪县', '石门县', '柳林县', '安澜市'];

/** Unique, plausible names: county + two characters + suffix, by index. */
function townName(i: number): string {
  const a = FIRST[i % FIRST.length] ?? '青';
  const b = SECOND[Math.floor(i / FIRST.length) % SECOND.length] ?? '山';
  const county = COUNTIES[Math.floor(i / (FIRST.length * SECOND.length)) % COUNTIES.length] ?? '临江区';
  return `${county}${a}${b}${i % 3 === 0 ? '街道办事处' : '镇人民政府'}`;
}

export function buildBenchScheme(indicators: number): Scheme {
  return buildGeneratedScheme({
    code: `BENCH-${YEAR}`,
    title: `基准测试方案(${indicators}项一级指标)`,
    year: YEAR,
    groups: GROUPS,
    indicators,
  });
}

export async function seedBenchCity(
  db: Db,
  options: BenchCityOptions,
): Promise<{ units: number; scores: number; publications: number; items: number }> {
  const at = options.now.toISOString();
  const random = createRandom(20261122);
  return db.transaction().execute(async (trx) => {
    const units: GeneratedUnit[] = [
      ...Array.from({ length: options.heatMapUnits }, (_, i) => ({
        code: `B${String(i + 1).padStart(4, '0')}`,
        name: `江临市第${i + 1}局`,
        kind: 'city_dept' as const,
        group: 'B',
      })),
      ...Array.from({ length: options.rankingUnits }, (_, i) => ({
        code: `T${String(i + 1).padStart(5, '0')}`,
        name: townName(i),
        kind: i % 3 === 0 ? ('street' as const) : ('township' as const),
        group: 'C',
      })),
    ];
    const { unitIds } = await insertGeneratedUnits(trx, { groups: GROUPS, units, years: [YEAR] }, at);
    const quality = new Map<number, number>(
      unitIds.map((id, i) => [
        id,
        i < options.heatMapUnits ? 0.55 + 0.43 * Math.pow(random.next(), 0.6) : 0.5 + 0.48 * Math.pow(random.next(), 0.6),
      ]),
    );
    await insertUser(
      trx,
      { username: 'admin', displayName: '基准测试管理员', passwordHash: options.passwordHash, role: 'admin', unitId: null },
      at,
    );
    await insertQuarterPeriods(trx, QUARTERS, options.now);
    const { record, compiled } = await storeGeneratedScheme(trx, buildBenchScheme(options.indicators), at);

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
          title: `${periodLabel(period)}政务公开测评`,
          objectionDays: 10,
          createdBy: null,
        },
        `${end}T01:00:00.000Z`,
      );
      const cells = generateQuarterScores(compiled, unitIds, quality, random);
      await insertRoundScores(trx, round.id, cells, `${addDays(end, 5)}T02:00:00.000Z`);
      scores += cells.length;
      // Published as the app publishes (with the read models), without an acting user.
      await publishRoundDirectly(trx, round.id, `${addDays(end, 15)}T01:00:00.000Z`, { id: null, name: '基准测试' });
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
