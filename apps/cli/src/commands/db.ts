import { migrateToLatest } from '@kaoping/db/migrate';
import { CliError } from '../cli-error';
import { openCliDatabase } from '../database';

export async function run(args: string[]): Promise<number> {
  if (args[0] !== 'migrate') throw new CliError('usage: kaoping db migrate');
  const { handle, where } = openCliDatabase();
  try {
    const result = await migrateToLatest(handle.db);
    const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    console.log(applied.length ? `applied ${applied.length} migration(s) to ${where}: ${applied.join(', ')}` : `${where} is up to date`);
    return 0;
  } finally {
    await handle.destroy();
  }
}
