// A folder of published reports for many units, loaded in one transaction (`kaoping report import`).
// Each file is matched to a unit by its name (= unit code) or by the unit named in the report, read
// with the same parser and rules as the dashboard, and stored as that unit's submitted report for
// the year. All or nothing: one unreadable or unmatched file and nothing is written.
import { conflict, invalidInput, isDomainError } from '@kaoping/domain/errors/domain-error';
import type { ReportFormat } from '@kaoping/contracts/annual-report/annual-report';
import { countChecks } from '@kaoping/domain/annual-report-workflow/check-stored-report';
import { reportUnitKindOf } from '@kaoping/domain/annual-report-workflow/report-unit-kind';
import {
  findLatestReportVersion,
  insertReportVersion,
  listExpectedReportUnits,
  updateReportContent,
  updateReportState,
  type ExpectedReportUnit,
} from '@kaoping/db/annual-reports/annual-report.repository';
import { recordChange } from '../audit/record-change';
import { namesMatch, readReportForUnit, type ReadReport } from './annual-report-parse.service';
import { loadCheckContext, writeReportEvent, type Authed } from './annual-report.service';

export interface ReportFileToImport {
  fileName: string;
  bytes: Uint8Array;
}

export interface ReportFileSummary {
  fileName: string;
  unitCode: string | null;
  unitName: string | null;
  matchedBy: 'code' | 'name' | null;
  parsedUnit: string | null;
  parsedYear: number | null;
  parsedFormat: ReportFormat | null;
  /** Cells with a number / left blank. */
  filled: number;
  blank: number;
  errors: number;
  warnings: number;
  action: 'create' | 'update' | null;
  /** Why the file (and so the whole folder) is refused; null when it can be imported. */
  problem: string | null;
}

export interface ReportFolderImportResult {
  ok: boolean;
  dryRun: boolean;
  year: number;
  created: number;
  updated: number;
  files: ReportFileSummary[];
}

class ImportRejected extends Error {
  constructor(readonly files: ReportFileSummary[]) {
    super('report import rejected');
  }
}

const stem = (fileName: string) => fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');

function matchUnit(
  fileName: string,
  parsedUnit: string | null,
  units: readonly ExpectedReportUnit[],
): { unit: ExpectedReportUnit | null; by: 'code' | 'name' | null; problem: string | null } {
  const code = stem(fileName).trim().toLowerCase();
  const byCode = units.find((u) => u.code.toLowerCase() === code);
  if (byCode) return { unit: byCode, by: 'code', problem: null };
  if (parsedUnit === null) return { unit: null, by: null, problem: `文件名 ${stem(fileName)} 不是单位编码, 报告中也没有识别出单位名称` };
  const exact = units.filter((u) => u.name === parsedUnit);
  const candidates = exact.length > 0 ? exact : units.filter((u) => namesMatch(parsedUnit, u.name));
  if (candidates.length === 1 && candidates[0]) return { unit: candidates[0], by: 'name', problem: null };
  if (candidates.length > 1)
    return {
      unit: null,
      by: null,
      problem: `报告中的单位“${parsedUnit}”对应多个单位: ${candidates
        .slice(0, 5)
        .map((u) => u.code)
        .join('、')}; 请把文件命名为单位编码`,
    };
  return { unit: null, by: null, problem: `没有找到报告中的单位“${parsedUnit}”(文件名也不是单位编码)` };
}

