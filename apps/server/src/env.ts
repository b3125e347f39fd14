// The only reader of process.env in the server. Every variable is checked once at start-up;
// a bad value stops the server with a Chinese message naming the variable.
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

export interface ServerEnv {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  sqliteFile: string;
  dashboardDir: string;
  secureCookies: boolean;
  seedDemo: boolean;
  /** Addresses of reverse proxies whose X-Forwarded-For is believed; empty: the socket address is the client. */
  trustedProxies: string[];
  /** Extra origins (scheme://host[:port]) allowed to send mutations besides the request's own host. */
  allowedOrigins: string[];
  /** Server processes sharing the port (node:cluster); 1 = this process serves alone. */
  workers: number;
}

const WORKERS_MAX = 64;
const workersMessage = (name: string) => `${name} 应为服务进程数(1–${WORKERS_MAX} 的整数)`;
const workersCount = (name: string) =>
  z.coerce
    .number({ error: workersMessage(name) })
    .int(workersMessage(name))
    .min(1, workersMessage(name))
    .max(WORKERS_MAX, workersMessage(name));

const repoRoot = resolve(new URL('.', import.meta.url).pathname, '../../..');

const flag = (name: string, fallback: '0' | '1') =>
  z
    .enum(['0', '1'], { error: `环境变量 ${name} 只能是 0 或 1` })
    .default(fallback)
    .transform((v) => v === '1');

const list = (name: string, check: (item: string) => boolean, what: string) =>
  z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    )
    .refine((items) => items.every(check), { error: `环境变量 ${name} 应为逗号分隔的${what}` });

const isOrigin = (s: string) => {
  try {
    const url = new URL(s);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === s;
  } catch {
    return false;
  }
};

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: '环境变量 PORT 应为端口号(1–65535 的整数)' })
    .int('环境变量 PORT 应为端口号(1–65535 的整数)')
    .min(1, '环境变量 PORT 应为端口号(1–65535 的整数)')
    .max(65535, '环境变量 PORT 应为端口号(1–65535 的整数)')
    .default(5180),
  HOST: z.string().min(1, '环境变量 HOST 不能为空').default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/\S+$/,
      '环境变量 DATABASE_URL 应为 postgres:// 开头的 PostgreSQL 连接串;使用 SQLite 时不要设置它,改用 KAOPING_DB_FILE',
    )
    .optional(),
  KAOPING_DB_FILE: z.string().min(1, '环境变量 KAOPING_DB_FILE 不能为空').default('data/kaoping.db'),
  KAOPING_DASHBOARD_DIR: z.string().min(1, '环境变量 KAOPING_DASHBOARD_DIR 不能为空').default('apps/dashboard/dist'),
  KAOPING_SECURE_COOKIES: flag('KAOPING_SECURE_COOKIES', '0'),
  KAOPING_SEED_DEMO: flag('KAOPING_SEED_DEMO', '1'),
  KAOPING_TRUSTED_PROXIES: list('KAOPING_TRUSTED_PROXIES', (s) => isIP(s) !== 0, ' IP 地址(反向代理的地址)'),
  KAOPING_ALLOWED_ORIGINS: list('KAOPING_ALLOWED_ORIGINS', isOrigin, '来源(如 https://kaoping.example.gov.cn)'),
  KAOPING_WORKERS: workersCount('环境变量 KAOPING_WORKERS').default(1),
});

/** A configuration error: the message is for the operator, in Chinese, naming the variable. */
export class ServerEnvError extends Error {
  override readonly name = 'ServerEnvError';
}

export function readServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  // An empty variable counts as unset (`PORT= pnpm start`).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const messages = parsed.error.issues.map((i) =>
      i.message.includes('环境变量') ? i.message : `环境变量 ${String(i.path[0] ?? '')} 无效:${i.message}`,
    );
    throw new ServerEnvError(`配置错误:${messages.join(';')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    sqliteFile: resolve(repoRoot, e.KAOPING_DB_FILE),
    dashboardDir: resolve(repoRoot, e.KAOPING_DASHBOARD_DIR),
    secureCookies: e.KAOPING_SECURE_COOKIES,
    seedDemo: e.KAOPING_SEED_DEMO,
    trustedProxies: e.KAOPING_TRUSTED_PROXIES,
    allowedOrigins: e.KAOPING_ALLOWED_ORIGINS,
    workers: e.KAOPING_WORKERS,
  };
}

/**
 * `--workers N` (or `--workers=N`) on the command line (`pnpm start --workers 2`) overrides
 * KAOPING_WORKERS; null when not given. A bad value is a configuration error.
 */
export function readWorkersArgument(argv: readonly string[]): number | null {
  const at = argv.findIndex((a) => a === '--workers' || a.startsWith('--workers='));
  if (at < 0) return null;
  const arg = argv[at] ?? '';
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[at + 1];
  const parsed = workersCount('参数 --workers').safeParse(value ?? '');
  if (!parsed.success || value === undefined || value === '') throw new ServerEnvError(`配置错误:${workersMessage('参数 --workers')}`);
  return parsed.data;
}
