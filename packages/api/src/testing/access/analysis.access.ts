import { READERS, type Expect } from './expect';

// Analysis (issue #7): the office, assessors and leaders; never a unit liaison (it shows every
// unit of a group). Deleting a scenario is further limited to its author, in the service.
export const analysisAccess: Record<string, Expect> = {
  'analysis.periods': READERS,
  'analysis.group': READERS,
  'analysis.scenarios.list': READERS,
  'analysis.scenarios.create': READERS,
  'analysis.scenarios.delete': READERS,
  'analysis.scenarios.compare': READERS,
  'analysis.scenarios.exportComparison': READERS,
};
