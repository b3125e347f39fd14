import { OFFICE, READERS, type Expect } from './expect';

// The office's 考核细则 as a document: only the office imports; readers may export the published one.
export const schemeDocumentsAccess: Record<string, Expect> = {
  'schemeDocuments.propose': OFFICE,
  'schemeDocuments.confirm': OFFICE,
  'schemeDocuments.export': READERS,
};
