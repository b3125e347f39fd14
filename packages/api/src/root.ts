import { analysisRouter } from './analysis/analysis.router';
import { annualReportRouter } from './annual-reports/annual-report.router';
import { cityReviewRouter } from './annual-reports/annual-report-city-review.router';
import { assessmentRouter } from './assessment/assessment.router';
import { schemeDocumentRouter } from './assessment/scheme-document.router';
import { auditRouter } from './audit/audit.router';
import { dashboardRouter } from './dashboard/dashboard.router';
import { bulletinRouter } from './bulletin/bulletin.router';
import { authRouter } from './auth/auth.router';
import { userRouter } from './auth/user.router';
import { groupRouter, periodRouter } from './org/org.router';
import { orgRouter } from './org/office.router';
import { createCallerFactory, router } from './trpc';
import { unitRouter } from './units/unit.router';
import { securityRouter } from './security/security.router';
import { siteCheckRouter } from './site-check/site-check.router';
import { provinceRouter } from './province/province.router';
import { calendarRouter, notificationRouter, rectificationRouter } from './rectification/rectification.router';

export const appRouter = router({
  auth: authRouter,
  users: userRouter,
  units: unitRouter,
  groups: groupRouter,
  periods: periodRouter,
  org: orgRouter,
  audit: auditRouter,
  assessment: assessmentRouter,
  annualReports: annualReportRouter,
  reportReview: cityReviewRouter,
  rectification: rectificationRouter,
  notifications: notificationRouter,
  calendar: calendarRouter,
  dashboard: dashboardRouter,
  bulletin: bulletinRouter,
  analysis: analysisRouter,
  schemeDocuments: schemeDocumentRouter,
  security: securityRouter,
  siteCheck: siteCheckRouter,
  province: provinceRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
