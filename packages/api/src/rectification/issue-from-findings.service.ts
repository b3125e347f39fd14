import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { issueFromFindingsInputSchema } from '@kaoping/contracts/rectification/rectification-ledger';
import { invalidInput } from '@kaoping/domain/errors/domain-error';
import { chinaToday } from '@kaoping/domain/period/period';
import {
  findItemsOfFindings,
  listFindingsForIssue,
  listUnorderedFindingIds,
  type FindingForIssue,
} from '@kaoping/db/rectification/rectification.repository';
import type { z } from 'zod';
import type { Context } from '../context';
import { recordChange } from '../audit/record-change';
import { issueItemInTransaction, withDerived } from './rectification.service';
import { loadWorkCalendar } from './work-calendar.service';

type Authed = Context & { user: SessionUser };

/** Groups findings into items: one per finding, or one per unit and indicator (as offices do for a round). */
export function groupFindings(findings: FindingForIssue[], grouping: 'per_finding' | 'per_unit_indicator'): FindingForIssue[][] {
  if (grouping === 'per_finding') return findings.map((f) => [f]);
  const groups = new Map<string, FindingForIssue[]>();
  for (const f of findings) {
    const key = `${f.period}|${f.unitId}|${f.leafCode}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()];
}

function titleOf(findings: FindingForIssue[]): string {
  const first = findings[0];
  if (!first) return '';
  const text = findings.map((f) => f.description || `指标 ${f.leafCode} 存在问题`).join(';');
  return (findings.length > 1 ? `指标 ${first.leafCode}:${text}` : text).slice(0, 2000);
}

/**
 * 交办 from published findings, all or nothing: every finding must exist, be active, belong to a
 * published round and not already have an open item.
 */
export async function issueFromFindings(ctx: Authed, input: z.output<typeof issueFromFindingsInputSchema>) {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const ids = [...new Set(input.findingIds)];
    const findings = await listFindingsForIssue(trx, ids);
    const problems: string[] = [];
    const found = new Set(findings.map((f) => f.id));
    for (const id of ids) if (!found.has(id)) problems.push(`问题 #${id} 不存在`);
    for (const f of findings) {
      if (f.status !== 'active') problems.push(`问题 #${f.id} 已撤回,不能交办`);
      if (f.roundStatus !== 'published' && f.roundStatus !== 'locked') problems.push(`问题 #${f.id} 所在测评尚未发布`);
    }
    const already = await findItemsOfFindings(trx, ids);
    for (const [findingId, code] of already) problems.push(`问题 #${findingId} 已交办(${code})`);
    if (problems.length > 0) throw invalidInput(problems.slice(0, 20).join(';'));
    const items = [];
    for (const group of groupFindings(findings, input.grouping)) {
      const first = group[0];
      if (!first) continue;
      const item = await issueItemInTransaction(
        trx,
        ctx,
        {
          unitId: first.unitId,
          period: first.period,
          findingIds: group.map((f) => f.id),
          title: titleOf(group),
          requirement: input.requirement,
          due: input.due,
          severity: input.severity,
          responsiblePerson: '',
          responsibleLeader: '',
          source: 'manual',
          evidenceRequired: input.evidenceRequired,
        },
        'finding',
      );
      items.push(item);
    }
    await recordChange(trx, ctx.user, now, {
      action: 'rectification.issue_bulk',
      entity: 'rectification',
      entityId: items.map((i) => i.code).join(','),
      unitId: null,
      before: null,
      after: { findings: ids.length, items: items.length, grouping: input.grouping },
    });
    const calendar = await loadWorkCalendar(trx);
    return items.map((i) => withDerived(i, chinaToday(now), calendar));
  });
}

/** 交办 for a whole published round: every active finding not ordered yet. */
export async function issueRound(
  ctx: Authed,
  input: Omit<z.output<typeof issueFromFindingsInputSchema>, 'findingIds'> & { roundId: number },
) {
  const findingIds = await listUnorderedFindingIds(ctx.db, input.roundId);
  if (findingIds.length === 0) throw invalidInput('本轮测评没有待交办的问题');
  return issueFromFindings(ctx, { ...input, findingIds });
}
