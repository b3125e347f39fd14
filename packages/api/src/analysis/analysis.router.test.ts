// The analysis API on both dialects, over the spec's worked example (2025Q2 published, 2025Q3
// still a draft): a published group as analysis JSON, saved scenarios, their comparison and
// export, and the guarantee that none of it touches official results.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromAnalysisGroupData } from '@kaoping/domain/analysis/analysis-group';
import { computeWhatIf } from '@kaoping/domain/analysis/what-if';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { listAuditEntries } from '@kaoping/db/audit/audit.repository';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { importExampleInputs, setUpExample } from '../assessment/assessment-test-fixtures';
import { callerFor } from '../testing/test-context';

type Example = Awaited<ReturnType<typeof setUpExample>>;

/** Every table official results are made of, as text: compared before and after analysis. */
async function dumpOfficialTables(handle: DatabaseHandle): Promise<string> {
  const { db } = handle;
  const tables = {
    schemes: await db.selectFrom('schemes').selectAll().orderBy('id').execute(),
    rounds: await db.selectFrom('assessment_rounds').selectAll().orderBy('id').execute(),
    scores: await db.selectFrom('assessment_scores').selectAll().orderBy('id').execute(),
    findings: await db.selectFrom('findings').selectAll().orderBy('id').execute(),
    events: await db.selectFrom('assessment_events').selectAll().orderBy('id').execute(),
    publications: await db.selectFrom('assessment_publications').selectAll().orderBy('id').execute(),
    units: await db.selectFrom('units').selectAll().orderBy('id').execute(),
  };
  return JSON.stringify(tables);
}

