import { OFFICE, type Expect } from './expect';

export const officeAccess: Record<string, Expect> = {
  'org.office.get': 'signed-in',
  'org.office.update': OFFICE,
  'org.office.setup': OFFICE,
  'org.office.signInInfo': 'public',
};
