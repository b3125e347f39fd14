// The real-document regression corpus (`fixtures/annual-reports/`): every document that has an
// `.expected.json` beside it, read by hand under the spec's keys. Shared by the corpus test and the
// report bench so both count cells the same way.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportParseResult } from '@kaoping/contracts/annual-report/parse-result';

export const CORPUS_DIR = fileURLToPath(new URL('../../../fixtures/annual-reports/', import.meta.url));

export interface CorpusDocument {
  /** Path under fixtures/annual-reports/. */
  name: string;
  file: string;
  /** `real/…` documents as published; `derived/…` are real documents put into another layout. */
  origin: 'real' | 'derived' | 'sample';
  layout: string;
  expected: Record<string, number | null>;
}

export interface CorpusScore {
  right: number;
  wrong: { key: string; expected: number | null; got: number | null }[];
  unresolved: number;
  /** Expected a number, got null without listing it in `unresolved`: silently blank. */
  missed: string[];
  /** Cells the document does not print (not in the expected file) that came back as a number. */
  invented: string[];
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function loadCorpus(dir = CORPUS_DIR): CorpusDocument[] {
  const files = walk(dir);
  const out: CorpusDocument[] = [];
  for (const expectedFile of files.filter((f) => f.endsWith('.expected.json')).sort()) {
    const stem = expectedFile.slice(0, -'.expected.json'.length);
    const file = files.find((f) => f !== expectedFile && !f.endsWith('.expected.json') && f.slice(0, f.lastIndexOf('.')) === stem);
    if (!file) continue;
    const json = JSON.parse(readFileSync(expectedFile, 'utf8')) as { meta?: { layout?: string }; cells: Record<string, number | null> };
    const name = relative(dir, file);
    const origin = name.startsWith('real/') ? 'real' : name.startsWith('derived/') ? 'derived' : 'sample';
    out.push({ name, file, origin, layout: json.meta?.layout ?? name.split('.').slice(-2, -1)[0] ?? 'text', expected: json.cells });
  }
  return out;
}

/** Cells of `result` against the hand-read cells. A document with no expected cells must read none. */
export function scoreDocument(doc: CorpusDocument, result: Pick<ReportParseResult, 'cells' | 'unresolved'>): CorpusScore {
  const score: CorpusScore = { right: 0, wrong: [], unresolved: 0, missed: [], invented: [] };
  const unresolved = new Set(result.unresolved);
  for (const [key, expected] of Object.entries(doc.expected)) {
    const got = result.cells[key] ?? null;
    if (got === expected) score.right++;
    else if (got === null && unresolved.has(key)) score.unresolved++;
    else if (got === null) score.missed.push(key);
    else score.wrong.push({ key, expected, got });
  }
  for (const [key, got] of Object.entries(result.cells)) if (!(key in doc.expected) && got !== null) score.invented.push(key);
  return score;
}
