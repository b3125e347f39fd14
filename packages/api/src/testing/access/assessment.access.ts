import { ASSESSORS, OFFICE, READERS, type Expect } from './expect';

// Assessment (考评). Liaisons reach their own unit's data through 'signed-in' procedures scoped
// in the services (own unit only, published rounds only); objections and self-assessment are theirs alone.
const UNIT: Expect = ['liaison'];

export const assessmentAccess: Record<string, Expect> = {
  'assessment.schemes.list': READERS,
  'assessment.schemes.get': READERS,
  'assessment.schemes.export': READERS,
  'assessment.schemes.import': OFFICE,
  'assessment.schemes.copyToNextYear': OFFICE,
  'assessment.rounds.list': 'signed-in',
  'assessment.rounds.get': 'signed-in',
  'assessment.rounds.open': ASSESSORS,
  'assessment.rounds.publish': ASSESSORS,
  'assessment.rounds.lock': ASSESSORS,
  'assessment.rounds.publications': READERS,
  'assessment.inputs.grid': READERS,
  'assessment.inputs.importFile': ASSESSORS,
  'assessment.inputs.setScore': ASSESSORS,
  'assessment.inputs.saveScores': ASSESSORS,
  'assessment.inputs.addFinding': ASSESSORS,
  'assessment.inputs.withdrawFinding': ASSESSORS,
  'assessment.inputs.addEvent': ASSESSORS,
  'assessment.inputs.removeEvent': ASSESSORS,
  'assessment.inputs.screenshot': 'signed-in',
  'assessment.results.round': READERS,
  'assessment.results.sheet': 'signed-in',
  'assessment.results.annual': READERS,
  'assessment.objections.list': 'signed-in',
  'assessment.objections.file': UNIT,
  'assessment.objections.decide': ASSESSORS,
  'assessment.self.get': 'signed-in',
  'assessment.self.set': UNIT,
};
