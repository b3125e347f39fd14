import { ASSESSORS, OFFICE, READERS, type Expect } from './expect';

// 网站检查 (issue #16): leaders read; the office and assessors run, review and send; only the
// office edits channels, settings and the word list. Never a unit liaison (it is city-wide).
export const siteCheckAccess: Record<string, Expect> = {
  'siteCheck.channels': READERS,
  'siteCheck.setChannels': OFFICE,
  'siteCheck.settings': READERS,
  'siteCheck.saveSettings': OFFICE,
  'siteCheck.words': READERS,
  'siteCheck.setWords': OFFICE,
  'siteCheck.importWords': OFFICE,
  'siteCheck.runs': READERS,
  'siteCheck.run': READERS,
  'siteCheck.start': ASSESSORS,
  'siteCheck.cancel': ASSESSORS,
  'siteCheck.unitResult': READERS,
  'siteCheck.city': READERS,
  'siteCheck.exportRun': READERS,
  'siteCheck.problems': READERS,
  'siteCheck.review': ASSESSORS,
  'siteCheck.sendTargets': ASSESSORS,
  'siteCheck.send': ASSESSORS,
  'siteCheck.evidence': READERS,
};
