import { readXlsxTable } from '@kaoping/importers/interchange/read-table';

/**
 * The accounts of a downloaded 账号清单 workbook (tests: the e2e signs in with a password from the
 * very file the office would hand out). The sheet has a title and a note above its header row.
 */
export async function readAccountsWorkbook(
  bytes: Uint8Array,
): Promise<{ unitCode: string; unitName: string; username: string; displayName: string; password: string }[]> {
  const table = await readXlsxTable({ name: 'accounts.xlsx', bytes });
  if (!table.ok) throw new Error(table.issues.map((i) => i.message).join('; '));
  return table.value.rows
    .filter((r) => r.row > 3)
    .map(({ cells }) => ({
      unitCode: cells[0] ?? '',
      unitName: cells[1] ?? '',
      username: cells[2] ?? '',
      displayName: cells[3] ?? '',
      password: cells[5] ?? '',
    }));
}
