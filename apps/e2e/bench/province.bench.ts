// `pnpm bench province`: one deployment for a whole province (issue #14 part 3). On PostgreSQL
// (`--db sqlite` or `--db sqlite,postgres` for SQLite too; PostgreSQL is skipped when unreachable) it
//   1. seeds the generated province (packages/db/src/province-seed: 江苏省, 13 cities, 20,000 units,
//      2025Q1–2026Q4 each published through the app's publishRound) and prints the seed time per city
//      and in all, and the database's size;
//   2. publishes one more quarter (2027Q1) for the largest city as its office would: the year set up
//      (groups, scheme, period; not timed), then the round opened (openRound), every unit's scores
//      written (upsertScores, as an import) and the round published (publishRound: snapshot, read
//      models, audit), each step timed;
//   3. starts the real server (load-harness.ts) and checks isolation over HTTP: the city admin's ranking
//      of every group, and the province account's for that city, hold only that city's units; a city
//      admin naming another city, and the province account naming a city outside its province or an
//      unknown office, are refused;
//   4. drives with autocannon at 10 and 50 connections the city admin's `dashboard.overview` and
//      `dashboard.ranking` (its 乡镇(街道), the largest group), and the province account's same requests
//      naming the city with `X-Kaoping-Office`; prints req/s, p50/p95/p99, errors, peak RSS and the
//      load average.
//
//   KAOPING_BENCH_SECONDS   each run's length (default 10)
//   --db postgres|sqlite|sqlite,postgres   --workers 1[,2]   --connections 10,50   --cities N (the first N only, a trial)
import { toSessionUser } from '@kaoping/api/auth/auth.service';
import { hashPassword } from '@kaoping/api/auth/password';
import { publishRound } from '@kaoping/api/assessment/publication.service';
import { openRound } from '@kaoping/api/assessment/round.service';
import { schemeSchema } from '@kaoping/contracts/scoring/scheme';
import { compileScheme } from '@kaoping/domain/scoring/compile-scheme';
import { upsertScores } from '@kaoping/db/assessment/assessment-input.repository';
import { findSchemeByYear } from '@kaoping/db/assessment/scheme.repository';
import { inputsVersionsOf } from '@kaoping/db/assessment/round.repository';
import { mapUnitIdsByCode } from '@kaoping/db/dashboard/dashboard.repository';
import { createRandom } from '@kaoping/db/demo/random';
import { insertOffice } from '@kaoping/db/offices/office.repository';
import { acrossOffices, scopeToOffice } from '@kaoping/db/offices/office-scope';
import { generateQuarterScores } from '@kaoping/db/province-seed/generated-office';
import { prepareNextYear, type SeededCity, type SeededProvince } from '@kaoping/db/province-seed/seed-province';
import { findUserByUsername } from '@kaoping/db/users/user.repository';
import {
  choose,
  createBenchDatabase,
  DIALECT_LABEL,
  drive,
  getRequest,
  loadAverage,
  numbers,
  PG_URL,
  postgresReachable,
  printTable,
  SECONDS,
  seedProvinceForBench,
  serviceContext,
  signIn,
  startServer,
  timeFirst,
  trpc,
  trpcAnswer,
  type BenchDatabase,
  type Dialect,
  type LoadResult,
  type RunningServer,
} from './load-harness';

const PASSWORD = 'Bench@2026';
const OFFICE_HEADER = 'X-Kaoping-Office';
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Opens, scores and publishes the first quarter of 2027 for one city; prints each step's time. */
async function publishOneMoreQuarter(database: BenchDatabase, city: SeededCity): Promise<void> {
  const root = database.handle.db;
  const db = scopeToOffice(root, city.officeId);
  const now = new Date();
  let started = performance.now();
  const quarter = await prepareNextYear(db, city, 2027, now);
  const setUpMs = performance.now() - started;
  const account = await findUserByUsername(acrossOffices(root), city.adminUsername);
  if (!account) throw new Error(`no account ${city.adminUsername}`);
  const ctx = serviceContext(db, database.dialect, toSessionUser(account), now);

  started = performance.now();
  const round = await openRound(ctx, { period: quarter, kind: 'office', title: '', objectionDays: 10 });
  const openMs = performance.now() - started;

  started = performance.now();
  const record = await findSchemeByYear(db, 2027);
  const compiled = record ? compileScheme(schemeSchema.parse(record.scheme)) : null;
  if (!compiled?.ok) throw new Error('no 2027 scheme');
  const unitIds = [...(await mapUnitIdsByCode(db)).values()];
  const quality = new Map<number, number>(unitIds.map((id) => [id, 0.8]));
  const cells = generateQuarterScores(compiled.scheme, unitIds, quality, createRandom(2027));
  await db.transaction().execute((trx) => upsertScores(trx, round.id, cells, account.id, now.toISOString()));
  const scoresMs = performance.now() - started;

  // A draft's version counts its cells' revisions (what the publish dialog shows).
  const version = (await inputsVersionsOf(db, [round])).get(round.id) ?? round.version;
  started = performance.now();
  const publication = await publishRound(ctx, { roundId: round.id, version });
  const publishMs = performance.now() - started;
  const readModel = await db
    .selectFrom('published_unit_results')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('publication_id', '=', publication.id)
    .executeTakeFirstOrThrow();
  console.log(`\n  one more quarter for ${city.name} (${city.units} units, ${cells.length} scores):`);
  console.log(`    year ${quarter.slice(0, 4)} set up (groups, scheme, period; not timed below): ${seconds(setUpMs)}`);
  console.log(
    `    open round ${openMs.toFixed(0)} ms; write scores ${scoresMs.toFixed(0)} ms; publish (results, snapshot, ${Number(readModel.n)} read-model rows, audit) ${publishMs.toFixed(0)} ms`,
  );
}

