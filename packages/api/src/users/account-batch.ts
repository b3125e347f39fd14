// Creating many accounts at once (liaisons for chosen units, or an import file): hash the one-time
// passwords outside the transaction (argon2 is deliberately slow), insert and audit every account in
// one transaction, and hand the passwords out only inside the workbook.
import type { Role } from '@kaoping/contracts/auth/role';
import { roleLabelsZh } from '@kaoping/contracts/auth/role';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { AccountsWorkbookResult } from '@kaoping/contracts/users/user';
import { conflict } from '@kaoping/domain/errors/domain-error';
import { findTakenUsernames, insertUser } from '@kaoping/db/users/user.repository';
import type { Context } from '../context';
import { recordChange } from '../audit/record-change';
import { hashPassword } from '../auth/password';
import { generateOneTimePassword } from './password-policy';

export interface PlannedAccount {
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  unitCode: string | null;
  unitName: string | null;
  phone: string | null;
}

// Two hashes at a time: the machine's cores are shared with the server's other requests.
const HASH_CONCURRENCY = 2;

async function hashAll(passwords: string[]): Promise<string[]> {
  const hashes: string[] = new Array<string>(passwords.length);
  let next = 0;
  const worker = async () => {
    while (next < passwords.length) {
      const i = next++;
      hashes[i] = await hashPassword(passwords[i] ?? '');
    }
  };
  await Promise.all(Array.from({ length: Math.min(HASH_CONCURRENCY, passwords.length) }, worker));
  return hashes;
}

const stamp = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');

export async function createAccountsWithWorkbook(
  ctx: Context & { user: SessionUser | null },
  accounts: PlannedAccount[],
  summary: { action: string; entityId: string; detail: unknown; title: string; filePrefix: string },
): Promise<Omit<AccountsWorkbookResult, 'skippedUnits'>> {
  const now = ctx.now();
  const passwords = accounts.map(() => generateOneTimePassword());
  const hashes = await hashAll(passwords);
  await ctx.db.transaction().execute(async (trx) => {
    // Checked again inside the transaction: someone may have taken a name since the plan was made.
    const taken = await findTakenUsernames(
      trx,
      accounts.map((a) => a.username),
    );
    if (taken.size > 0) throw conflict(`用户名已被占用:${[...taken].slice(0, 10).join('、')},请重试`);
    for (const [i, a] of accounts.entries()) {
      const id = await insertUser(
        trx,
        {
          username: a.username,
          displayName: a.displayName,
          passwordHash: hashes[i] ?? '',
          role: a.role,
          unitId: a.unitId,
          phone: a.phone,
          mustChangePassword: true,
        },
        now.toISOString(),
      );
      await recordChange(trx, ctx.user, now, {
        action: 'user.create',
        entity: 'user',
        entityId: id,
        unitId: a.unitId,
        before: null,
        after: {
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          unitId: a.unitId,
          unitName: a.unitName,
          phone: a.phone,
          status: 'active',
          oneTimePassword: true,
          batch: summary.action,
        },
      });
    }
    await recordChange(trx, ctx.user, now, {
      action: summary.action,
      entity: 'user',
      entityId: summary.entityId,
      unitId: null,
      before: null,
      after: { ...(summary.detail as object), created: accounts.length },
    });
  });
  const bytes = await (
    await import('@kaoping/exporters/accounts/accounts-workbook')
  ).buildAccountsWorkbook({
    title: summary.title,
    createdAt: now.toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    loginUrl: null,
    rows: accounts.map((a, i) => ({
      unitCode: a.unitCode,
      unitName: a.unitName,
      username: a.username,
      displayName: a.displayName,
      roleLabel: roleLabelsZh[a.role],
      oneTimePassword: passwords[i] ?? '',
    })),
  });
  return {
    created: accounts.map((a) => ({
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      unitCode: a.unitCode,
      unitName: a.unitName,
    })),
    fileName: `${summary.filePrefix}-${stamp(now)}.xlsx`,
    xlsxBase64: Buffer.from(bytes).toString('base64'),
  };
}
