import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './connect';
import { acrossOffices } from './offices/office-scope';
import * as foundation from './migrations/2026-11-22-0001-foundation';
import * as annualReports from './migrations/2026-11-22-0002-annual-reports';
import * as assessment from './migrations/2026-11-22-0003-assessment';
import * as rectification from './migrations/2026-11-22-0004-rectification';
import * as bulletin from './migrations/2026-11-22-0005-bulletin';
import * as analysis from './migrations/2026-11-22-0006-analysis';
import * as security from './migrations/2026-12-07-0301-security';
import * as accounts from './migrations/2026-12-07-0501-accounts';
import * as siteCheck from './migrations/2026-12-07-0701-site-check';
import * as siteCheckProbes from './migrations/2026-12-07-0702-site-check-probes';
import * as evidenceRequired from './migrations/2026-12-07-0801-evidence-required';
import * as offices from './migrations/2026-12-07-0901-offices';
import * as jobLeases from './migrations/2026-12-07-1601-job-leases';
import * as publishedReadModels from './migrations/2026-12-08-0901-published-read-models';
import * as reportReviewJobs from './migrations/2026-12-08-1101-report-review-jobs';
import * as officeKey from './migrations/2026-12-08-2300-office-key';
import * as officeDataVersions from './migrations/2026-12-09-0100-office-data-versions';
import * as notificationValues from './migrations/2026-12-09-0200-notification-values';
import * as scoreRevisions from './migrations/2026-12-09-0300-score-revisions';
import * as ledgerVersion from './migrations/2026-12-09-0400-ledger-version';

// Listed explicitly (not read from disk) so migrations work the same under tsx, vitest and bundlers.
// Names sort chronologically; add one line per new migration file.
const migrations: Record<string, Migration> = {
  '2026-11-22-0001-foundation': foundation,
  '2026-11-22-0002-annual-reports': annualReports,
  '2026-11-22-0003-assessment': assessment,
  '2026-11-22-0004-rectification': rectification,
  '2026-11-22-0005-bulletin': bulletin,
  '2026-11-22-0006-analysis': analysis,
  '2026-12-07-0301-security': security,
  '2026-12-07-0501-accounts': accounts,
  '2026-12-07-0701-site-check': siteCheck,
  '2026-12-07-0702-site-check-probes': siteCheckProbes,
  '2026-12-07-0801-evidence-required': evidenceRequired,
  '2026-12-07-0901-offices': offices,
  '2026-12-07-1601-job-leases': jobLeases,
  '2026-12-08-0901-published-read-models': publishedReadModels,
  '2026-12-08-1101-report-review-jobs': reportReviewJobs,
  '2026-12-08-2300-office-key': officeKey,
  '2026-12-09-0100-office-data-versions': officeDataVersions,
  '2026-12-09-0200-notification-values': notificationValues,
  '2026-12-09-0300-score-revisions': scoreRevisions,
  '2026-12-09-0400-ledger-version': ledgerVersion,
};

/**
 * Applies every pending migration. `schema` names the PostgreSQL schema of the migration tables
 * when it is not the default: Kysely looks for them across all schemas otherwise.
 */
export async function migrateToLatest(db: Db, schema?: string): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    // Migrations span every office (the office-key migration rewrites every table).
    db: acrossOffices(db),
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return result;
}

/** Applies the migrations up to and including `name` (tests of a migration over existing data). */
export async function migrateUpTo(db: Db, name: string, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db: acrossOffices(db),
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const result = await migrator.migrateTo(name);
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
}