type Ranking = { group: { code: string }; groups: Array<{ code: string }>; rows: Array<{ unitId: number | null }> };

/** Isolation over HTTP: own units only, and other offices refused. Returns the problems found. */
async function checkIsolation(
  server: RunningServer,
  database: BenchDatabase,
  province: SeededProvince,
  city: SeededCity,
  cookies: { city: string; province: string },
  outsiderId: number,
): Promise<string[]> {
  const problems: string[] = [];
  const across = acrossOffices(database.handle.db);
  const unitsOf = async (officeId: number) =>
    new Set((await across.selectFrom('units').select('id').where('office_id', '=', officeId).execute()).map((u) => Number(u.id)));
  const own = await unitsOf(city.officeId);
  const as = (officeId: number) => ({ [OFFICE_HEADER]: String(officeId) });
  for (const [who, cookie] of [
    ['city admin', cookies.city],
    ['province account', cookies.province],
  ] as const) {
    const first = await trpc<Ranking>(server.baseUrl, cookie, 'dashboard.ranking', { period: null, group: null }, as(city.officeId));
    let seen = 0;
    for (const group of first.groups) {
      const ranking = await trpc<Ranking>(
        server.baseUrl,
        cookie,
        'dashboard.ranking',
        { period: null, group: group.code },
        as(city.officeId),
      );
      const foreign = ranking.rows.filter((r) => r.unitId === null || !own.has(r.unitId));
      if (foreign.length > 0) problems.push(`${who}: ${foreign.length} units of group ${group.code} not of ${city.name}`);
      seen += ranking.rows.length;
    }
    if (seen !== city.units) problems.push(`${who}: ${seen} units ranked, ${city.name} has ${city.units}`);
  }
  const other = province.cities.find((c) => c.officeId !== city.officeId);
  const refusals: Array<[string, string, number]> = [
    ['city admin naming another city', cookies.city, other?.officeId ?? 0],
    ['province account naming a city of another province', cookies.province, outsiderId],
    ['province account naming no such office', cookies.province, 999_999],
    ['province account naming its own province office', cookies.province, province.provinceId],
  ];
  const answers: string[] = [];
  for (const [what, cookie, officeId] of refusals) {
    const answer = await trpcAnswer<Ranking>(server.baseUrl, cookie, 'dashboard.ranking', { period: null, group: null }, as(officeId));
    if (answer.code === 'FORBIDDEN' || answer.code === 'NOT_FOUND') answers.push(`${what}: ${answer.code}`);
    else
      problems.push(
        `${what}: answered ${answer.status}${answer.data ? ` with ${answer.data.rows.length} rows` : ''} (${answer.error ?? ''})`,
      );
  }
  console.log(
    `  isolation: the city admin's and the province account's rankings of every group of ${city.name} hold its ${city.units} units and none other; ${answers.join('; ')}`,
  );
  return problems;
}

