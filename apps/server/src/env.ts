import { resolve } from 'node:path';

// The only reader of process.env in the server.
export interface ServerEnv {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  sqliteFile: string;
  dashboardDir: string;
  secureCookies: boolean;
  seedDemo: boolean;
}

const repoRoot = resolve(new URL('.', import.meta.url).pathname, '../../..');

export function readServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  return {
    port: Number(env['PORT'] ?? 5180),
    host: env['HOST'] ?? '127.0.0.1',
    databaseUrl: env['DATABASE_URL'],
    sqliteFile: resolve(repoRoot, env['KAOPING_DB_FILE'] ?? 'data/kaoping.db'),
    dashboardDir: resolve(repoRoot, env['KAOPING_DASHBOARD_DIR'] ?? 'apps/dashboard/dist'),
    secureCookies: env['KAOPING_SECURE_COOKIES'] === '1',
    seedDemo: env['KAOPING_SEED_DEMO'] !== '0',
  };
}
