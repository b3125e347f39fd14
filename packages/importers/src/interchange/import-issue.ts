// A problem found while importing an interchange file, and its Chinese rendering:
// "scores.csv 第5行 value 列:…". Row numbers are the file's own: the header is row 1
// (for .xlsx, the sheet's row number).

export interface ImportIssue {
  file: string;
  /** Row number in the file (header = 1); null for problems with the whole file. */
  row: number | null;
  /** Column name; null for problems with a whole row or the file. */
  column: string | null;
  message: string;
}

export type ImportResult<T> = { ok: true; value: T } | { ok: false; issues: ImportIssue[] };

export function formatImportIssue(issue: ImportIssue): string {
  const where = [issue.file, issue.row !== null ? `第${issue.row}行` : null, issue.column !== null ? `${issue.column} 列` : null]
    .filter((part) => part !== null)
    .join(' ');
  return `${where}:${issue.message}`;
}

/** Lines for stderr or a dialog, at most `limit` of them, then a count of the rest. */
export function formatImportIssues(issues: readonly ImportIssue[], limit = 200): string[] {
  const lines = issues.slice(0, limit).map(formatImportIssue);
  if (issues.length > limit) lines.push(`…另有 ${issues.length - limit} 处错误`);
  return lines;
}
