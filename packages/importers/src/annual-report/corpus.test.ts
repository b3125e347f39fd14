// Every document of the real-document corpus (fixtures/annual-reports/), cell for cell against what
// was read by hand: no cell wrong, none silently blank, no number invented where the source prints
// none. Unreadable cells may only come back null AND listed in `unresolved`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCorpus, scoreDocument } from '../../test/annual-report-corpus';
import { parseAnnualReport } from './parse-annual-report';

const corpus = loadCorpus();

describe('real-document corpus', () => {
  it('holds real published reports in several layouts', () => {
    const real = corpus.filter((d) => d.origin === 'real');
    expect(real.length).toBeGreaterThanOrEqual(3);
    expect(new Set(corpus.map((d) => d.layout)).size).toBeGreaterThanOrEqual(5);
  });

  it.each(corpus.map((d) => [d.name, d] as const))('%s: 0 wrong, 0 silently blank, 0 invented', async (_, doc) => {
    const result = await parseAnnualReport(new Uint8Array(readFileSync(doc.file)), { fileName: doc.file });
    const score = scoreDocument(doc, result);
    const total = Object.keys(doc.expected).length;
    console.log(`${doc.name}: ${score.right}/${total} right, ${score.unresolved} unresolved, ${score.wrong.length} wrong`);
    expect(score.wrong).toEqual([]);
    expect(score.missed).toEqual([]);
    expect(score.invented).toEqual([]);
    // Real documents read as published must read completely; derived layouts may leave cells unresolved.
    if (doc.origin !== 'derived') expect(score.right).toBe(total);
  });
});
