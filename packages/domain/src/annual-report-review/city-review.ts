// 年报评查 for a whole city: the reports a folder of published files holds, matched to the units
// expected to report, each judged on publication date against its deadline, cells read, cells
// left unresolved, rule failures with their equations and narrative-vs-table mismatches (S6).
// Pure: the caller reads the files and checks each matched report.
import type { ReportCheck, ReportUnitKind } from '@kaoping/contracts/annual-report/annual-report';
import { checkTimeliness } from '../annual-report/timeliness';

export interface ReviewUnit {
  unitId: number;
  code: string;
  name: string;
  kind: ReportUnitKind;
  groupName: string | null;
}

export interface ReviewFile {
  fileName: string;
  /** Why the file could not be read at all; null when it was read. */
  error: string | null;
  parsedUnit: string | null;
  parsedYear: number | null;
}

export interface FileAssignment {
  fileName: string;
  unitId: number | null;
  matchedBy: 'code' | 'name' | null;
  /** Why the file belongs to no unit (or is a second file of one). */
  problem: string | null;
}

const compactName = (s: string) => s.replace(/\s+/g, '').replace(/人民政府$|办事处$/, '');

/** Same unit if one name contains the other once 人民政府 (and the city prefix) are set aside. */
export function unitNamesMatch(parsed: string, registered: string): boolean {
  const a = compactName(parsed);
  const b = compactName(registered);
  const local = b.replace(/^.*?市/, ''); // 江临市教育局 → 教育局; 江临市 (the city itself) → '' which matches nothing
  return a.length >= 2 && b.length >= 2 && (a.includes(b) || b.includes(a) || (local.length >= 2 && a.includes(local)));
}

const stem = (fileName: string) => fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');

/** Each file to a unit: by file name (= unit code), else by the unit named in the report. One file per unit. */
export function assignReviewFiles(units: readonly ReviewUnit[], files: readonly ReviewFile[]): FileAssignment[] {
  const taken = new Map<number, string>();
  return files.map((f): FileAssignment => {
    const code = stem(f.fileName).trim().toLowerCase();
    let unit: ReviewUnit | null = units.find((u) => u.code.toLowerCase() === code) ?? null;
    let by: 'code' | 'name' | null = unit ? 'code' : null;
    if (!unit && f.parsedUnit !== null) {
      const parsed = f.parsedUnit;
      const exact = units.filter((u) => u.name === parsed);
      const candidates = exact.length > 0 ? exact : units.filter((u) => unitNamesMatch(parsed, u.name));
      if (candidates.length > 1)
        return {
          fileName: f.fileName,
          unitId: null,
          matchedBy: null,
          problem: `报告中的单位“${parsed}”对应多个单位(${candidates
            .slice(0, 5)
            .map((u) => u.code)
            .join('、')}), 请把文件命名为单位编码`,
        };
      unit = candidates[0] ?? null;
      by = unit ? 'name' : null;
    }
    if (!unit) {
      const why =
        f.error !== null
          ? `无法读取: ${f.error}`
          : f.parsedUnit === null
            ? '文件名不是单位编码, 报告中也没有识别出单位名称'
            : `没有找到报告中的单位“${f.parsedUnit}”`;
      return { fileName: f.fileName, unitId: null, matchedBy: null, problem: why };
    }
    const earlier = taken.get(unit.unitId);
    if (earlier !== undefined)
      return { fileName: f.fileName, unitId: null, matchedBy: null, problem: `与 ${earlier} 是同一单位(${unit.name})的报告, 只评查第一份` };
    taken.set(unit.unitId, f.fileName);
    return { fileName: f.fileName, unitId: unit.unitId, matchedBy: by, problem: null };
  });
}

/** A matched, readable report as checked by the caller. */
export interface CheckedReviewReport {
  fileName: string;
  matchedBy: 'code' | 'name';
  parsedYear: number | null;
  /** Publication date printed in the report; null when none (or one before the year ended). */
  publishedAt: string | null;
  cellsRead: number;
  cellsTotal: number;
  unresolved: string[];
  checks: ReportCheck[];
  /** Reading problems worth a reviewer's eye (year differs, unit named differently…). */
  notes: string[];
  /** Unreadable file matched by its name: found, but nothing could be read. */
  error: string | null;
}

