import { randomBytes } from 'node:crypto';
import { zipSync, strToU8 } from 'fflate';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { insertGroup } from '@kaoping/db/org/group.repository';
import { callerFor, seedMinimalOrg } from '../testing/test-context';

const HEADER = 'code,name,group,kind,parent,tags\n';
const b64 = (data: string | Uint8Array) => Buffer.from(data).toString('base64');

async function snapshot(handle: DatabaseHandle) {
  const units = await handle.db.selectFrom('units').selectAll().orderBy('id').execute();
  const memberships = await handle.db.selectFrom('unit_groups').selectAll().orderBy('unit_id').execute();
  const audit = await handle.db.selectFrom('audit_log').select('id').execute();
  return { units, memberships, audit: audit.length };
}

describe.each(testDatabases)('units import on $name', (factory) => {
  let handle: DatabaseHandle;
  let admin: ReturnType<typeof callerFor>;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    const org = await seedMinimalOrg(handle);
    for (const [code, name] of [
      ['A', '区县政府'],
      ['C', '乡镇(街道)'],
    ] as const)
      await insertGroup(handle.db, { year: 2026, code, name, sortOrder: 0 });
    admin = callerFor(handle, org.users.admin);
  });
  afterEach(() => handle.destroy());

  const importCsv = (csv: string | Uint8Array, fileName = 'units.csv', dryRun = false) =>
    admin.units.importFile({ fileName, contentBase64: b64(csv), year: 2026, dryRun });

  it('creates new units under parents from the file or the database, sets groups, and audits each', async () => {
    const result = await importCsv(
      `${HEADER}A01-T01,临江区江口镇人民政府,C,township,A01,试点\nX01,江临新区管理委员会,A,county_gov,,\nX01-S01,新区滨江街道办事处,C,street,X01,\n`,
    );
    expect(result).toEqual({ ok: true, dryRun: false, created: 3, updated: 0, unchanged: 0, total: 3 });
    const rows = await handle.db
      .selectFrom('units as u')
      .leftJoin('units as p', 'p.id', 'u.parent_id')
      .select(['u.code', 'p.code as parent', 'u.tags'])
      .where('u.code', 'in', ['A01-T01', 'X01-S01'])
      .orderBy('u.code')
      .execute();
    expect(rows).toEqual([
      { code: 'A01-T01', parent: 'A01', tags: '["试点"]' },
      { code: 'X01-S01', parent: 'X01', tags: '[]' },
    ]);
    const audit = await handle.db.selectFrom('audit_log').select('action').execute();
    expect(audit.filter((a) => a.action === 'unit.import.create')).toHaveLength(3);
    expect(audit.filter((a) => a.action === 'unit.import')).toHaveLength(1);
  });

  it('updates existing units and counts unchanged ones; a dry run writes nothing', async () => {
    const csv = `${HEADER}A01,江临市临江区人民政府,A,county_gov,,主城区\nA02,东湖区人民政府,A,county_gov,,\n`;
    const before = await snapshot(handle);
    expect(await importCsv(csv, 'units.csv', true)).toMatchObject({ ok: true, dryRun: true, created: 0, updated: 2 });
    expect(await snapshot(handle)).toEqual(before);
    expect(await importCsv(csv)).toMatchObject({ ok: true, updated: 2, unchanged: 0 });
    expect(await importCsv(csv)).toMatchObject({ ok: true, updated: 0, unchanged: 2 });
    const a01 = await handle.db.selectFrom('units').select(['name', 'version']).where('code', '=', 'A01').executeTakeFirstOrThrow();
    expect(a01).toEqual({ name: '江临市临江区人民政府', version: 2 });
  });

  const badFiles: [string, string | Uint8Array, string, RegExp][] = [
    ['a wrong header', 'code,名称,group,kind\nX1,某单位,A,other\n', 'units.csv', /缺少|未知的列/],
    ['a bad kind', `${HEADER}X1,某单位,A,bureau,,\n`, 'units.csv', /单位类型/],
    ['a duplicate code', `${HEADER}X1,某单位,A,other,,\nX1,另一单位,A,other,,\n`, 'units.csv', /与第2行重复/],
    ['an unknown parent', `${HEADER}X1,某单位,A,other,NOPE,\n`, 'units.csv', /上级单位 NOPE 不存在/],
    ['an unknown group', `${HEADER}X1,某单位,Z,other,,\n`, 'units.csv', /分组 Z 在2026年度不存在/],
    ['a parent cycle', `${HEADER}X1,甲单位,A,other,X2,\nX2,乙单位,A,other,X1,\n`, 'units.csv', /循环/],
    ['10 MB of junk', randomBytes(10 * 1024 * 1024 - 1024), 'units.csv', /./],
    ['a .xlsx that is not a workbook', strToU8('this is not a zip at all'), 'units.xlsx', /xlsx|工作簿|文件/],
    ['a zip that is not a workbook', zipSync({ 'hello.txt': strToU8('hi') }), 'units.xlsx', /./],
    [
      'a zip bomb',
      zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(200 * 1024 * 1024) }, { level: 9 }),
      'units.xlsx',
      /解压|过大|超过/,
    ],
  ];

  it.each(badFiles)('rejects %s with a Chinese message and changes nothing', async (_, content, fileName, message) => {
    const before = await snapshot(handle);
    const result = await importCsv(content, fileName);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.map((p) => p.message).join('\n')).toMatch(message);
    expect(result.problems.map((p) => p.message).join('')).toMatch(/[\u4e00-\u9fff]/);
    expect(await snapshot(handle)).toEqual(before);
  });

  it('names row and column of the bad row, and rejects the good rows with it', async () => {
    const before = await snapshot(handle);
    const result = await importCsv(
      `${HEADER}X1,好单位,A,other,,\nX2,坏单位,A,other,,\nX3,x,A,other,,\n`.replace('X2,坏单位,A,other', 'X2,坏单位,A,nonsense'),
    );
    expect(result).toMatchObject({ ok: false, problems: [{ row: 3, column: 'kind' }] });
    expect(await snapshot(handle)).toEqual(before);
  });

  it('reads the same columns from the first sheet of an .xlsx', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('单位');
    sheet.addRows([
      ['code', 'name', 'group', 'kind', 'parent', 'tags'],
      ['X9', '江临市新设单位', 'A', 'other', '', ''],
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await importCsv(bytes, 'units.xlsx')).toMatchObject({ ok: true, created: 1 });
  });
});
