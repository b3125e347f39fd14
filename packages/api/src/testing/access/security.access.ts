import { OFFICE, type Expect } from './expect';

export const securityAccess: Record<string, Expect> = {
  'security.failedSignIns': OFFICE,
};
