// The demo city's assessments: the 2025 and 2026 schemes, one office round per quarter from
// 2025Q1 to the current quarter, generated scores, findings and events with a realistic
// spread (each unit has a steady "quality" that drifts a little), every finished quarter
// published (and locked once its objection window is over), the current quarter a draft with
// part of the 乡镇(街道) still to be scored, objections on the last published quarter (one
// withdrawn with its restatement, one upheld, one pending) and a few units' self-assessments.
// Deterministic: a seeded PRNG; the same engine and snapshot code as the API.
import { schemeSchema, type Scheme } from '@kaoping/contracts/scoring/scheme';
import { addDays } from '@kaoping/domain/calendar/china-date';
import { chinaToday, comparePeriodCodes, parsePeriod, periodDateRange, periodOfDate, type Period } from '@kaoping/domain/period/period';
import { periodLabel } from '@kaoping/domain/period/period-label';
import { compileScheme, type CompiledLeaf, type CompiledScheme } from '@kaoping/domain/scoring/compile-scheme';
import { computePeriodResults } from '@kaoping/domain/scoring/compute-period';
import { isLeafApplicable } from '@kaoping/domain/scoring/compute-unit';
import type { PreviousRank } from '@kaoping/domain/scoring/scoring-inputs';
import type { Db } from '../connect';
import type { DemoSeedContext } from '../demo/seed-demo-city';
import { createRandom, type Random } from '../demo/random';
import {
  insertEvents,
  insertFindings,
  listRoundFindings,
  upsertScores,
  withdrawFinding,
  type NewEvent,
  type NewFinding,
  type ScoreWrite,
} from './assessment-input.repository';
import { buildDemoScheme } from './demo-scheme';
import { decideObjection, insertObjection } from './objection.repository';
import {
  buildSnapshot,
  canonicalJson,
  diffPublications,
  ranksOf,
  type PublicationSnapshot,
} from '@kaoping/domain/assessment/publication-snapshot';
import { hashPublication, sha256Hex } from './publication-snapshot';
import { insertPublication } from './publication.repository';
import { loadRoundScoringInputs, type RoundUnit } from './round-inputs.repository';
import { insertRound, markRoundLocked, markRoundPublished, type AssessmentRound } from './round.repository';
import { freezeScheme, insertScheme, type SchemeRecord } from './scheme.repository';
import type { PeriodResults } from '@kaoping/domain/scoring/scoring-result';
import { milliToNumber } from '@kaoping/domain/scoring/decimal';

const FINDING_TEXTS: Record<string, string[]> = {
  '1.1.2': ['政策文件栏目超过6个月未更新', '规范性文件未标注有效性', '政策文件与解读未关联发布', '政策文件正文无法打开'],
  '1.3.2': ['通知公告栏目两周以上未更新', '通知公告附件无法下载', '公告发布日期标注错误'],
  '2.1': ['依申请公开答复超过法定期限', '延期答复未书面告知申请人', '补正告知超过法定期限'],
  '2.3': ['政府信息公开行政复议被纠错', '政府信息公开行政诉讼被确认违法'],
  '3.1': ['首页存在错别字', '存在不可用链接(错链、断链)', '政务新媒体账号两周未更新', '栏目空白或仅有标题', '网站搜索功能不可用'],
};
const EVENT_NOTES: Record<string, string[]> = {
  V1: ['公开文件含应当保密的内容'],
  V2: ['网站首页15天未更新', '网站首页17天未更新'],
  J1: ['经验做法被省政府办公厅简报刊发推广', '“政策解读+”做法被省政务公开办推广'],
  J2: ['获市政府办公室通报表扬', '获市政务公开领导小组表扬'],
  J3: ['“一件事”公开案例入选全省创新案例'],
  Z1: ['因依申请公开答复不规范被省政务公开办通报', '政府网站抽查不合格被省通报'],
  Z2: ['政府信息公开行政诉讼一审败诉'],
};

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const fmt = (x: number) => String(Math.round(x * 10) / 10);

