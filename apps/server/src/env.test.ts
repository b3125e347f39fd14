import { describe, expect, it } from 'vitest';
import { readServerEnv, readWorkersArgument, ServerEnvError } from './env';

describe('server configuration', () => {
  it('has working defaults', () => {
    const env = readServerEnv({});
    expect(env).toMatchObject({
      port: 5180,
      host: '127.0.0.1',
      databaseUrl: undefined,
      secureCookies: false,
      seedDemo: true,
      trustedProxies: [],
      allowedOrigins: [],
      workers: 1,
    });
    expect(env.sqliteFile).toMatch(/data\/kaoping\.db$/);
  });

  it('reads every variable', () => {
    const env = readServerEnv({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@db/kaoping',
      KAOPING_SECURE_COOKIES: '1',
      KAOPING_SEED_DEMO: '0',
      KAOPING_TRUSTED_PROXIES: '10.0.0.2, ::1',
      KAOPING_ALLOWED_ORIGINS: 'https://kp.example.gov.cn',
      KAOPING_WORKERS: '4',
    });
    expect(env).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u@db/kaoping',
      secureCookies: true,
      seedDemo: false,
      trustedProxies: ['10.0.0.2', '::1'],
      allowedOrigins: ['https://kp.example.gov.cn'],
      workers: 4,
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ KAOPING_SECURE_COOKIES: 'yes' }, 'KAOPING_SECURE_COOKIES'],
    [{ KAOPING_TRUSTED_PROXIES: 'proxy.local' }, 'KAOPING_TRUSTED_PROXIES'],
    [{ KAOPING_ALLOWED_ORIGINS: 'https://a.example/path' }, 'KAOPING_ALLOWED_ORIGINS'],
    [{ KAOPING_WORKERS: '0' }, 'KAOPING_WORKERS'],
    [{ KAOPING_WORKERS: 'two' }, 'KAOPING_WORKERS'],
  ])('refuses %o with a Chinese message naming %s', (vars, name) => {
    const error = (() => {
      try {
        readServerEnv(vars);
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ServerEnvError);
    expect((error as Error).message).toMatch(new RegExp(`^配置错误:.*环境变量 ${name}`));
  });

  it('takes --workers N or --workers=N from the command line, and refuses a bad count', () => {
    expect(readWorkersArgument([])).toBeNull();
    expect(readWorkersArgument(['--workers', '2'])).toBe(2);
    expect(readWorkersArgument(['--', '--workers=3'])).toBe(3);
    for (const bad of [['--workers'], ['--workers', '0'], ['--workers=1.5'], ['--workers', 'x']]) {
      expect(() => readWorkersArgument(bad)).toThrow(/^配置错误:参数 --workers 应为服务进程数/);
    }
  });
});
