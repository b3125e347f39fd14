import { OFFICE, type Expect } from './expect';

export const usersAccess: Record<string, Expect> = {
  'users.list': OFFICE,
  'users.create': OFFICE,
  'users.update': OFFICE,
  'users.disable': OFFICE,
  'users.enable': OFFICE,
  'users.resetPassword': OFFICE,
  'users.endSessions': OFFICE,
  'users.bulkCreateLiaisons': OFFICE,
  'users.importFile': OFFICE,
  'users.adminExists': 'public',
  'users.changeOwnPassword': 'signed-in',
  'users.mySessions': 'signed-in',
  'users.endMySession': 'signed-in',
  'users.signOutEverywhere': 'signed-in',
};
