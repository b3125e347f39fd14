import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importUnitsFile } from '@kaoping/api/units/unit-import.service';
import { migrateToLatest } from '@kaoping/db/migrate';
import { parseCliArgs } from '../args';
import { CliError } from '../cli-error';
import { openCliDatabase, userPath } from '../database';

/** `kaoping units import FILE --year 2026 [--dry-run]`: the same all-or-nothing import as the dashboard. */
export async function run(args: string[]): Promise<number> {
  const { positionals, values } = parseCliArgs(args, { year: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } });
  const [sub, file] = positionals;
  if (sub !== 'import' || !file) throw new CliError('usage: kaoping units import FILE --year YYYY [--dry-run]');
  const year = Number(values.year ?? new Date().getFullYear());
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new CliError('--year must be a year such as 2026');
  let bytes: Buffer;
  try {
    bytes = readFileSync(userPath(file));
  } catch {
    throw new CliError(`cannot read ${file}`);
  }
  const { handle, officeId } = openCliDatabase();
  try {
    await migrateToLatest(handle.db);
    const result = await importUnitsFile(
      handle.db,
      {
        user: { id: 0, username: 'cli', displayName: '命令行导入', role: 'admin', unitId: null, unitName: null, officeId },
        now: new Date(),
      },
      { fileName: basename(file), contentBase64: bytes.toString('base64'), year, dryRun: values['dry-run'] },
    );
    if (!result.ok) {
      for (const p of result.problems)
        process.stderr.write(`${basename(file)}${p.row ? ` 第${p.row}行` : ''}${p.column ? ` ${p.column} 列` : ''}:${p.message}\n`);
      process.stderr.write('文件未导入(任一行有误则整个文件不导入)\n');
      return 2;
    }
    console.log(
      `${result.dryRun ? 'checked' : 'imported'} ${result.total} rows: ${result.created} new, ${result.updated} updated, ${result.unchanged} unchanged`,
    );
    return 0;
  } finally {
    await handle.destroy();
  }
}
