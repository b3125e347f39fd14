// `pnpm bench load`: the server under concurrent load, as a whole office would use it. For each
// configuration (city × database × server processes) it prepares a database (once per city and
// database), starts the real server as a child process (`apps/server/src/main.ts`, with
// `--workers N` for several processes, so its memory is its own), signs in as the office admin and
// drives the dashboard's heaviest reads and the assessors' score entry with autocannon at 10 and 50
// connections. Prints, per configuration, req/s, p50/p95/p99 latency, errors/timeouts and the
// server's peak RSS (summed over the primary and its workers, sampled from /proc), beside the
// targets of issue 14, and the machine's load average. Server start, HTTP and autocannon helpers are
// in load-harness.ts (shared with province.bench.ts).
//
// Cities: `demo` (the 156-unit 江临市), `bench3300` (3,300 units) and `province` (the generated
// 江苏省 of packages/db/src/province-seed: 13 city offices, 20,000 units, eight quarters published
// through the app's publishRound; the driven office is its largest city, 苏州市 with 3,000 units, whose
// ranking is its 乡镇(街道) group, and whose score entry opens 2027Q1; it has no rectification ledger).
// The province is opt-in: its seed takes about 4 minutes per database on this 2-core machine, which
// would take a default run (demo and bench3300, ~15 min on 5 s runs) past 25 minutes. `pnpm bench
// province` measures the province on its own (seed, publication, province-account reads, isolation).
//
//   KAOPING_BENCH_SECONDS   each run's length (default 10)
//   --db sqlite,postgres    --workers 1,2    --city demo,bench3300[,province]    --connections 10,50
//   --request overview,ranking,profile,ledger,score   (a subset; names match by substring)
// e.g. `KAOPING_BENCH_SECONDS=3 pnpm bench load -- --db sqlite --workers 1,2`
//      `KAOPING_BENCH_SECONDS=5 pnpm bench load -- --city province --db postgres`
import { hashPassword } from '@kaoping/api/auth/password';
import { seedBenchCity } from '@kaoping/db/dashboard/seed-bench-city';
import { DEMO_PASSWORD } from '@kaoping/db/demo/demo-city';
import { seedDemoCity } from '@kaoping/db/demo/seed-demo-city';
import { scopeToOffice } from '@kaoping/db/offices/office-scope';
import { prepareNextYear } from '@kaoping/db/province-seed/seed-province';
import {
  choose,
  createBenchDatabase,
  DIALECT_LABEL,
  drive,
  getRequest,
  listArg,
  loadAverage,
  mutate,
  numbers,
  PG_URL,
  postgresReachable,
  printTable,
  SECONDS,
  seedProvinceForBench,
  signIn,
  startServer,
  timeFirst,
  trpc,
  type BenchDatabase,
  type Dialect,
  type LoadResult,
  type RunningServer,
} from './load-harness';

const BENCH_PASSWORD = 'Bench@2026';

type City = 'demo' | 'bench3300' | 'province';
const CITY_LABEL: Record<City, string> = {
  demo: 'demo city (156 units)',
  bench3300: 'bench city (3,300 units)',
  province: 'province (13 cities, 20,000 units), its largest city (苏州市, 3,000 units)',
};

/** What a configuration drives: the server's database, the admin to sign in as, the quarter score entry opens, the ranking's group. */
interface PreparedCity {
  database: BenchDatabase;
  username: string;
  password: string;
  nextQuarter: string;
  /** null: the first group (as the dashboard opens it). */
  rankingGroup: string | null;
}

