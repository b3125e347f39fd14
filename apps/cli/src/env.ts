// The CLI's only reader of process.env. Values are checked where they are used (database.ts
// validates DATABASE_URL and KAOPING_DB_FILE with zod and names a bad variable in Chinese).
export type CliEnv = Readonly<Record<string, string | undefined>>;

export function cliEnv(): CliEnv {
  return process.env;
}

/**
 * Folders a relative input path may be relative to: where the user typed the command
 * (`pnpm kaoping …` runs in the repo root and passes the caller's folder as INIT_CWD), then cwd.
 */
export function inputBaseDirs(): string[] {
  return [cliEnv()['INIT_CWD'], process.cwd()].filter((b): b is string => typeof b === 'string' && b !== '');
}
