import { useQuery } from '@tanstack/react-query';
import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { AppLayout } from '../components/app-layout';
import { canOpen, type NavKey } from '../navigation';
import { useTRPC } from '../trpc';

// Pages beyond the frame are split into their own chunks; so are the sign-in pages and the 403/404
// result (its illustrations), which a signed-in reload of a page never shows (initial JS, issue #14).
const LoginPage = lazy(() => import('./login').then((m) => ({ default: m.LoginPage })));
const ChangePasswordPage = lazy(() => import('./change-password').then((m) => ({ default: m.ChangePasswordPage })));
const Result = lazy(() => import('antd/es/result'));
const AnalysisPage = lazy(() => import('./analysis').then((m) => ({ default: m.AnalysisPage })));
const UnitsPage = lazy(() => import('./units').then((m) => ({ default: m.UnitsPage })));
const UnitDetailPage = lazy(() => import('./unit-detail').then((m) => ({ default: m.UnitDetailPage })));
const ReportsArea = lazy(() => import('./reports').then((m) => ({ default: m.ReportsArea })));
const ReportReviewPage = lazy(() => import('./reports-review').then((m) => ({ default: m.ReportReviewPage })));
const AssessmentArea = lazy(() => import('./assessment').then((m) => ({ default: m.AssessmentArea })));
const RectificationPage = lazy(() => import('./rectification').then((m) => ({ default: m.RectificationPage })));
const SettingsPage = lazy(() => import('./settings').then((m) => ({ default: m.SettingsPage })));
const OverviewPage = lazy(() => import('./overview').then((m) => ({ default: m.OverviewPage })));
const RankingsArea = lazy(() => import('./rankings').then((m) => ({ default: m.RankingsArea })));
const UnitProfilePage = lazy(() => import('./unit-profile').then((m) => ({ default: m.UnitProfilePage })));
const RectificationBoardPage = lazy(() => import('./rectification-board').then((m) => ({ default: m.RectificationBoardPage })));
const PresentationPage = lazy(() => import('./presentation').then((m) => ({ default: m.PresentationPage })));
const BulletinPage = lazy(() => import('./bulletin').then((m) => ({ default: m.BulletinPage })));
const AccountPage = lazy(() => import('./account').then((m) => ({ default: m.AccountPage })));
const SiteCheckPage = lazy(() => import('./site-check').then((m) => ({ default: m.SiteCheckPage })));
const ProvincePage = lazy(() => import('./province').then((m) => ({ default: m.ProvincePage })));

function Guard({ user, page, children }: { user: SessionUser; page: NavKey; children: ReactNode }) {
  const { t } = useTranslation();
  if (!canOpen(user.role, page, user.officeKind)) return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  return <>{children}</>;
}

export function AppRoutes() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const { t } = useTranslation();
  if (me.isPending) return <Spin fullscreen />;
  const user = me.data ?? null;
  if (!user)
    return (
      <Suspense fallback={<Spin fullscreen />}>
        <LoginPage />
      </Suspense>
    );
  // A one-time or reset password: nothing but the change (the server refuses the rest too).
  if (user.mustChangePassword)
    return (
      <Suspense fallback={<Spin fullscreen />}>
        <ChangePasswordPage user={user} />
      </Suspense>
    );
  const page = (key: NavKey, element: ReactNode) => (
    <Guard user={user} page={key}>
      <Suspense fallback={<Spin />}>{element}</Suspense>
    </Guard>
  );
  return (
    <AppLayout user={user}>
      <Routes>
        <Route path="/" element={page('overview', <OverviewPage user={user} />)} />
        <Route path="/rankings/*" element={page('rankings', <RankingsArea />)} />
        <Route path="/analysis" element={page('analysis', <AnalysisPage user={user} />)} />
        <Route path="/reports/review" element={page('reports', <ReportReviewPage user={user} />)} />
        <Route path="/reports/*" element={page('reports', <ReportsArea user={user} />)} />
        <Route path="/assessment/*" element={page('assessment', <AssessmentArea user={user} />)} />
        <Route path="/rectification" element={page('rectification', <RectificationPage user={user} />)} />
        <Route path="/rectification/board" element={page('rectification', <RectificationBoardPage user={user} />)} />
        <Route
          path="/units"
          element={page(
            'units',
            user.role === 'liaison' && user.unitId ? <Navigate to={`/units/${user.unitId}`} replace /> : <UnitsPage user={user} />,
          )}
        />
        <Route path="/units/:id" element={page('units', <UnitDetailPage user={user} />)} />
        <Route path="/units/:id/profile" element={page('units', <UnitProfilePage user={user} />)} />
        <Route path="/settings" element={page('settings', <SettingsPage />)} />
        <Route path="/site-check" element={page('siteCheck', <SiteCheckPage user={user} />)} />
        <Route path="/province" element={page('province', <ProvincePage />)} />
        <Route path="/presentation" element={page('rankings', <PresentationPage />)} />
        <Route path="/bulletin" element={page('rankings', <BulletinPage user={user} />)} />
        <Route
          path="/account"
          element={
            <Suspense fallback={<Spin />}>
              <AccountPage />
            </Suspense>
          }
        />
        <Route path="/login" element={<Navigate to="/" replace />} />
        <Route
          path="*"
          element={
            <Suspense fallback={null}>
              <Result status="404" title="404" subTitle={t('common.notFound')} />
            </Suspense>
          }
        />
      </Routes>
    </AppLayout>
  );
}
