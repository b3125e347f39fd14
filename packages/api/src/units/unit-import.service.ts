import { conflict } from '@kaoping/domain/errors/domain-error';
import type { UnitRow } from '@kaoping/contracts/scoring/interchange-rows';
import type { ImportProblem, UnitsImportResult } from '@kaoping/contracts/units/unit-import';
import { UNITS_IMPORT_MAX_BYTES } from '@kaoping/contracts/units/unit-import';
import type { ImportIssue } from '@kaoping/importers/interchange/import-issue';
import { readUploadedInterchange } from '@kaoping/importers/guard/read-uploaded-report';
import { findGroupsByCode, findUnitGroup, setUnitGroup } from '@kaoping/db/org/group.repository';
import { findUnitsByCodes, insertUnit, updateUnit } from '@kaoping/db/units/unit.repository';
import type { Unit } from '@kaoping/contracts/units/unit';
import type { Db } from '@kaoping/db/connect';
import type { Actor } from '../actor';
import { recordChange } from '../audit/record-change';
import { cooperativeTicker } from '../cooperative';

/** Thrown inside the transaction to roll it back and report the problems. */
class ImportRejected extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super('import rejected');
  }
}

function sameTags(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/**
 * Imports units.csv / .xlsx (spec scoring.md §4): creates new codes, updates existing ones and
 * sets each unit's group for the year. All or nothing: any bad row rejects the whole file.
 */
export async function importUnitsFile(
  db: Db,
  actor: Actor,
  input: { fileName: string; contentBase64: string; year: number; dryRun: boolean },
): Promise<UnitsImportResult> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.byteLength > UNITS_IMPORT_MAX_BYTES) return { ok: false, problems: [{ row: null, column: null, message: '文件超过 10 MB' }] };
  const read = await readUnitsRows(input.fileName, bytes);
  if (!read.ok) return { ok: false, problems: read.issues.map(({ row, column, message }) => ({ row, column, message })) };
  const { rows, rowNumbers } = read.value;
  const { now } = actor;
  try {
    return await db.transaction().execute(async (trx) => {
      const plan = await planImport(trx, rows, rowNumbers, input.year);
      if (plan.problems.length > 0) throw new ImportRejected(plan.problems);
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      const ids = new Map<string, number>();
      for (const [code, unit] of plan.existing) ids.set(code, unit.id);
      // Parents first: rows are ordered so that a parent defined in the file is created before its children.
      const tick = cooperativeTicker(); // other requests get a turn every 200 rows (E3, issue #12 §3)
      for (const row of plan.ordered) {
        await tick();
        const parentId = row.parent === null ? null : (ids.get(row.parent) ?? null);
        const groupId = plan.groups.get(row.group)?.id ?? null;
        const existing = plan.existing.get(row.code);
        let unitId: number;
        if (!existing) {
          if (input.dryRun) {
            created++;
            ids.set(row.code, -1);
            continue;
          }
          const unit = await insertUnit(
            trx,
            { code: row.code, name: row.name, kind: row.kind, parentId, tags: row.tags, validFrom: `${input.year}-01-01`, note: '' },
            now.toISOString(),
          );
          await recordChange(trx, actor.user, now, {
            action: 'unit.import.create',
            entity: 'unit',
            entityId: unit.id,
            unitId: unit.id,
            before: null,
            after: { ...unit, group: row.group, year: input.year },
          });
          unitId = unit.id;
          ids.set(row.code, unit.id);
          created++;
        } else {
          unitId = existing.id;
          const previousGroup = await findUnitGroup(trx, existing.id, input.year);
          const changed =
            existing.name !== row.name ||
            existing.kind !== row.kind ||
            existing.parentId !== parentId ||
            !sameTags(existing.tags, row.tags) ||
            previousGroup !== groupId;
          if (!changed) {
            unchanged++;
            continue;
          }
          updated++;
          if (input.dryRun) continue;
          const after = await updateUnit(
            trx,
            existing.id,
            existing.version,
            { name: row.name, kind: row.kind, parentId, tags: row.tags },
            now.toISOString(),
          );
          if (!after) throw conflict(`单位 ${row.code} 在导入期间被他人修改,请重试`);
          await recordChange(trx, actor.user, now, {
            action: 'unit.import.update',
            entity: 'unit',
            entityId: existing.id,
            unitId: existing.id,
            before: { ...existing, groupId: previousGroup },
            after: { ...after, groupId, year: input.year },
          });
        }
        if (!input.dryRun) await setUnitGroup(trx, unitId, input.year, groupId);
      }
      if (!input.dryRun) {
        await recordChange(trx, actor.user, now, {
          action: 'unit.import',
          entity: 'import',
          entityId: input.fileName,
          unitId: null,
          before: null,
          after: { year: input.year, created, updated, unchanged },
        });
      }
      return { ok: true as const, dryRun: input.dryRun, created, updated, unchanged, total: rows.length };
    });
  } catch (error) {
    if (error instanceof ImportRejected) return { ok: false, problems: error.problems };
    throw error;
  }
}

