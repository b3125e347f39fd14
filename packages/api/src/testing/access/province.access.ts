import type { Expect } from './expect';

export const provinceAccess: Record<string, Expect> = {
  'province.cities': 'signed-in',
  'province.summary': 'signed-in',
};