/** One leaf's value for a unit of quality q (0–1), per the leaf's rule. */
function valueFor(leaf: CompiledLeaf, q: number, random: Random): string {
  const rule = leaf.rule;
  switch (rule.kind) {
    case 'checklist':
      return rule.items
        .filter(() => random.next() < clamp(q + 0.05, 0, 0.97))
        .map((i) => i.code)
        .join(';');
    case 'binary':
      return random.next() < clamp(q + 0.1, 0, 0.97) ? '1' : '0';
    case 'graded': {
      const u = q + (random.next() - 0.5) * 0.3;
      const label = u > 0.88 ? '优' : u > 0.72 ? '良' : u > 0.5 ? '中' : '差';
      return rule.levels.some((l) => l.label === label) ? label : (rule.levels[0]?.label ?? '');
    }
    case 'rate':
      return fmt(clamp(100 - (1 - q) * 80 * random.next(), 50, 100));
    case 'manual': {
      const points = milliToNumber(leaf.points);
      return String(clamp(Math.round(points * clamp(q + (random.next() - 0.5) * 0.3, 0, 1) * 2) / 2, 0, points));
    }
    case 'deduct':
    case 'rectification':
      return '';
  }
}

interface QuarterInputs {
  scores: ScoreWrite[];
  findings: NewFinding[];
  events: NewEvent[];
}

function generateQuarter(
  scheme: CompiledScheme,
  units: readonly RoundUnit[],
  quality: Map<string, number>,
  random: Random,
  period: Period,
  options: { skipUnit: (unit: RoundUnit, index: number) => boolean },
): QuarterInputs {
  const range = periodDateRange(period);
  const days = 80;
  const out: QuarterInputs = { scores: [], findings: [], events: [] };
  units.forEach((unit, index) => {
    if (options.skipUnit(unit, index)) return;
    const q = quality.get(unit.code) ?? 0.8;
    for (const leaf of scheme.leaves) {
      if (!isLeafApplicable(leaf, unit)) continue;
      if (leaf.rule.kind === 'deduct') {
        const texts = FINDING_TEXTS[leaf.code] ?? ['发现问题'];
        // fewer findings for better units; a deduct leaf rarely has more than three
        let n = 0;
        while (n < 4 && random.next() < (1 - q) * 1.2) n++;
        for (let k = 0; k < n; k++) {
          const seen = addDays(range.start, random.int(5, days));
          out.findings.push({
            unitId: unit.id,
            leaf: leaf.code,
            count: random.chance(0.75) ? 1 : random.int(2, 3),
            deduction: null,
            description: random.pick(texts),
            url: `https://www.jiangling.gov.cn/${unit.code.toLowerCase()}/xxgk/${random.int(1000, 9999)}.html`,
            seenAt: `${seen}T0${random.int(1, 8)}:${String(random.int(10, 59))}:00.000Z`,
            screenshotPath: null,
            source: 'import',
          });
        }
        continue;
      }
      if (!leaf.needsInput) continue;
      const value = leaf.na.kind === 'rate' && random.chance(0.05) ? 'na' : valueFor(leaf, q, random);
      out.scores.push({
        unitId: unit.id,
        leaf: leaf.code,
        value,
        naReason: value === 'na' ? '本年度无此项工作' : '',
        evidence: '',
        source: 'import',
      });
    }
  });
  // Events: a cap veto for a weak unit now and then, commendations for strong ones, a criticism.
  const scored = units.filter((u, i) => !options.skipUnit(u, i));
  const byQuality = [...scored].sort((a, b) => (quality.get(a.code) ?? 0) - (quality.get(b.code) ?? 0));
  const pickNote = (code: string) => random.pick(EVENT_NOTES[code] ?? ['']);
  const weak = byQuality.slice(0, Math.max(1, Math.floor(byQuality.length / 8)));
  const strong = byQuality.slice(-Math.max(1, Math.floor(byQuality.length / 6)));
  if (weak.length > 0 && random.chance(0.6))
    out.events.push({ unitId: random.pick(weak).id, code: 'V2', note: pickNote('V2'), source: 'import' });
  if (weak.length > 0 && random.chance(0.5))
    out.events.push({ unitId: random.pick(weak).id, code: 'Z1', note: pickNote('Z1'), source: 'import' });
  if (weak.length > 0 && random.chance(0.15))
    out.events.push({ unitId: random.pick(weak).id, code: 'Z2', note: pickNote('Z2'), source: 'import' });
  for (let k = 0; k < 3 && strong.length > 0; k++) {
    const code = random.pick(['J1', 'J2', 'J2', 'J3']);
    out.events.push({ unitId: random.pick(strong).id, code, note: pickNote(code), source: 'import' });
  }
  return out;
}

