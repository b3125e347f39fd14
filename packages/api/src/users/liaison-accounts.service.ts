// Bulk liaison accounts: the office picks units (all, a group, a kind, or a list) and every unit
// gets a liaison account named after its code, with a one-time password in the returned workbook.
import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { AccountsWorkbookResult, BulkCreateLiaisonsInput } from '@kaoping/contracts/users/user';
import { invalidInput } from '@kaoping/domain/errors/domain-error';
import { chinaToday } from '@kaoping/domain/period/period';
import { listUnitsForAccounts } from '@kaoping/db/users/account-units.repository';
import { countActiveLiaisonsByUnit, findTakenUsernames } from '@kaoping/db/users/user.repository';
import type { Context } from '../context';
import { createAccountsWithWorkbook, type PlannedAccount } from './account-batch';

type Authed = Context & { user: SessionUser };

/** `lly-a01` for unit A01: readable on a printed sheet, unique while codes are; a suffix when taken. */
export function liaisonUsernameFor(unitCode: string, unitId: number, taken: ReadonlySet<string>): string {
  const fromCode = unitCode
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const base = fromCode.length > 0 ? `lly-${fromCode}` : `lly-${unitId}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function bulkCreateLiaisonAccounts(ctx: Authed, input: BulkCreateLiaisonsInput): Promise<AccountsWorkbookResult> {
  const units = await listUnitsForAccounts(ctx.db, input.selection, chinaToday(ctx.now()));
  if (units.length === 0) throw invalidInput('所选范围内没有在册单位');
  const liaisonCounts = await countActiveLiaisonsByUnit(ctx.db);
  const skippedUnits: AccountsWorkbookResult['skippedUnits'] = [];
  const targets = units.filter((u) => {
    const has = liaisonCounts.get(u.id) ?? 0;
    if (input.skipUnitsWithLiaison && has > 0) {
      skippedUnits.push({ unitCode: u.code, unitName: u.name, reason: `已有 ${has} 个联络员账号` });
      return false;
    }
    return true;
  });
  if (targets.length === 0) return { created: [], skippedUnits, fileName: '', xlsxBase64: null };
  const bases = targets.map((u) => liaisonUsernameFor(u.code, u.id, new Set()));
  // Names already in use (and the suffixed variants a previous batch may have used).
  const taken = new Set(await findTakenUsernames(ctx.db, [...bases, ...bases.flatMap((b) => [2, 3, 4, 5].map((n) => `${b}-${n}`))]));
  const accounts: PlannedAccount[] = targets.map((u) => {
    const username = liaisonUsernameFor(u.code, u.id, taken);
    taken.add(username);
    return { username, displayName: `${u.name}联络员`, role: 'liaison', unitId: u.id, unitCode: u.code, unitName: u.name, phone: null };
  });
  const result = await createAccountsWithWorkbook(ctx, accounts, {
    action: 'user.bulk-create',
    entityId: 'liaisons',
    detail: { selection: input.selection, skipped: skippedUnits.length },
    title: '单位联络员账号及初始密码',
    filePrefix: '联络员账号',
  });
  return { ...result, skippedUnits };
}
