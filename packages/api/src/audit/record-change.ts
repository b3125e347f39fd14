import type { SessionUser } from '@kaoping/contracts/auth/session';
import { insertAuditEntry } from '@kaoping/db/audit/audit.repository';
import type { Db } from '@kaoping/db/connect';

/** Records one mutation in the audit log; call with the transaction that made it. */
export function recordChange(
  trx: Db,
  actor: SessionUser | null,
  at: Date,
  change: { action: string; entity: string; entityId: string | number; unitId: number | null; before: unknown; after: unknown },
): Promise<void> {
  return insertAuditEntry(trx, { at: at.toISOString(), actorId: actor?.id ?? null, actorName: actor?.displayName ?? '系统', ...change });
}
