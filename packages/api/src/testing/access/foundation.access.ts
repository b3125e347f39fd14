import { OFFICE, READERS, type Expect } from './expect';

export const foundationAccess: Record<string, Expect> = {
  'auth.login': 'public',
  'auth.logout': 'signed-in',
  'auth.me': 'public',
  'units.list': 'signed-in',
  'units.options': READERS,
  'units.get': 'signed-in',
  'units.create': OFFICE,
  'units.update': OFFICE,
  'units.deactivate': OFFICE,
  'units.importFile': OFFICE,
  'groups.list': 'signed-in',
  'groups.years': 'signed-in',
  'groups.upsert': OFFICE,
  'groups.assign': OFFICE,
  'periods.list': 'signed-in',
  'periods.create': OFFICE,
  'periods.setStatus': OFFICE,
  'audit.recent': OFFICE,
  'audit.forUnit': 'signed-in',
};