async function storeScheme(trx: Db, scheme: Scheme, now: string): Promise<{ record: SchemeRecord; compiled: CompiledScheme }> {
  const parsed = schemeSchema.parse(scheme);
  const compiled = compileScheme(parsed);
  if (!compiled.ok) throw new Error(`demo scheme ${scheme.code} is invalid: ${compiled.issues.join('; ')}`);
  const json = `${JSON.stringify(parsed, null, 2)}\n`;
  const record = await insertScheme(
    trx,
    { year: parsed.year, code: parsed.code, title: parsed.title, json, contentHash: sha256Hex(json) },
    now,
  );
  return { record, compiled: compiled.scheme };
}

async function publish(
  trx: Db,
  round: AssessmentRound,
  record: SchemeRecord,
  compiled: CompiledScheme,
  previousRanks: PreviousRank[],
  by: { id: number | null; name: string },
  publishedAt: string,
): Promise<{ snapshot: PublicationSnapshot; results: PeriodResults; publicationId: number; round: AssessmentRound }> {
  const loaded = await loadRoundScoringInputs(
    trx,
    round,
    compiled.groups.map((g) => g.code),
  );
  const computed = computePeriodResults(compiled, round.periodCode, loaded.inputs, { previousRanks, breakdown: false });
  if (!computed.ok) throw new Error(`demo ${round.periodCode}: ${JSON.stringify(computed.issues.slice(0, 3))}`);
  const incomplete = computed.results.groups.flatMap((g) => g.rows).filter((r) => !r.complete);
  if (incomplete.length > 0) throw new Error(`demo ${round.periodCode}: ${incomplete.length} units incomplete`);
  const snapshot = buildSnapshot(round, record, loaded, previousRanks);
  const results = computed.results;
  const p = await insertPublication(trx, {
    roundId: round.id,
    sequence: 1,
    schemeId: record.id,
    schemeVersion: record.version,
    schemeHash: record.contentHash,
    snapshotJson: canonicalJson(snapshot),
    resultsJson: canonicalJson(results),
    contentHash: hashPublication(snapshot, results),
    reason: '',
    diff: null,
    previousId: null,
    publishedAt,
    publishedBy: by.id,
    publishedByName: by.name,
  });
  const published = await markRoundPublished(trx, round.id, round.version, {
    publishedAt,
    objectionDeadline: addDays(publishedAt.slice(0, 10), round.objectionDays),
  });
  if (!published) throw new Error(`demo ${round.periodCode}: could not publish`);
  await freezeScheme(trx, record.id, publishedAt);
  return { snapshot, results, publicationId: p.id, round: published };
}

