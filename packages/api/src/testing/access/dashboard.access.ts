import { READERS, type Expect } from './expect';

// City-wide figures are for readers; a unit's own figures, history, profile and the ledger board are
// open to every signed-in role and scoped in the services (a liaison: their own unit only).
export const dashboardAccess: Record<string, Expect> = {
  'dashboard.periods': 'signed-in',
  'dashboard.overview': READERS,
  'dashboard.overviewList': READERS,
  'dashboard.unitSummary': 'signed-in',
  'dashboard.ranking': READERS,
  'dashboard.crossGroup': READERS,
  'dashboard.heatMap': READERS,
  'dashboard.groupTrends': READERS,
  'dashboard.unitHistory': 'signed-in',
  'dashboard.unitProfile': 'signed-in',
  'dashboard.rectificationBoard': 'signed-in',
};
