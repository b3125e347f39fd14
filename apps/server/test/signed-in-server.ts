// A real HTTP server over a migrated in-memory SQLite database with the minimal org, and a session
// cookie for any of its users (inserted directly: these tests are not about signing in).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { newSessionToken, sessionIdOf, SESSION_COOKIE } from '@kaoping/api/auth/session-token';
import { seedMinimalOrg } from '@kaoping/api/testing/test-context';
import { officeHandle, openSqlite, type DatabaseHandle } from '@kaoping/db/connect';
import { migrateToLatest } from '@kaoping/db/migrate';
import { insertSession } from '@kaoping/db/sessions/session.repository';
import { createServer, type ServerOptions } from '../src/create-server';

export interface TestServer {
  base: string;
  database: DatabaseHandle;
  org: Awaited<ReturnType<typeof seedMinimalOrg>>;
  cookieFor(userId: number): Promise<string>;
  close(): Promise<void>;
}

export async function startTestServer(options: Partial<ServerOptions> & { database?: DatabaseHandle } = {}): Promise<TestServer> {
  const database = options.database ?? officeHandle(openSqlite(':memory:'), 1);
  await migrateToLatest(database.db);
  const org = await seedMinimalOrg(database);
  const server: Server = createServer({ dashboardDir: null, secureCookies: false, ...options, database });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    database,
    org,
    async cookieFor(userId) {
      const token = newSessionToken();
      const now = Date.now();
      await insertSession(database.db, {
        id: sessionIdOf(token),
        userId,
        createdAt: new Date(now).toISOString(),
        expiresAt: new Date(now + 3600_000).toISOString(),
      });
      return `${SESSION_COOKIE}=${token}`;
    },
    async close() {
      await new Promise((r) => server.close(r));
      await database.destroy();
    },
  };
}
