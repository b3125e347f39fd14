// Writing a publication's read models (db/read-models): at publication and restatement, in the
// publication's transaction; and once, on first read, for a publication written before the read
// models existed (or by the demo seeder, which writes publications directly). Both paths build
// the rows from the same inputs (the stored results and the engine's sheets of the snapshot).
import { computeSnapshot, type PublicationSnapshot } from '@kaoping/domain/assessment/publication-snapshot';
import type { CompiledScheme } from '@kaoping/domain/scoring/compile-scheme';
import { passRuleOf } from '@kaoping/domain/scoring/pass-line';
import type { PeriodResults } from '@kaoping/domain/scoring/scoring-result';
import type { Db } from '@kaoping/db/connect';
import { findPublicationById } from '@kaoping/db/assessment/publication.repository';
import { findSchemeById } from '@kaoping/db/assessment/scheme.repository';
import { mapUnitIdsByCode, type PublishedRound } from '@kaoping/db/dashboard/dashboard.repository';
import { buildReadModelRows, insertReadModels, listPublicationsWithReadModels } from '@kaoping/db/read-models/published-read-models';
import { compileStoredScheme } from '../assessment/round.service';

export interface ReadModelInput {
  publicationId: number;
  roundId: number;
  period: string;
  snapshot: PublicationSnapshot;
  results: PeriodResults;
  scheme: CompiledScheme;
}

/** Builds and writes one publication's read models in `trx` (the publication's own transaction). */
export async function writeReadModels(trx: Db, input: ReadModelInput): Promise<void> {
  const sheets = computeSnapshot(input.scheme, input.snapshot, true);
  // The publication's results were computed from this snapshot a moment ago: a failure is a fault.
  if (!sheets.ok) throw new Error('发布快照无法重算');
  const rows = buildReadModelRows({
    publicationId: input.publicationId,
    roundId: input.roundId,
    period: input.period,
    results: input.results,
    sheets: sheets.results,
    rule: passRuleOf(input.scheme),
    previousRanks: input.snapshot.previousRanks,
    unitIds: await mapUnitIdsByCode(trx),
  });
  await insertReadModels(trx, rows);
}

// Publications never change, so once a publication's read models are known to exist they always
// will: the process remembers it (per database: ids repeat across databases, as in tests) and
// skips the check (immutable data only; safe with N processes).
const builtByDb = new WeakMap<Db, Set<number>>();

/** Makes sure every listed publication in force has its read models; builds the missing ones once. */
export async function ensureReadModels(db: Db, rounds: readonly PublishedRound[]): Promise<void> {
  const built = builtByDb.get(db) ?? new Set<number>();
  builtByDb.set(db, built);
  const unknown = rounds.filter((r) => !built.has(r.publicationId));
  if (unknown.length === 0) return;
  const present = await listPublicationsWithReadModels(
    db,
    unknown.map((r) => r.publicationId),
  );
  for (const id of present) built.add(id);
  const missing = unknown.filter((r) => !present.has(r.publicationId));
  for (const round of missing) {
    try {
      await db.transaction().execute(async (trx) => {
        // Another request (or process) may have built it while this one waited for the write lock.
        if ((await listPublicationsWithReadModels(trx, [round.publicationId])).size > 0) return;
        const publication = await findPublicationById(trx, round.publicationId);
        if (!publication) throw new Error('已发布的轮次缺少发布记录');
        const record = await findSchemeById(trx, publication.schemeId);
        if (!record || record.contentHash !== publication.schemeHash) throw new Error('发布记录与方案不一致');
        await writeReadModels(trx, {
          publicationId: publication.id,
          roundId: round.roundId,
          period: round.period,
          snapshot: publication.snapshot,
          results: publication.results,
          scheme: compileStoredScheme(record),
        });
      });
    } catch (error) {
      // PostgreSQL: a concurrent builder won the primary key; anything else is a fault.
      if ((await listPublicationsWithReadModels(db, [round.publicationId])).size === 0) throw error;
    }
    built.add(round.publicationId);
  }
}
