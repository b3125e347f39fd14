import { OFFICE, READERS, type Expect } from './expect';

const FILERS: Expect = ['admin', 'liaison'];

export const annualReportsAccess: Record<string, Expect> = {
  'annualReports.years': 'signed-in',
  'annualReports.overview': READERS,
  'annualReports.forUnit': 'signed-in',
  'annualReports.open': 'signed-in',
  'annualReports.save': FILERS,
  'annualReports.parse': FILERS,
  'annualReports.submit': FILERS,
  'annualReports.startCorrection': FILERS,
  'annualReports.returnForCorrection': OFFICE,
  'annualReports.accept': OFFICE,
  'annualReports.summary': READERS,
  'annualReports.exportSummary': READERS,
};