export async function seedDemoAssessment(ctx: DemoSeedContext): Promise<Record<string, number>> {
  const { trx, now } = ctx;
  const at = now.toISOString();
  const today = chinaToday(now);
  const current = periodOfDate(today);
  const random = createRandom(20250930);
  const schemes = new Map<number, { record: SchemeRecord; compiled: CompiledScheme }>();
  for (const year of [2025, 2026] as const) schemes.set(year, await storeScheme(trx, buildDemoScheme(year), at));
  const assessorId = ctx.userIds.get('assessor') ?? null;
  const assessorName = ctx.city.users.find((u) => u.username === 'assessor')?.displayName ?? '考评员';

  // Each unit's steady quality, between 0.5 and 0.98, skewed towards good.
  const quality = new Map<string, number>();
  for (const unit of ctx.city.units) quality.set(unit.code, 0.5 + 0.48 * Math.pow(random.next(), 0.6));

  const quarters = ctx.city.periods
    .map((p) => parsePeriod(p.code))
    .filter(
      (p): p is Extract<NonNullable<typeof p>, { kind: 'quarter' }> =>
        p !== null && p.kind === 'quarter' && comparePeriodCodes(p.code, current.code) <= 0,
    )
    .sort((a, b) => comparePeriodCodes(a.code, b.code));

  let previousRanks: PreviousRank[] = [];
  let lastPublished: {
    round: AssessmentRound;
    record: SchemeRecord;
    compiled: CompiledScheme;
    snapshot: PublicationSnapshot;
    results: PeriodResults;
    publicationId: number;
  } | null = null;
  let draft: { round: AssessmentRound; units: RoundUnit[]; compiled: CompiledScheme } | null = null;
  const counts = { rounds: 0, scores: 0, findings: 0, events: 0, publications: 0, objections: 0 };

  for (const period of quarters) {
    const scheme = schemes.get(period.year);
    if (!scheme) continue;
    const { record, compiled } = scheme;
    const { end } = periodDateRange(period);
    const publishOn = addDays(end, 15);
    // The latest quarter is always the one being scored (also when the demo is loaded after 2026).
    const isCurrent = period.code === quarters[quarters.length - 1]?.code;
    const isDraft = isCurrent || publishOn > today;
    for (const unit of ctx.city.units)
      quality.set(unit.code, clamp((quality.get(unit.code) ?? 0.8) + (random.next() - 0.5) * 0.08, 0.45, 0.98));

    const round = await insertRound(
      trx,
      {
        periodCode: period.code,
        schemeId: record.id,
        kind: 'office',
        title: `${periodLabel(period)}政务公开测评`,
        objectionDays: 10,
        createdBy: assessorId,
      },
      `${period.year}-${String((period.quarter - 1) * 3 + 1).padStart(2, '0')}-05T01:00:00.000Z`,
    );
    counts.rounds++;
    const { units } = await loadRoundScoringInputs(
      trx,
      round,
      compiled.groups.map((g) => g.code),
    );
    // The current quarter is being scored: the last 30 乡镇(街道) have no scores yet.
    const cUnits = units.filter((u) => u.group === 'C').map((u) => u.code);
    const pending = new Set(isCurrent ? cUnits.slice(Math.floor(cUnits.length * 0.7)) : []);
    const inputs = generateQuarter(compiled, units, quality, random, period, { skipUnit: (u) => pending.has(u.code) });
    if (period.code === '2025Q3') {
      // The one fail veto of the two years: a department leaked a document it should have kept.
      const b2 = units.filter((u) => u.group === 'B2');
      const unit = b2[7] ?? b2[0];
      if (unit) inputs.events.push({ unitId: unit.id, code: 'V1', note: EVENT_NOTES['V1']?.[0] ?? '', source: 'import' });
    }
    const enteredAt = `${addDays(end, 5)}T02:00:00.000Z`;
    await upsertScores(trx, round.id, inputs.scores, assessorId, enteredAt);
    await insertFindings(trx, round.id, inputs.findings, assessorId, enteredAt);
    await insertEvents(trx, round.id, inputs.events, assessorId, enteredAt);
    counts.scores += inputs.scores.length;
    counts.findings += inputs.findings.length;
    counts.events += inputs.events.length;

    if (isDraft) {
      draft = { round, units, compiled };
      continue;
    }
    const published = await publish(
      trx,
      round,
      record,
      compiled,
      previousRanks,
      { id: assessorId, name: assessorName },
      `${publishOn}T01:00:00.000Z`,
    );
    counts.publications++;
    previousRanks = ranksOf(published.results);
    lastPublished = { ...published, record, compiled };
  }

  // Lock every published round whose objection window is over, except the last one, which
  // keeps its objections: one withdrawn (with its restatement), one upheld, one pending.
  const rounds = await trx
    .selectFrom('assessment_rounds')
    .select(['id', 'version', 'objection_deadline', 'status'])
    .where('status', '=', 'published')
    .execute();
  for (const r of rounds) {
    if (lastPublished && r.id === lastPublished.round.id) continue;
    if (r.objection_deadline !== null && r.objection_deadline < today)
      await markRoundLocked(trx, Number(r.id), r.version, `${addDays(r.objection_deadline, 1)}T01:00:00.000Z`);
  }
  if (lastPublished) counts.objections = await seedObjections(ctx, lastPublished, { id: assessorId, name: assessorName });
  if (draft) await seedSelfAssessments(ctx, draft, quality, random);
  return {
    assessmentRounds: counts.rounds,
    assessmentScores: counts.scores,
    findings: counts.findings,
    assessmentEvents: counts.events,
    publications: counts.publications,
    objections: counts.objections,
  };
}

