import type { Shape } from '../shape';
import type { securityZh } from './security.zh';

export const securityEn: Shape<typeof securityZh> = {
  tab: 'Security log',
  intro:
    'Recent failed sign-ins (kept 180 days). Many failures for one username or address in a short time suggest someone is guessing passwords.',
  at: 'Time',
  username: 'Username',
  clientIp: 'Address',
  detail: 'Reason',
  empty: 'No failed sign-ins',
};
