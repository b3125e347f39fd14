import type { SessionUser } from '@kaoping/contracts/auth/session';
import { escalationLevelLabelsZh, rectificationStatusLabelsZh } from '@kaoping/contracts/rectification/rectification-status';
import { severityLabelsZh, type ledgerFilterSchema } from '@kaoping/contracts/rectification/rectification-ledger';
import type { z } from 'zod';
import type { Context } from '../context';
import { listLedgerForUser } from './rectification.service';

type Authed = Context & { user: SessionUser };

/** The filtered ledger as .xlsx (base64), with the columns offices publish. */
export async function exportLedgerXlsx(ctx: Authed, filter: z.output<typeof ledgerFilterSchema>) {
  const { rows, today } = await listLedgerForUser(ctx, filter);
  const bytes = await (
    await import('@kaoping/exporters/rectification/ledger-xlsx')
  ).buildLedgerWorkbook(
    `整改台账${filter.period ? `(${filter.period})` : ''} 导出日期 ${today}`,
    rows.map((r) => ({
      code: r.code,
      period: r.carriedInto ? `${r.period}→${r.carriedInto}` : r.period,
      title: r.title,
      unitName: r.unitName,
      measures:
        r.submission?.kind === 'fix'
          ? r.submission.measures
          : r.submission?.kind === 'explanation'
            ? `情况说明:${r.submission.explanation}`
            : '',
      dueDate: r.dueDate,
      status: rectificationStatusLabelsZh[r.status],
      completion: r.submission?.kind === 'fix' ? r.submission.completionNote : '',
      recheck: r.status === 'closed' ? '通过' : r.status === 'explained' ? '说明已采纳' : r.returnReason ? `退回:${r.returnReason}` : '',
      closedOn: r.closedOn ?? '',
      severity: severityLabelsZh[r.severity],
      daysOverdue: r.daysOverdue,
      escalation: r.escalationLevel ? escalationLevelLabelsZh[r.escalationLevel] : '',
    })),
  );
  return { fileName: `整改台账-${filter.period ?? '全部'}-${today}.xlsx`, contentBase64: bytes.toString('base64') };
}
