// The CLI's only reader of process.env. Values are checked where they are used (database.ts
// validates DATABASE_URL and KAOPING_DB_FILE with zod and names a bad variable in Chinese).
export type CliEnv = Readonly<Record<string, string | undefined>>;

export function cliEnv(): CliEnv {
  return process.env;
}
