import { rmSync } from 'node:fs';
import { hashPassword } from '@kaoping/api/auth/password';
import { migrateToLatest } from '@kaoping/db/migrate';
import { DEMO_PASSWORD } from '@kaoping/db/demo/demo-city';
import { hasAnyUnits, seedDemoCity } from '@kaoping/db/demo/seed-demo-city';
import { parseCliArgs } from '../args';
import { CliError } from '../cli-error';
import { openCliDatabase } from '../database';

export async function run(args: string[]): Promise<number> {
  const { positionals, values } = parseCliArgs(args, { reset: { type: 'boolean', default: false } });
  if (positionals[0] !== 'seed') throw new CliError('usage: kaoping demo seed [--reset]');
  let { handle, where } = openCliDatabase();
  if (values.reset) {
    if (handle.dialect !== 'sqlite') throw new CliError('--reset only removes the SQLite file; drop the PostgreSQL database yourself');
    await handle.destroy();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${where}${suffix}`, { force: true });
    ({ handle, where } = openCliDatabase());
  }
  try {
    await migrateToLatest(handle.db);
    if (await hasAnyUnits(handle.db)) throw new CliError(`${where} already holds data; use --reset to start again`);
    const summary = await seedDemoCity(handle.db, { passwordHash: await hashPassword(DEMO_PASSWORD), now: new Date() });
    console.log(
      `江临市 demo loaded into ${where}: ${summary.units} units, ${summary.users} users, ${summary.groups} groups, ${summary.periods} periods`,
    );
    return 0;
  } finally {
    await handle.destroy();
  }
}