export type ReviewTimeliness = 'on_time' | 'late' | 'no_date' | 'missing';

export interface CityReviewRow {
  unitId: number;
  code: string;
  name: string;
  groupName: string | null;
  found: boolean;
  fileName: string | null;
  matchedBy: 'code' | 'name' | null;
  deadline: string;
  publishedAt: string | null;
  timeliness: ReviewTimeliness;
  daysLate: number;
  cellsRead: number;
  cellsTotal: number;
  unresolved: string[];
  /** Rule checks that failed (errors first), S6 excluded; each message carries its equation. */
  failures: ReportCheck[];
  /** S6: counts written in 一、总体情况 that differ from the tables. */
  narrative: ReportCheck[];
  notes: string[];
}

export interface CityReview {
  year: number;
  rows: CityReviewRow[];
  unmatched: { fileName: string; problem: string }[];
  totals: {
    expected: number;
    found: number;
    missing: number;
    onTime: number;
    late: number;
    noDate: number;
    withErrors: number;
    cellsRead: number;
    unresolved: number;
  };
}

const SEVERITY_ORDER: Record<ReportCheck['severity'], number> = { error: 0, warning: 1 };

export function buildCityReview(input: {
  year: number;
  units: readonly ReviewUnit[];
  assignments: readonly FileAssignment[];
  reports: ReadonlyMap<number, CheckedReviewReport>;
}): CityReview {
  const rows = input.units.map((u): CityReviewRow => {
    const report = input.reports.get(u.unitId) ?? null;
    const deadline = checkTimeliness({ year: input.year, unitKind: u.kind, publishedAt: null }).deadline;
    if (!report)
      return {
        unitId: u.unitId,
        code: u.code,
        name: u.name,
        groupName: u.groupName,
        found: false,
        fileName: null,
        matchedBy: null,
        deadline,
        publishedAt: null,
        timeliness: 'missing',
        daysLate: 0,
        cellsRead: 0,
        cellsTotal: 0,
        unresolved: [],
        failures: [],
        narrative: [],
        notes: [],
      };
    let timeliness: ReviewTimeliness = 'no_date';
    let daysLate = 0;
    if (report.publishedAt !== null) {
      const t = checkTimeliness({ year: input.year, unitKind: u.kind, publishedAt: report.publishedAt });
      timeliness = t.status === 'late' ? 'late' : 'on_time';
      daysLate = t.daysLate;
    }
    const failures = report.checks.filter((c) => c.rule !== 'S6').sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    const notes = [...report.notes];
    if (report.error !== null) notes.unshift(`无法读取: ${report.error}`);
    return {
      unitId: u.unitId,
      code: u.code,
      name: u.name,
      groupName: u.groupName,
      found: true,
      fileName: report.fileName,
      matchedBy: report.matchedBy,
      deadline,
      publishedAt: report.publishedAt,
      timeliness,
      daysLate,
      cellsRead: report.cellsRead,
      cellsTotal: report.cellsTotal,
      unresolved: report.unresolved,
      failures,
      narrative: report.checks.filter((c) => c.rule === 'S6'),
      notes,
    };
  });
  const unmatched = input.assignments
    .filter((a) => a.unitId === null)
    .map((a) => ({ fileName: a.fileName, problem: a.problem ?? '未匹配单位' }));
  const found = rows.filter((r) => r.found);
  return {
    year: input.year,
    rows,
    unmatched,
    totals: {
      expected: rows.length,
      found: found.length,
      missing: rows.length - found.length,
      onTime: found.filter((r) => r.timeliness === 'on_time').length,
      late: found.filter((r) => r.timeliness === 'late').length,
      noDate: found.filter((r) => r.timeliness === 'no_date').length,
      withErrors: found.filter((r) => r.failures.some((c) => c.severity === 'error')).length,
      cellsRead: found.reduce((s, r) => s + r.cellsRead, 0),
      unresolved: found.reduce((s, r) => s + r.unresolved.length, 0),
    },
  };
}
