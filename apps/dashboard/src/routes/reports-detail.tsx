import { useQuery } from '@tanstack/react-query';
import { Result, Spin } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { ReportEditor } from '../features/reports/report-editor';
import { errorCode, errorMessage, useTRPC } from '../trpc';

/** /reports/:unitId/:year[?v=N]: one unit's report for a year, the latest version unless one is asked for. */
export function ReportDetailPage({ user }: { user: SessionUser }) {
  const trpc = useTRPC();
  const params = useParams();
  const unitId = Number(params.unitId);
  const year = Number(params.year);
  const [search, setSearch] = useSearchParams();
  const versionNo = Number(search.get('v')) || null;
  const valid = Number.isInteger(unitId) && unitId > 0 && Number.isInteger(year) && year >= 2007 && year <= 2100;
  const view = useQuery({ ...trpc.annualReports.open.queryOptions({ unitId, year, versionNo }), enabled: valid });
  if (!valid) return <Result status="404" title="404" />;
  if (view.isPending) return <Spin />;
  if (view.error) {
    const code = errorCode(view.error);
    return (
      <Result
        status={code === 'FORBIDDEN' ? '403' : code === 'NOT_FOUND' ? '404' : 'error'}
        title={code === 'FORBIDDEN' ? '403' : code === 'NOT_FOUND' ? '404' : undefined}
        subTitle={errorMessage(view.error)}
        data-testid="report-error"
      />
    );
  }
  const r = view.data.report;
  return (
    <ReportEditor
      key={`${unitId}-${year}-${r?.id ?? 'new'}-${r?.version ?? 0}`}
      view={view.data}
      user={user}
      onVersion={(v) => setSearch(v === null ? {} : { v: String(v) })}
    />
  );
}
