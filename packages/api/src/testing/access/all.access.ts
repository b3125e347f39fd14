import type { Expect } from './expect';
import { analysisAccess } from './analysis.access';
import { assessmentAccess } from './assessment.access';
import { bulletinAccess } from './bulletin.access';
import { dashboardAccess } from './dashboard.access';
import { foundationAccess } from './foundation.access';
import { annualReportsAccess } from './annual-reports.access';
import { reportReviewAccess } from './report-review.access';
import { rectificationAccess } from './rectification.access';
import { usersAccess } from './users.access';
import { officeAccess } from './office.access';
import { securityAccess } from './security.access';
import { schemeDocumentsAccess } from './scheme-documents.access';
import { siteCheckAccess } from './site-check.access';
import { provinceAccess } from './province.access';

/** Every procedure of the router with who may call it (the authorization matrix; the tenancy test runs it per office). */
export const expectedAccess: Record<string, Expect> = {
  ...foundationAccess,
  ...assessmentAccess,
  ...annualReportsAccess,
  ...reportReviewAccess,
  ...rectificationAccess,
  ...analysisAccess,
  ...dashboardAccess,
  ...bulletinAccess,
  ...usersAccess,
  ...officeAccess,
  ...securityAccess,
  ...schemeDocumentsAccess,
  ...siteCheckAccess,
  ...provinceAccess,
};
