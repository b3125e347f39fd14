import { signedInProcedure } from '../trpc';

/**
 * Who files reports: a unit's liaison (for their own unit, scoped in the services) and the office
 * (which also enters reports received on paper). The same role middleware as every procedure kind;
 * it belongs with the others in trpc.ts once that file is free to edit.
 */
export const reportFilerProcedure = signedInProcedure.meta({ roles: ['admin', 'liaison'] });
