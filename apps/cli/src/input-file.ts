import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { CliError } from './cli-error';
import { inputBaseDirs } from './env';

/** A file the user named: a relative path is taken from where they ran the command (pnpm's INIT_CWD), then cwd. */
export async function locateInputFile(file: string): Promise<string> {
  const bases = isAbsolute(file) ? [''] : inputBaseDirs();
  for (const base of bases) {
    const path = resolve(base, file);
    const isFile = await stat(path).then(
      (s) => s.isFile(),
      () => false,
    );
    if (isFile) return path;
  }
  throw new CliError(`file not found: ${file}`);
}
