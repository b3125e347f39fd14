import type {
  AnnualReportRecord,
  ReportEvent,
  ReportImportMeta,
  ReportStatus,
} from '@kaoping/contracts/annual-report-workflow/annual-report-record';
import type { ReportFormat } from '@kaoping/contracts/annual-report/annual-report';
import type { CellSource } from '@kaoping/contracts/annual-report/parse-result';
import type { UnitKind } from '@kaoping/contracts/units/unit';
import { reportUnitKindOf } from '@kaoping/domain/annual-report-workflow/report-unit-kind';
import type { Db } from '../connect';
import type { AnnualReportTable } from './annual-reports.tables';

type ReportRow = Omit<AnnualReportTable, 'id'> & { id: number; unit_code: string; unit_name: string; unit_kind: string };

const parseJson = <T>(text: string | null, fallback: T): T => (text === null || text === '' ? fallback : (JSON.parse(text) as T));

function toRecord(row: ReportRow): AnnualReportRecord {
  return {
    id: Number(row.id),
    unitId: Number(row.unit_id),
    unitCode: row.unit_code,
    unitName: row.unit_name,
    unitKind: reportUnitKindOf(row.unit_kind as UnitKind),
    year: row.year,
    versionNo: row.version_no,
    format: row.format as ReportFormat,
    status: row.status as ReportStatus,
    cells: parseJson<Record<string, number | null>>(row.cells, {}),
    sources: parseJson<Record<string, CellSource>>(row.sources, {}),
    importMeta: parseJson<ReportImportMeta | null>(row.import_meta, null),
    sectionOne: row.section_one,
    sectionFive: row.section_five,
    sectionSix: row.section_six,
    publishedAt: row.published_at,
    explanations: parseJson<Record<string, string>>(row.explanations, {}),
    correctionReason: row.correction_reason,
    firstSubmittedAt: row.first_submitted_at,
    submittedAt: row.submitted_at,
    submittedByName: row.submitted_by_name,
    decidedAt: row.decided_at,
    decidedByName: row.decided_by_name,
    decisionReason: row.decision_reason,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function reportQuery(db: Db) {
  return db
    .selectFrom('annual_reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .selectAll('r')
    .select(['u.code as unit_code', 'u.name as unit_name', 'u.kind as unit_kind']);
}

/** The content a person edits: cells, their sources, the text parts, the publication date, explanations. */
export interface ReportContent {
  format: ReportFormat;
  cells: Record<string, number | null>;
  sources: Record<string, CellSource>;
  importMeta: ReportImportMeta | null;
  sectionOne: string;
  sectionFive: string;
  sectionSix: string;
  publishedAt: string | null;
  explanations: Record<string, string>;
}

export interface NewReportVersion extends ReportContent {
  unitId: number;
  year: number;
  versionNo: number;
  correctionReason: string | null;
  /** Carried over from the version it corrects (the report was first reported then). */
  firstSubmittedAt: string | null;
  createdByName: string;
}

const contentColumns = (c: Partial<ReportContent>) => ({
  ...(c.format !== undefined ? { format: c.format } : {}),
  ...(c.cells !== undefined ? { cells: JSON.stringify(c.cells) } : {}),
  ...(c.sources !== undefined ? { sources: JSON.stringify(c.sources) } : {}),
  ...(c.importMeta !== undefined ? { import_meta: c.importMeta === null ? null : JSON.stringify(c.importMeta) } : {}),
  ...(c.sectionOne !== undefined ? { section_one: c.sectionOne } : {}),
  ...(c.sectionFive !== undefined ? { section_five: c.sectionFive } : {}),
  ...(c.sectionSix !== undefined ? { section_six: c.sectionSix } : {}),
  ...(c.publishedAt !== undefined ? { published_at: c.publishedAt } : {}),
  ...(c.explanations !== undefined ? { explanations: JSON.stringify(c.explanations) } : {}),
});

/** Inserts a version as a draft; the (unit, year, version) triple is unique. */
export async function insertReportVersion(db: Db, report: NewReportVersion, now: string): Promise<AnnualReportRecord> {
  const row = await db
    .insertInto('annual_reports')
    .values({
      unit_id: report.unitId,
      year: report.year,
      version_no: report.versionNo,
      format: report.format,
      status: 'draft',
      cells: JSON.stringify(report.cells),
      sources: JSON.stringify(report.sources),
      import_meta: report.importMeta === null ? null : JSON.stringify(report.importMeta),
      section_one: report.sectionOne,
      section_five: report.sectionFive,
      section_six: report.sectionSix,
      published_at: report.publishedAt,
      explanations: JSON.stringify(report.explanations),
      correction_reason: report.correctionReason,
      first_submitted_at: report.firstSubmittedAt,
      submitted_at: null,
      submitted_by: null,
      submitted_by_name: null,
      decided_at: null,
      decided_by: null,
      decided_by_name: null,
      decision_reason: null,
      version: 1,
      created_at: now,
      created_by_name: report.createdByName,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const record = await findReportById(db, Number(row.id));
  if (!record) throw new Error('inserted report not found');
  return record;
}

export async function findReportById(db: Db, id: number): Promise<AnnualReportRecord | null> {
  const row = await reportQuery(db).where('r.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Every version of a unit's report for a year, oldest first. */
export async function listReportVersions(db: Db, unitId: number, year: number): Promise<AnnualReportRecord[]> {
  const rows = await reportQuery(db).where('r.unit_id', '=', unitId).where('r.year', '=', year).orderBy('r.version_no').execute();
  return rows.map(toRecord);
}

export async function findLatestReportVersion(db: Db, unitId: number, year: number): Promise<AnnualReportRecord | null> {
  const row = await reportQuery(db)
    .where('r.unit_id', '=', unitId)
    .where('r.year', '=', year)
    .orderBy('r.version_no', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The newest accepted version (what the office relies on: S1 next year, the city-wide summary). */
export async function findLatestAcceptedReport(db: Db, unitId: number, year: number): Promise<AnnualReportRecord | null> {
  const row = await reportQuery(db)
    .where('r.unit_id', '=', unitId)
    .where('r.year', '=', year)
    .where('r.status', '=', 'accepted')
    .orderBy('r.version_no', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Updates an editable version's content when `version` still matches; null on a concurrent change. */
export async function updateReportContent(
  db: Db,
  id: number,
  version: number,
  content: Partial<ReportContent>,
  now: string,
): Promise<AnnualReportRecord | null> {
  const row = await db
    .updateTable('annual_reports')
    .set({ ...contentColumns(content), version: version + 1, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return row ? findReportById(db, id) : null;
}

export interface ReportStateChange {
  status: ReportStatus;
  explanations?: Record<string, string>;
  submitted?: { at: string; by: number | null; byName: string };
  decided?: { at: string; by: number | null; byName: string; reason: string | null };
}

/** Moves a version to a new status (submit, return, accept) when `version` still matches; null otherwise. */
export async function updateReportState(
  db: Db,
  id: number,
  version: number,
  change: ReportStateChange,
  now: string,
): Promise<AnnualReportRecord | null> {
  let query = db
    .updateTable('annual_reports')
    .set({
      status: change.status,
      ...(change.explanations !== undefined ? { explanations: JSON.stringify(change.explanations) } : {}),
      ...(change.submitted
        ? {
            submitted_at: change.submitted.at,
            submitted_by: change.submitted.by,
            submitted_by_name: change.submitted.byName,
            decided_at: null,
            decided_by: null,
            decided_by_name: null,
            decision_reason: null,
          }
        : {}),
      ...(change.decided
        ? {
            decided_at: change.decided.at,
            decided_by: change.decided.by,
            decided_by_name: change.decided.byName,
            decision_reason: change.decided.reason,
          }
        : {}),
      version: version + 1,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', version);
  if (change.submitted) {
    // The first submission of a version is kept for timeliness; later resubmissions leave it.
    const at = change.submitted.at;
    query = query.set((eb) => ({ first_submitted_at: eb.fn.coalesce('first_submitted_at', eb.val(at)) }));
  }
  const row = await query.returning('id').executeTakeFirst();
  return row ? findReportById(db, id) : null;
}

/** What the office's yearly table needs of each unit's versions for a year. */
export interface ReportYearVersion {
  id: number;
  unitId: number;
  versionNo: number;
  status: ReportStatus;
  format: ReportFormat;
  cells: Record<string, number | null>;
  sectionSix: string;
  importSections: string[] | null;
  publishedAt: string | null;
  firstSubmittedAt: string | null;
}

export async function listReportVersionsOfYear(db: Db, year: number): Promise<ReportYearVersion[]> {
  const rows = await db
    .selectFrom('annual_reports')
    .select([
      'id',
      'unit_id',
      'version_no',
      'status',
      'format',
      'cells',
      'section_six',
      'import_meta',
      'published_at',
      'first_submitted_at',
    ])
    .where('year', '=', year)
    .orderBy('unit_id')
    .orderBy('version_no')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    unitId: Number(r.unit_id),
    versionNo: r.version_no,
    status: r.status as ReportStatus,
    format: r.format as ReportFormat,
    cells: parseJson<Record<string, number | null>>(r.cells, {}),
    sectionSix: r.section_six,
    importSections: parseJson<ReportImportMeta | null>(r.import_meta, null)?.sections ?? null,
    publishedAt: r.published_at,
    firstSubmittedAt: r.first_submitted_at,
  }));
}

/** The newest accepted version of each unit for a year (optionally only some units). */
export async function listLatestAcceptedReports(db: Db, year: number, unitIds: readonly number[] | null): Promise<AnnualReportRecord[]> {
  let query = reportQuery(db).where('r.year', '=', year).where('r.status', '=', 'accepted');
  if (unitIds !== null) {
    if (unitIds.length === 0) return [];
    query = query.where('r.unit_id', 'in', [...unitIds]);
  }
  const rows = await query.orderBy('u.code').orderBy('r.version_no', 'desc').execute();
  const seen = new Set<number>();
  const out: AnnualReportRecord[] = [];
  for (const row of rows) {
    const unitId = Number(row.unit_id);
    if (seen.has(unitId)) continue;
    seen.add(unitId);
    out.push(toRecord(row));
  }
  return out;
}

/** Units that owe a report for `year`: in existence during the year and still on 1 January of the next. */
export interface ExpectedReportUnit {
  unitId: number;
  code: string;
  name: string;
  kind: UnitKind;
  groupCode: string | null;
  groupName: string | null;
  groupSortOrder: number | null;
}

/** Group membership of the collection year (year + 1), else of the report year. `unitId`: that unit only (a unit's page). */
export async function listExpectedReportUnits(db: Db, year: number, unitId: number | null = null): Promise<ExpectedReportUnit[]> {
  let query = db
    .selectFrom('units as u')
    .leftJoin('unit_groups as ug1', (j) => j.onRef('ug1.unit_id', '=', 'u.id').on('ug1.year', '=', year + 1))
    .leftJoin('groups as g1', 'g1.id', 'ug1.group_id')
    .leftJoin('unit_groups as ug0', (j) => j.onRef('ug0.unit_id', '=', 'u.id').on('ug0.year', '=', year))
    .leftJoin('groups as g0', 'g0.id', 'ug0.group_id')
    .select([
      'u.id',
      'u.code',
      'u.name',
      'u.kind',
      'g1.code as g1_code',
      'g1.name as g1_name',
      'g1.sort_order as g1_sort',
      'g0.code as g0_code',
      'g0.name as g0_name',
      'g0.sort_order as g0_sort',
    ])
    .where('u.valid_from', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>=', `${year + 1}-01-01`)]));
  if (unitId !== null) query = query.where('u.id', '=', unitId);
  const rows = await query.orderBy('u.code').execute();
  return rows.map((r) => {
    const useNext = r.g1_code !== null;
    return {
      unitId: Number(r.id),
      code: r.code,
      name: r.name,
      kind: r.kind as UnitKind,
      groupCode: useNext ? r.g1_code : r.g0_code,
      groupName: useNext ? r.g1_name : r.g0_name,
      groupSortOrder: useNext ? r.g1_sort : r.g0_sort,
    };
  });
}

/** Years that hold at least one report, newest first. */
export async function listReportYears(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('annual_reports').select('year').distinct().orderBy('year', 'desc').execute();
  return rows.map((r) => r.year);
}

/** A unit's reports, one line per year with its latest version. */
export async function listUnitReportYears(
  db: Db,
  unitId: number,
): Promise<{ year: number; reportId: number; versionNo: number; status: ReportStatus; updatedAt: string }[]> {
  const rows = await db
    .selectFrom('annual_reports')
    .select(['id', 'year', 'version_no', 'status', 'updated_at'])
    .where('unit_id', '=', unitId)
    .orderBy('year', 'desc')
    .orderBy('version_no', 'desc')
    .execute();
  const seen = new Set<number>();
  const out: { year: number; reportId: number; versionNo: number; status: ReportStatus; updatedAt: string }[] = [];
  for (const r of rows) {
    if (seen.has(r.year)) continue;
    seen.add(r.year);
    out.push({ year: r.year, reportId: Number(r.id), versionNo: r.version_no, status: r.status as ReportStatus, updatedAt: r.updated_at });
  }
  return out;
}

export async function insertReportEvent(
  db: Db,
  event: { reportId: number; at: string; actorId: number | null; actorName: string; action: ReportEvent['action']; note: string | null },
): Promise<void> {
  await db
    .insertInto('annual_report_events')
    .values({
      report_id: event.reportId,
      at: event.at,
      actor_id: event.actorId,
      actor_name: event.actorName,
      action: event.action,
      note: event.note,
    })
    .execute();
}

/** Every event of every version of a unit's report for a year, oldest first. */
export async function listReportEvents(db: Db, unitId: number, year: number): Promise<ReportEvent[]> {
  const rows = await db
    .selectFrom('annual_report_events as e')
    .innerJoin('annual_reports as r', 'r.id', 'e.report_id')
    .select(['e.id', 'e.report_id', 'r.version_no', 'e.at', 'e.actor_name', 'e.action', 'e.note'])
    .where('r.unit_id', '=', unitId)
    .where('r.year', '=', year)
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    reportId: Number(r.report_id),
    versionNo: r.version_no,
    at: r.at,
    actorName: r.actor_name,
    action: r.action as ReportEvent['action'],
    note: r.note,
  }));
}