interface ImportPlan {
  problems: ImportProblem[];
  existing: Map<string, Unit>;
  groups: Map<string, { id: number; code: string; name: string }>;
  ordered: UnitRow[];
}

/** Checks every row against the database (groups of the year, parents, retired units) and orders parents first. */
/** Reads the file's rows (format, header, each cell) and refuses duplicate codes within the file. */
// Parsed off the event loop on the server (a child process, see importers/guard; E3, issue #12 §3);
// the duplicate check runs on the rows it returns.
async function readUnitsRows(fileName: string, bytes: Uint8Array) {
  const read = await readUploadedInterchange('units', { name: fileName, bytes });
  if (!read.ok) return read;
  const seen = new Map<string, number>();
  const issues: ImportIssue[] = [];
  read.value.rows.forEach((row, i) => {
    const rowNumber = read.value.rowNumbers[i] ?? i + 2;
    const first = seen.get(row.code);
    if (first !== undefined)
      issues.push({ file: fileName, row: rowNumber, column: 'code', message: `单位编码 ${row.code} 与第${first}行重复` });
    else seen.set(row.code, rowNumber);
  });
  return issues.length > 0 ? { ok: false as const, issues } : read;
}

async function planImport(db: Db, rows: UnitRow[], rowNumbers: number[], year: number): Promise<ImportPlan> {
  const problems: ImportProblem[] = [];
  const groups = await findGroupsByCode(db, year);
  const codes = rows.map((r) => r.code);
  const parentCodes = rows.flatMap((r) => (r.parent ? [r.parent] : []));
  const existing = await findUnitsByCodes(db, [...new Set([...codes, ...parentCodes])]);
  const inFile = new Map(rows.map((r, i) => [r.code, { row: r, line: rowNumbers[i] ?? i + 2 }]));

  rows.forEach((row, i) => {
    const line = rowNumbers[i] ?? i + 2;
    if (!groups.has(row.group))
      problems.push({
        row: line,
        column: 'group',
        message: `分组 ${row.group} 在${year}年度不存在(现有:${[...groups.keys()].join('、') || '无'})`,
      });
    const current = existing.get(row.code);
    if (current?.validTo) problems.push({ row: line, column: 'code', message: `单位 ${row.code} 已于 ${current.validTo} 撤销,不能再导入` });
    if (row.parent !== null) {
      if (row.parent === row.code) problems.push({ row: line, column: 'parent', message: '上级单位不能是本单位' });
      else if (!inFile.has(row.parent) && !existing.has(row.parent))
        problems.push({ row: line, column: 'parent', message: `上级单位 ${row.parent} 不存在` });
    }
  });

  // Parent cycles inside the file (A→B→A) and a topological order so parents are written first.
  const ordered: UnitRow[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (code: string, trail: string[]): void => {
    const entry = inFile.get(code);
    if (!entry || state.get(code) === 'done') return;
    if (state.get(code) === 'visiting') {
      problems.push({ row: entry.line, column: 'parent', message: `上级单位形成循环:${[...trail, code].join(' → ')}` });
      return;
    }
    state.set(code, 'visiting');
    if (entry.row.parent) visit(entry.row.parent, [...trail, code]);
    state.set(code, 'done');
    ordered.push(entry.row);
  };
  for (const code of codes) visit(code, []);
  return { problems, existing, groups, ordered };
}