async function seedObjections(
  ctx: DemoSeedContext,
  last: {
    round: AssessmentRound;
    record: SchemeRecord;
    compiled: CompiledScheme;
    snapshot: PublicationSnapshot;
    results: PeriodResults;
    publicationId: number;
  },
  assessor: { id: number | null; name: string },
): Promise<number> {
  const { trx } = ctx;
  const publishedOn = (last.round.publishedAt ?? '').slice(0, 10);
  const findings = await listRoundFindings(trx, last.round.id, { status: 'active' });
  const liaisonOf = (unitId: number) => {
    const code = [...ctx.unitIds.entries()].find(([, id]) => id === unitId)?.[0] ?? '';
    const user = code === 'A01' ? 'liaison' : `lx-${code.toLowerCase()}`;
    return { id: ctx.userIds.get(user) ?? null, name: ctx.city.users.find((u) => u.username === user)?.displayName ?? '单位联络员' };
  };
  const a01 = ctx.unitIds.get('A01');
  const pendingFinding = findings.find((f) => f.unitId === a01) ?? findings[0];
  const others = findings.filter((f) => f.unitId !== pendingFinding?.unitId && f.leaf === '3.1');
  const withdrawnFinding = others[0];
  const upheldFinding = others.find((f) => f.unitId !== withdrawnFinding?.unitId);
  let n = 0;
  if (upheldFinding) {
    const by = liaisonOf(upheldFinding.unitId);
    const id = await insertObjection(
      trx,
      {
        roundId: last.round.id,
        findingId: upheldFinding.id,
        unitId: upheldFinding.unitId,
        text: '该链接在测评时可以正常访问,可能为网络原因',
        filedBy: by.id,
        filedByName: by.name,
      },
      `${addDays(publishedOn, 2)}T03:00:00.000Z`,
    );
    await decideObjection(
      trx,
      id,
      {
        status: 'upheld',
        reason: '复核截图显示该链接返回404,问题成立',
        decidedBy: assessor.id,
        decidedByName: assessor.name,
        publicationId: null,
      },
      `${addDays(publishedOn, 4)}T06:00:00.000Z`,
    );
    n++;
  }
  if (withdrawnFinding) {
    const by = liaisonOf(withdrawnFinding.unitId);
    const filedAt = `${addDays(publishedOn, 3)}T02:30:00.000Z`;
    const decidedAt = `${addDays(publishedOn, 5)}T07:00:00.000Z`;
    const reason = '核实为上级统一平台故障所致,不属本单位责任';
    const id = await insertObjection(
      trx,
      {
        roundId: last.round.id,
        findingId: withdrawnFinding.id,
        unitId: withdrawnFinding.unitId,
        text: '该问题系省级统一平台故障导致,已附平台故障通知',
        filedBy: by.id,
        filedByName: by.name,
      },
      filedAt,
    );
    await withdrawFinding(trx, withdrawnFinding.id, reason, decidedAt);
    // The restatement, computed like the API does: same engine, same previous ranks.
    const loaded = await loadRoundScoringInputs(
      trx,
      last.round,
      last.compiled.groups.map((g) => g.code),
    );
    const computed = computePeriodResults(last.compiled, last.round.periodCode, loaded.inputs, {
      previousRanks: last.snapshot.previousRanks,
      breakdown: false,
    });
    if (!computed.ok) throw new Error('demo restatement failed');
    const snapshot = buildSnapshot(last.round, last.record, loaded, last.snapshot.previousRanks);
    const p = await insertPublication(trx, {
      roundId: last.round.id,
      sequence: 2,
      schemeId: last.record.id,
      schemeVersion: last.record.version,
      schemeHash: last.record.contentHash,
      snapshotJson: canonicalJson(snapshot),
      resultsJson: canonicalJson(computed.results),
      contentHash: hashPublication(snapshot, computed.results),
      reason: `申诉成立:${reason}`,
      diff: diffPublications({ snapshot: last.snapshot, results: last.results }, { snapshot, results: computed.results }),
      previousId: last.publicationId,
      publishedAt: decidedAt,
      publishedBy: assessor.id,
      publishedByName: assessor.name,
    });
    await decideObjection(
      trx,
      id,
      { status: 'withdrawn', reason, decidedBy: assessor.id, decidedByName: assessor.name, publicationId: p.id },
      decidedAt,
    );
    n++;
  }
  if (pendingFinding) {
    const by = liaisonOf(pendingFinding.unitId);
    await insertObjection(
      trx,
      {
        roundId: last.round.id,
        findingId: pendingFinding.id,
        unitId: pendingFinding.unitId,
        text: '该栏目已于测评前完成更新,附更新记录截图及发布时间',
        filedBy: by.id,
        filedByName: by.name,
      },
      `${addDays(publishedOn, 8)}T01:20:00.000Z`,
    );
    n++;
  }
  return n;
}

