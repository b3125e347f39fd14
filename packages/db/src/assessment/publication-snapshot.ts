// SHA-256 stays here (node:crypto; the domain imports no node:*): the snapshot, its canonical JSON
// and the diff of restatements are domain/assessment/publication-snapshot.ts.
import { createHash } from 'node:crypto';
import { publicationHashText, type PublicationSnapshot } from '@kaoping/domain/assessment/publication-snapshot';
import type { PeriodResults } from '@kaoping/domain/scoring/scoring-result';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The hash over the snapshot and its results, as stored in `content_hash`. */
export function hashPublication(snapshot: PublicationSnapshot, results: PeriodResults): string {
  return sha256Hex(publicationHashText(snapshot, results));
}