export async function importReportFiles(
  ctx: Authed,
  input: { year: number; files: readonly ReportFileToImport[]; dryRun: boolean },
): Promise<ReportFolderImportResult> {
  if (input.files.length === 0) throw invalidInput('没有可导入的报告文件');
  const now = ctx.now();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const units = await listExpectedReportUnits(trx, input.year);
      const summaries: ReportFileSummary[] = [];
      const plans: { unit: ExpectedReportUnit; read: ReadReport; fileName: string }[] = [];
      const claimed = new Map<number, string>();
      for (const file of input.files) {
        const summary: ReportFileSummary = {
          fileName: file.fileName,
          unitCode: null,
          unitName: null,
          matchedBy: null,
          parsedUnit: null,
          parsedYear: null,
          parsedFormat: null,
          filled: 0,
          blank: 0,
          errors: 0,
          warnings: 0,
          action: null,
          problem: null,
        };
        summaries.push(summary);
        // Parse first (unit unknown yet) only to learn the unit named in the report.
        let probe: ReadReport;
        try {
          probe = await readReportForUnit(
            { fileName: file.fileName, bytes: file.bytes, year: input.year, unitName: '', unitKind: 'city_dept' },
            { unitKind: 'city_dept', previous: null },
          );
        } catch (error) {
          summary.problem = isDomainError(error) ? error.message : String(error);
          continue;
        }
        Object.assign(summary, {
          parsedUnit: probe.importMeta.parsedUnit,
          parsedYear: probe.importMeta.parsedYear,
          parsedFormat: probe.importMeta.parsedFormat,
        });
        const match = matchUnit(file.fileName, probe.importMeta.parsedUnit, units);
        if (!match.unit) {
          summary.problem = match.problem;
          continue;
        }
        Object.assign(summary, { unitCode: match.unit.code, unitName: match.unit.name, matchedBy: match.by });
        const twin = claimed.get(match.unit.unitId);
        if (twin !== undefined) {
          summary.problem = `与 ${twin} 是同一单位(${match.unit.code})的报告`;
          continue;
        }
        claimed.set(match.unit.unitId, file.fileName);
        const unitKind = reportUnitKindOf(match.unit.kind);
        const context = await loadCheckContext(trx, match.unit.unitId, unitKind, input.year);
        const read = await readReportForUnit(
          { fileName: file.fileName, bytes: file.bytes, year: input.year, unitName: match.unit.name, unitKind },
          context,
        );
        const values = Object.values(read.cells);
        const counts = countChecks(read.checks);
        Object.assign(summary, {
          filled: values.filter((v) => v !== null).length,
          blank: values.filter((v) => v === null).length,
          errors: counts.errors,
          warnings: counts.warnings,
        });
        const latest = await findLatestReportVersion(trx, match.unit.unitId, input.year);
        if (latest?.status === 'accepted') {
          summary.problem = `${match.unit.code} 的 ${input.year} 年度报告已通过并锁定; 如需更正请先在系统中发起更正`;
          continue;
        }
        summary.action = latest ? 'update' : 'create';
        plans.push({ unit: match.unit, read, fileName: file.fileName });
      }
      if (summaries.some((s) => s.problem !== null)) throw new ImportRejected(summaries);
      if (input.dryRun)
        return {
          ok: true,
          dryRun: true,
          year: input.year,
          created: summaries.filter((s) => s.action === 'create').length,
          updated: summaries.filter((s) => s.action === 'update').length,
          files: summaries,
        };

      let created = 0;
      let updated = 0;
      const actor = { by: ctx.user.id > 0 ? ctx.user.id : null, byName: ctx.user.displayName };
      for (const { unit, read, fileName } of plans) {
        const content = {
          format: read.format,
          cells: read.cells,
          sources: read.sources,
          importMeta: read.importMeta,
          sectionOne: read.sectionOne,
          sectionFive: read.sectionFive,
          sectionSix: read.sectionSix,
          publishedAt: read.publishedAt,
          explanations: {},
        };
        const latest = await findLatestReportVersion(trx, unit.unitId, input.year);
        const stored = latest
          ? await updateReportContent(trx, latest.id, latest.version, content, now.toISOString())
          : await insertReportVersion(
              trx,
              {
                ...content,
                unitId: unit.unitId,
                year: input.year,
                versionNo: 1,
                correctionReason: null,
                firstSubmittedAt: null,
                createdByName: ctx.user.displayName,
              },
              now.toISOString(),
            );
        if (!stored) throw conflict(`${unit.code} 的报告在导入期间被他人修改,请重试`);
        const submitted = await updateReportState(
          trx,
          stored.id,
          stored.version,
          { status: 'submitted', submitted: { at: now.toISOString(), ...actor } },
          now.toISOString(),
        );
        if (!submitted) throw conflict(`${unit.code} 的报告在导入期间被他人修改,请重试`);
        await writeReportEvent(trx, ctx.user, now, stored.id, 'imported', fileName);
        await writeReportEvent(trx, ctx.user, now, stored.id, 'submitted', '批量导入');
        await recordChange(trx, ctx.user, now, {
          action: 'annual_report.import',
          entity: 'annual_report',
          entityId: stored.id,
          unitId: unit.unitId,
          before: latest ? { status: latest.status, versionNo: latest.versionNo } : null,
          after: { status: 'submitted', versionNo: stored.versionNo, fileName },
        });
        if (latest) updated++;
        else created++;
      }
      return { ok: true, dryRun: false, year: input.year, created, updated, files: summaries };
    });
  } catch (error) {
    if (error instanceof ImportRejected)
      return { ok: false, dryRun: input.dryRun, year: input.year, created: 0, updated: 0, files: error.files };
    throw error;
  }
}