/** A database for one city and dialect, seeded. */
async function prepare(city: City, dialect: Dialect): Promise<PreparedCity> {
  const database = await createBenchDatabase(dialect, 'kp_load');
  const office1 = scopeToOffice(database.handle.db, 1);
  const started = performance.now();
  let prepared: PreparedCity;
  try {
    if (city === 'demo') {
      await seedDemoCity(office1, { passwordHash: await hashPassword(DEMO_PASSWORD), now: new Date() });
      prepared = { database, username: 'admin', password: DEMO_PASSWORD, nextQuarter: '2026Q4', rankingGroup: null };
    } else if (city === 'bench3300') {
      await seedBenchCity(office1, {
        rankingUnits: 3000,
        heatMapUnits: 300,
        indicators: 12,
        rectificationItems: 2000,
        passwordHash: await hashPassword(BENCH_PASSWORD),
        now: new Date(),
      });
      prepared = { database, username: 'admin', password: BENCH_PASSWORD, nextQuarter: '2026Q4', rankingGroup: null };
    } else {
      const province = await seedProvinceForBench(database, await hashPassword(BENCH_PASSWORD));
      const largest = [...province.cities].sort((a, b) => b.units - a.units)[0];
      if (!largest) throw new Error('the province has no city');
      // Its quarters run to 2026Q4: score entry opens the first quarter of 2027, set up as each January.
      const nextQuarter = await prepareNextYear(scopeToOffice(database.handle.db, largest.officeId), largest, 2027, new Date());
      // The ranking of its 乡镇(街道), the largest group (the first group is its 9 county governments).
      prepared = { database, username: largest.adminUsername, password: BENCH_PASSWORD, nextQuarter, rankingGroup: 'D' };
    }
  } catch (error) {
    await database.cleanup();
    throw error;
  }
  console.log(`  seeded ${CITY_LABEL[city]} on ${DIALECT_LABEL[dialect]} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await database.handle.destroy();
  return prepared;
}

const REQUESTS = ['overview', 'ranking', 'profile', 'ledger', 'score'] as const;

async function runConfiguration(
  label: string,
  city: PreparedCity,
  workers: number,
  connectionCounts: number[],
  requests: readonly string[],
): Promise<void> {
  console.log(`\n### ${label}, ${workers} process${workers > 1 ? 'es' : ''} (${SECONDS} s per run; load average before ${loadAverage()})`);
  const server = await startServer(city.database.env, workers);
  try {
    const idleRss = server.takePeakRssMb();
    const cookie = await signIn(server.baseUrl, city.username, city.password);
    const { latest: period } = await trpc<{ latest: string | null }>(server.baseUrl, cookie, 'dashboard.periods');
    const group = city.rankingGroup;
    const ranking = await trpc<{ group: { code: string } | null; rows: Array<{ unitId: number }> }>(
      server.baseUrl,
      cookie,
      'dashboard.ranking',
      { period, group },
    );
    const unitId = ranking.rows[0]?.unitId;
    const reads: Array<[string, string, ReturnType<typeof getRequest>]> = [
      ['overview', 'dashboard.overview', getRequest('dashboard.overview', { period }, cookie)],
      [
        'ranking',
        `dashboard.ranking${group === null ? '' : ` (${ranking.rows.length})`}`,
        getRequest('dashboard.ranking', { period, group }, cookie),
      ],
      ['profile', 'dashboard.unitProfile', getRequest('dashboard.unitProfile', { unitId, period }, cookie)],
      ['ledger', 'rectification.ledger', getRequest('rectification.ledger', {}, cookie)],
    ];
    const rows: LoadResult[] = [];
    const firsts: string[] = [];
    for (const [key, name, request] of reads) {
      if (!requests.includes(key)) continue;
      // One request alone first: it may build what later ones reuse (read models, caches); its time is reported apart.
      firsts.push(await timeFirst(server, name, request));
      for (const connections of connectionCounts) rows.push(await drive(name, server, connections, { requests: [request] }));
    }
    if (requests.includes('score')) rows.push(...(await driveScoreEntry(server, cookie, connectionCounts, city.nextQuarter)));
    if (firsts.length > 0) console.log(`  first request alone: ${firsts.join('; ')}`);
    printTable(rows);
    const peak = Math.max(idleRss, ...rows.map((r) => r.rssMb));
    console.log(
      `  server RSS: ${idleRss.toFixed(0)} MB idle, peak ${peak.toFixed(0)} MB (target < 500 MB); load average after ${loadAverage()}`,
    );
  } finally {
    await server.stop();
  }
}

/** Score entry on the newest draft round: each connection owns one cell (binary, or manual points) and toggles it between 0 and 1. */
async function driveScoreEntry(
  server: RunningServer,
  cookie: string,
  connectionCounts: number[],
  nextQuarter: string,
): Promise<LoadResult[]> {
  const baseUrl = server.baseUrl;
  let rounds = await trpc<Array<{ id: number; status: string }>>(baseUrl, cookie, 'assessment.rounds.list', {});
  if (!rounds.some((r) => r.status === 'draft')) {
    // The generated cities have only published quarters: open the next one as the assessors would
    // (creating its period first unless it exists).
    const open = () => mutate(baseUrl, cookie, 'assessment.rounds.open', { period: nextQuarter });
    let refused = await open();
    if (refused !== null) refused = (await mutate(baseUrl, cookie, 'periods.create', { code: nextQuarter })) ?? (await open());
    console.log(
      `  score entry: ${refused === null ? `opened a draft round for ${nextQuarter}` : `could not open a draft round (${refused})`}`,
    );
    rounds = await trpc<Array<{ id: number; status: string }>>(baseUrl, cookie, 'assessment.rounds.list', {});
  }
  const draft = rounds.find((r) => r.status === 'draft');
  if (!draft) {
    console.log('  score entry: no draft round in this city (skipped)');
    return [];
  }
  const round = await trpc<{ groups: Array<{ code: string }> }>(baseUrl, cookie, 'assessment.rounds.get', { roundId: draft.id });
  type Grid = {
    leaves: Array<{ code: string; rule: { kind: string } | null }>;
    units: Array<{ id: number; cells: Array<{ leaf: string; applicable: boolean; value: string | null }> }>;
  };
  const cells: Array<{ unitId: number; leaf: string; value: string | null }> = [];
  for (const group of round.groups) {
    const grid = await trpc<Grid>(baseUrl, cookie, 'assessment.inputs.grid', { roundId: draft.id, group: group.code });
    const writable = new Set(grid.leaves.filter((l) => l.rule?.kind === 'binary' || l.rule?.kind === 'manual').map((l) => l.code));
    for (const unit of grid.units) {
      for (const cell of unit.cells)
        if (cell.applicable && writable.has(cell.leaf)) cells.push({ unitId: unit.id, leaf: cell.leaf, value: cell.value });
    }
  }
  if (cells.length < Math.max(...connectionCounts)) {
    console.log(`  score entry: only ${cells.length} binary or manual cells in the draft round (skipped)`);
    return [];
  }
  const results: LoadResult[] = [];
  // Each connection owns one cell for the whole run (a closure per connection: autocannon clears a
  // request's context before every request when the list holds one request), and each run takes cells
  // no earlier run touched: a write still in flight when a run ends lands on the server unseen, and its
  // cell's next `expected` would be stale.
  let next = 0;
  for (const connections of connectionCounts) {
    if (next + connections > cells.length) next = 0;
    const headers = { cookie, 'content-type': 'application/json', origin: baseUrl };
    results.push(
      await drive('assessment.inputs.setScore', server, connections, {
        requests: [{ method: 'POST', path: '/trpc/assessment.inputs.setScore', headers }],
        setupClient: (client) => {
          const cell = cells[next++];
          if (!cell) return;
          let sent: string | null = null;
          const body = () => {
            sent = cell.value === '1' ? '0' : '1';
            return JSON.stringify({
              roundId: draft.id,
              unitId: cell.unitId,
              leaf: cell.leaf,
              value: sent,
              expected: cell.value,
              reason: '',
            });
          };
          client.setBody(body());
          // 'response' comes before the connection sends its next request: the next body expects what this one wrote.
          client.on('response', (status: number) => {
            if (status === 200) cell.value = sent;
            client.setBody(body());
          });
        },
      }),
    );
  }
  return results;
}

export default async function bench(): Promise<void> {
  const cities = choose<City>('city', ['demo', 'bench3300', 'province'], ['demo', 'bench3300']);
  const dialects = choose<Dialect>('db', ['sqlite', 'postgres']);
  const workerCounts = numbers('workers', [1, 2]);
  const connectionCounts = numbers('connections', [10, 50]);
  const requests = listArg('request', [...REQUESTS]).flatMap((r) => REQUESTS.filter((k) => k.includes(r) || r.includes(k)));
  console.log(
    `cities ${cities.join(',')}; databases ${dialects.join(',')}; processes ${workerCounts.join(',')}; connections ${connectionCounts.join(',')}; ${SECONDS} s per run; ${requests.join(', ')}`,
  );
  console.log(
    'targets: reads at 50 connections ≥ 500 req/s, p99 < 100 ms, 0 errors; score entry at 50 ≥ 300 writes/s, p99 < 200 ms; RSS < 500 MB',
  );
  const pgUp = dialects.includes('postgres') && (await postgresReachable());
  for (const city of cities) {
    for (const dialect of dialects) {
      const label = `${CITY_LABEL[city]}, ${DIALECT_LABEL[dialect]}`;
      if (dialect === 'postgres' && !pgUp) {
        console.log(`\n### ${label}: skipped — PostgreSQL at ${PG_URL} is unreachable (set TEST_DATABASE_URL)`);
        continue;
      }
      const prepared = await prepare(city, dialect);
      try {
        for (const workers of workerCounts) await runConfiguration(label, prepared, workers, connectionCounts, requests);
      } finally {
        await prepared.database.cleanup();
      }
    }
  }
}