describe.each(testDatabases)('analysis router on $name', (factory) => {
  let handle: DatabaseHandle;
  let example: Example;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    example = await setUpExample(handle);
    await importExampleInputs(example.assessor, example.q2.id);
    await importExampleInputs(example.assessor, example.q3.id);
    const round = await example.assessor.assessment.rounds.get({ roundId: example.q2.id });
    await example.assessor.assessment.rounds.publish({ roundId: example.q2.id, version: round.round.version });
  });
  afterEach(() => handle.destroy());

  it('lists published periods only, with their groups', async () => {
    const leader = callerFor(handle, example.org.users.leader);
    const periods = await leader.analysis.periods();
    expect(periods.map((p) => p.period)).toEqual(['2025Q2']);
    expect(periods[0]?.groups.map((g) => [g.code, g.unitCount])).toEqual([
      ['A', 4],
      ['B1', 3],
      ['B2', 3],
    ]);
  });

  it('gives a published group as analysis JSON that reproduces the official results exactly', async () => {
    const leader = callerFor(handle, example.org.users.leader);
    const result = await leader.analysis.group({ period: '2025Q2', groupCode: 'A' });
    const official = await example.assessor.assessment.results.round({ roundId: example.q2.id });
    const published = official.groups.find((g) => g.code === 'A')?.rows ?? [];
    expect(result).toMatchObject({
      period: '2025Q2',
      groupCode: 'A',
      groupName: '县(市、区)政府',
      round: { id: example.q2.id, status: 'published' },
      publication: { sequence: 1 },
    });
    expect(result.official.map((r) => [r.unit, r.final, r.rank, r.grade])).toEqual(
      published.map((r) => [r.unit, r.final, r.rank, r.grade]),
    );
    expect(result.official.every((r) => typeof r.unitId === 'number')).toBe(true);
    expect(result.data.indicators.map((i) => [i.code, i.points])).toEqual([
      ['1', 40_000],
      ['2', 30_000],
      ['3', 10_000],
      ['4', 20_000],
    ]);
    // what the browser does: rebuild the typed arrays, recompute with the official points
    const group = fromAnalysisGroupData(JSON.parse(JSON.stringify(result.data)));
    const same = computeWhatIf(group, {});
    expect(same.changedCount).toBe(0);
    expect(same.rows.map((r) => [r.unit, r.scenario.final, r.scenario.rank, r.scenario.grade])).toEqual(
      published.map((r) => [r.unit, r.final, r.rank, r.grade]),
    );
  });

  it('refuses an unpublished period, a period without a round and an unknown group', async () => {
    const admin = callerFor(handle, example.org.users.admin);
    await expect(admin.analysis.group({ period: '2025Q3', groupCode: 'A' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '2025Q3 的考评结果尚未发布,不能分析(分析只使用已发布的正式结果)',
    });
    await expect(admin.analysis.group({ period: '2025Q4', groupCode: 'A' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.analysis.group({ period: '2025Q2', groupCode: 'C' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: '2025Q2 的考评结果中没有分组 C',
    });
    await expect(admin.analysis.scenarios.list({ period: '2025Q3', groupCode: 'A' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      admin.analysis.scenarios.create({ period: '2025Q3', groupCode: 'A', name: '草稿期次', points: { '1': 50 } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses a unit liaison everything, even their own group', async () => {
    const liaison = callerFor(handle, example.org.users.liaison);
    await expect(liaison.analysis.periods()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(liaison.analysis.group({ period: '2025Q2', groupCode: 'A' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      liaison.analysis.scenarios.create({ period: '2025Q2', groupCode: 'A', name: '联络员方案', points: {} }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerFor(handle, null).analysis.group({ period: '2025Q2', groupCode: 'A' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('saves, lists and deletes scenarios, with the audit log, conflicts and the author rule', async () => {
    const leader = callerFor(handle, example.org.users.leader);
    const admin = callerFor(handle, example.org.users.admin);
    const saved = await leader.analysis.scenarios.create({
      period: '2025Q2',
      groupCode: 'A',
      name: ' 去掉依申请公开 ',
      points: { '2': 0 },
    });
    // stored complete: every level-1 indicator, the others at their official points
    expect(saved).toMatchObject({
      name: '去掉依申请公开',
      period: '2025Q2',
      groupCode: 'A',
      points: { '1': 40, '2': 0, '3': 10, '4': 20 },
      createdByName: '测试leader',
      version: 1,
    });
    const other = await admin.analysis.scenarios.create({ period: '2025Q2', groupCode: 'A', name: '加重主动公开', points: { '1': 60.5 } });
    expect((await admin.analysis.scenarios.list({ period: '2025Q2', groupCode: 'A' })).map((s) => s.name).sort()).toEqual([
      '加重主动公开',
      '去掉依申请公开',
    ]);
    expect(await admin.analysis.scenarios.list({ period: '2025Q2', groupCode: 'B1' })).toEqual([]);

    await expect(
      admin.analysis.scenarios.create({ period: '2025Q2', groupCode: 'A', name: '去掉依申请公开', points: {} }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      admin.analysis.scenarios.create({ period: '2025Q2', groupCode: 'A', name: '未知指标', points: { '9': 10 } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '一级指标 9 不存在' });
    await expect(
      admin.analysis.scenarios.create({ period: '2025Q2', groupCode: 'A', name: '全部去掉', points: { '1': 0, '2': 0, '3': 0, '4': 0 } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '至少保留一个一级指标(分值大于 0)' });
    await expect(
      admin.analysis.scenarios.create({ period: '2025Q2', groupCode: 'A', name: '负分', points: { '1': -1 } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.analysis.scenarios.create({ period: '2025Q2', groupCode: 'A', name: '', points: {} })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });

    await expect(admin.analysis.scenarios.delete({ id: saved.id, version: saved.version })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '只能删除自己保存的方案;「去掉依申请公开」由测试leader保存',
    });
    await expect(leader.analysis.scenarios.delete({ id: saved.id, version: 2 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await leader.analysis.scenarios.delete({ id: saved.id, version: saved.version });
    await expect(leader.analysis.scenarios.delete({ id: saved.id, version: saved.version })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await leader.analysis.scenarios.list({ period: '2025Q2', groupCode: 'A' })).map((s) => s.id)).toEqual([other.id]);

    const audit = await listAuditEntries(handle.db, { limit: 10 });
    const actions = audit.filter((e) => e.action.startsWith('analysis.')).map((e) => [e.action, e.actorName, e.entityId]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['analysis.scenario.create', '测试leader', String(saved.id)],
        ['analysis.scenario.create', '测试admin', String(other.id)],
        ['analysis.scenario.delete', '测试leader', String(saved.id)],
      ]),
    );
    expect(actions).toHaveLength(3);
  });

  it('compares two scenarios and exports the comparison as .xlsx', async () => {
    const assessor = example.assessor;
    const drop = await assessor.analysis.scenarios.create({ period: '2025Q2', groupCode: 'A', name: '去掉依申请公开', points: { '2': 0 } });
    const heavy = await assessor.analysis.scenarios.create({
      period: '2025Q2',
      groupCode: 'A',
      name: '只看问题整改',
      points: { '1': 0, '2': 0, '3': 0 },
    });
    const comparison = await assessor.analysis.scenarios.compare({ firstId: drop.id, secondId: heavy.id });
    expect(comparison.indicators.map((i) => i.officialPoints)).toEqual([40, 30, 10, 20]);
    expect(comparison.first).toMatchObject({ name: '去掉依申请公开', points: [40, 0, 10, 20], total: 70 });
    expect(comparison.second).toMatchObject({ name: '只看问题整改', points: [0, 0, 0, 20], total: 20 });
    // the same numbers the browser computes from the group JSON
    const data = (await assessor.analysis.group({ period: '2025Q2', groupCode: 'A' })).data;
    const group = fromAnalysisGroupData(data);
    const first = computeWhatIf(group, drop.points);
    const second = computeWhatIf(group, heavy.points);
    expect(comparison.rows.map((r) => [r.unit, r.first.final, r.first.rank, r.second.final, r.second.rank])).toEqual(
      first.rows.map((r, i) => [r.unit, r.scenario.final, r.scenario.rank, second.rows[i]?.scenario.final, second.rows[i]?.scenario.rank]),
    );
    const published = (await assessor.assessment.results.round({ roundId: example.q2.id })).groups.find((g) => g.code === 'A')?.rows ?? [];
    expect(comparison.rows.map((r) => [r.unit, r.official.final, r.official.rank])).toEqual(
      published.map((r) => [r.unit, r.final, r.rank]),
    );

    const file = await assessor.analysis.scenarios.exportComparison({ firstId: drop.id, secondId: heavy.id });
    expect(file.fileName).toBe('权重模拟对比-2025Q2-A-去掉依申请公开-只看问题整改.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('方案对比');
    expect(String(sheet?.getCell('A1').value)).toContain('2025Q2 县(市、区)政府 权重模拟方案对比');
    expect(sheet?.getCell('A5').value).toBe(comparison.rows[0]?.unit);
    expect(sheet?.getCell('F5').value).toBe(comparison.rows[0]?.first.final);

    const otherGroup = await assessor.analysis.scenarios.create({ period: '2025Q2', groupCode: 'B1', name: '市直', points: { '1': 50 } });
    await expect(assessor.analysis.scenarios.compare({ firstId: drop.id, secondId: otherGroup.id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '只能对比同一期次、同一分组的方案',
    });
    await expect(assessor.analysis.scenarios.compare({ firstId: drop.id, secondId: drop.id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(assessor.analysis.scenarios.compare({ firstId: drop.id, secondId: 99_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('never changes official results: the tables are byte-identical before and after', async () => {
    const before = await dumpOfficialTables(handle);
    const resultsBefore = JSON.stringify(await example.assessor.assessment.results.round({ roundId: example.q2.id }));
    const leader = callerFor(handle, example.org.users.leader);
    for (const groupCode of ['A', 'B1', 'B2']) await leader.analysis.group({ period: '2025Q2', groupCode });
    const a = await leader.analysis.scenarios.create({ period: '2025Q2', groupCode: 'B2', name: '方案一', points: { '1': 0 } });
    const b = await leader.analysis.scenarios.create({ period: '2025Q2', groupCode: 'B2', name: '方案二', points: { '4': 80 } });
    await leader.analysis.scenarios.compare({ firstId: a.id, secondId: b.id });
    await leader.analysis.scenarios.exportComparison({ firstId: a.id, secondId: b.id });
    await leader.analysis.scenarios.delete({ id: a.id, version: a.version });
    expect(await dumpOfficialTables(handle)).toBe(before);
    expect(JSON.stringify(await example.assessor.assessment.results.round({ roundId: example.q2.id }))).toBe(resultsBefore);
  });
});
