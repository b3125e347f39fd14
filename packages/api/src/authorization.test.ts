import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@kaoping/contracts/auth/role';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { appRouter } from './root';
import type { Meta } from './trpc';
import { callerFor, seedMinimalOrg } from './testing/test-context';
import { ALL, type Expect } from './testing/access/expect';
import { expectedAccess } from './testing/access/all.access';

// The authorization matrix, generated from the router itself: every procedure must appear
// here with the roles that may call it, so a new procedure without an entry fails the suite.
// One spread per area in testing/access/all.access.ts: each maps procedure paths to who may call them.
const expected: Record<string, Expect> = expectedAccess;

type AnyProcedure = { _def: { meta?: Meta; type: 'query' | 'mutation' | 'subscription' } };
const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;

function callPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split('.')) target = (target as Record<string, unknown>)[part];
  return (target as (i: unknown) => Promise<unknown>)(input);
}

describe('authorization matrix', () => {
  it('lists every procedure of the router, and nothing else', () => {
    expect(Object.keys(procedures).sort()).toEqual(Object.keys(expected).sort());
  });

  it('declares in each procedure the access the matrix expects', () => {
    for (const [path, procedure] of Object.entries(procedures)) {
      const roles = procedure._def.meta?.roles;
      const want = expected[path];
      expect(Array.isArray(want) ? [...(roles as Role[])].sort() : roles, path).toEqual(Array.isArray(want) ? [...want].sort() : want);
    }
  });

  describe.each(testDatabases)('enforced on $name', (factory) => {
    let handle: DatabaseHandle;
    let users: Awaited<ReturnType<typeof seedMinimalOrg>>['users'];
    beforeAll(async () => {
      handle = await createMigratedTestDatabase(factory);
      users = (await seedMinimalOrg(handle)).users;
    });
    afterAll(() => handle.destroy());

    // Calls with an empty input: a permitted role gets past the role check and fails later
    // (bad input, not found) or succeeds; a refused role gets FORBIDDEN or UNAUTHORIZED.
    const cases = Object.keys(expected).flatMap((path) => [...ALL, 'anonymous' as const].map((who) => [path, who] as const));
    it.each(cases)('%s as %s', async (path, who) => {
      const want = expected[path];
      const user = who === 'anonymous' ? null : users[who];
      const allowed = want === 'public' || (user !== null && (want === 'signed-in' || (want ?? []).includes(user.role)));
      const error = await callPath(callerFor(handle, user), path, undefined).then(
        () => null,
        (e: unknown) => e,
      );
      const code = error instanceof TRPCError ? error.code : null;
      if (allowed) expect(['FORBIDDEN', 'UNAUTHORIZED']).not.toContain(code);
      else expect(code).toBe(user === null ? 'UNAUTHORIZED' : 'FORBIDDEN');
    });
  });
});