async function runLoad(
  server: RunningServer,
  city: SeededCity,
  cookies: { city: string; province: string },
  connectionCounts: number[],
): Promise<LoadResult[]> {
  const office = { [OFFICE_HEADER]: String(city.officeId) };
  const { latest: period } = await trpc<{ latest: string | null }>(server.baseUrl, cookies.city, 'dashboard.periods');
  const ranking = await trpc<Ranking>(server.baseUrl, cookies.city, 'dashboard.ranking', { period, group: 'D' });
  const reads: Array<[string, ReturnType<typeof getRequest>]> = [
    ['city admin: overview', getRequest('dashboard.overview', { period }, cookies.city)],
    [`city admin: ranking (${ranking.rows.length})`, getRequest('dashboard.ranking', { period, group: 'D' }, cookies.city)],
    ['province: overview', getRequest('dashboard.overview', { period }, cookies.province, office)],
    [`province: ranking (${ranking.rows.length})`, getRequest('dashboard.ranking', { period, group: 'D' }, cookies.province, office)],
  ];
  const rows: LoadResult[] = [];
  const firsts: string[] = [];
  for (const [name, request] of reads) {
    firsts.push(await timeFirst(server, name, request));
    for (const connections of connectionCounts) rows.push(await drive(name, server, connections, { requests: [request] }));
  }
  console.log(`  period ${period ?? '?'}; first request alone: ${firsts.join('; ')}`);
  return rows;
}

async function benchOn(dialect: Dialect, workerCounts: number[], connectionCounts: number[], cityCount: number | undefined): Promise<void> {
  console.log(`\n### generated province on ${DIALECT_LABEL[dialect]} (load average ${loadAverage()})`);
  const database = await createBenchDatabase(dialect, 'kp_province');
  try {
    const started = performance.now();
    const province = await seedProvinceForBench(database, await hashPassword(PASSWORD), cityCount);
    const seedMs = performance.now() - started;
    const insertMs = province.cities.reduce((n, c) => n + c.insertMs, 0);
    const publishMs = province.cities.reduce((n, c) => n + c.publishMs, 0);
    console.log(
      `  seeded ${province.cities.length} cities, ${province.units} units, ${province.scores} scores, ${province.publications} publications in ${seconds(seedMs)} (inserts ${seconds(insertMs)}, publications ${seconds(publishMs)}); database ${(await database.sizeMb()).toFixed(0)} MB; load average ${loadAverage()}`,
    );
    const city = [...province.cities].sort((a, b) => b.units - a.units)[0];
    if (!city) throw new Error('no city');
    await publishOneMoreQuarter(database, city);
    // A city of another province, for the isolation check.
    const outsider = await insertOffice(
      acrossOffices(database.handle.db),
      { code: 'waisheng', name: '外省某市政务公开办公室', shortName: '外省某市', regionName: '外省某市', kind: 'city', parentId: null },
      new Date().toISOString(),
    );
    for (const workers of workerCounts) {
      console.log(
        `\n  ${city.name} (office ${city.officeId}), ${workers} process${workers > 1 ? 'es' : ''}, ${SECONDS} s per run; load average before ${loadAverage()}`,
      );
      const server = await startServer(database.env, workers);
      try {
        const idleRss = server.takePeakRssMb();
        const cookies = {
          city: await signIn(server.baseUrl, city.adminUsername, PASSWORD),
          province: await signIn(server.baseUrl, province.leaderUsername, PASSWORD),
        };
        const problems = await checkIsolation(server, database, province, city, cookies, outsider.id);
        if (problems.length > 0) throw new Error(`isolation: ${problems.join('; ')}`);
        const rows = await runLoad(server, city, cookies, connectionCounts);
        printTable(rows, 26);
        const peak = Math.max(idleRss, ...rows.map((r) => r.rssMb));
        console.log(
          `  server RSS: ${idleRss.toFixed(0)} MB idle, peak ${peak.toFixed(0)} MB (target < 500 MB); load average after ${loadAverage()}`,
        );
      } finally {
        await server.stop();
      }
    }
  } finally {
    await database.cleanup();
  }
}

export default async function bench(): Promise<void> {
  const dialects = choose<Dialect>('db', ['sqlite', 'postgres'], ['postgres']);
  const workerCounts = numbers('workers', [1]);
  const connectionCounts = numbers('connections', [10, 50]);
  // The first N cities only (a quick trial of the bench itself).
  const cityCount = process.argv.some((a) => a.startsWith('--cities')) ? (numbers('cities', [13])[0] ?? 13) : undefined;
  console.log(
    `databases ${dialects.join(',')}; processes ${workerCounts.join(',')}; connections ${connectionCounts.join(',')}; ${SECONDS} s per run`,
  );
  console.log('targets: reads at 50 connections ≥ 500 req/s, p99 < 100 ms, 0 errors; RSS < 500 MB');
  for (const dialect of dialects) {
    if (dialect === 'postgres' && !(await postgresReachable())) {
      console.log(`\n### generated province on PostgreSQL: skipped — PostgreSQL at ${PG_URL} is unreachable (set TEST_DATABASE_URL)`);
      continue;
    }
    await benchOn(dialect, workerCounts, connectionCounts, cityCount);
  }
}