/** A few county governments filled in their self-assessment for the current quarter. */
async function seedSelfAssessments(
  ctx: DemoSeedContext,
  draft: { round: AssessmentRound; units: RoundUnit[]; compiled: CompiledScheme },
  quality: Map<string, number>,
  random: Random,
) {
  const { trx, now } = ctx;
  const self = await insertRound(
    trx,
    {
      periodCode: draft.round.periodCode,
      schemeId: draft.round.schemeId,
      kind: 'self',
      title: `${draft.round.periodCode} 单位自评`,
      objectionDays: 0,
      createdBy: null,
    },
    now.toISOString(),
  );
  for (const unit of draft.units.filter((u) => ['A01', 'A02', 'A03', 'A05'].includes(u.code))) {
    const q = clamp((quality.get(unit.code) ?? 0.8) + 0.1, 0, 0.99);
    const cells: ScoreWrite[] = [];
    for (const leaf of draft.compiled.leaves) {
      if (!leaf.needsInput || !isLeafApplicable(leaf, unit)) continue;
      cells.push({
        unitId: unit.id,
        leaf: leaf.code,
        value: valueFor(leaf, q, random),
        naReason: '',
        evidence: random.chance(0.5) ? `https://www.jiangling.gov.cn/${unit.code.toLowerCase()}/zwgk/` : '',
        source: 'self',
      });
    }
    const user = unit.code === 'A01' ? 'liaison' : `lx-${unit.code.toLowerCase()}`;
    await upsertScores(trx, self.id, cells, ctx.userIds.get(user) ?? null, now.toISOString());
  }
}
