import { OFFICE, type Expect } from './expect';

// Lifecycle actions are open to every signed-in role at the procedure level: the domain state
// machine decides per action and per unit (tested in domain rectification-machine tests and the router tests).
export const rectificationAccess: Record<string, Expect> = {
  'rectification.ledger': 'signed-in',
  'rectification.get': 'signed-in',
  'rectification.issue': OFFICE,
  'rectification.issueFromFindings': OFFICE,
  'rectification.issueRound': OFFICE,
  'rectification.transition': 'signed-in',
  'rectification.figures': 'signed-in',
  'rectification.exportXlsx': 'signed-in',
  'rectification.uploadEvidence': ['admin', 'liaison'],
  'rectification.downloadEvidence': 'signed-in',
  'rectification.previewDue': 'signed-in',
  'notifications.list': 'signed-in',
  'notifications.markRead': 'signed-in',
  'calendar.overrides': 'signed-in',
  'calendar.upsert': OFFICE,
  'calendar.remove': OFFICE,
};
