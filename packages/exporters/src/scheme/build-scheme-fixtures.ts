// Rebuilds fixtures/scheme/*.xlsx|docx from scheme-fixture-sources.ts:
//   pnpm exec tsx packages/exporters/src/scheme/build-scheme-fixtures.ts
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fixtureDocuments } from './scheme-fixture-sources';
import { fixtureDocx, fixtureXlsx } from './write-fixture-tables';

const dir = resolve(new URL('.', import.meta.url).pathname, '../../../../fixtures/scheme');
for (const doc of fixtureDocuments) {
  const bytes = doc.file.endsWith('.docx') ? await fixtureDocx(doc) : await fixtureXlsx(doc);
  writeFileSync(join(dir, doc.file), bytes);
  process.stdout.write(`${doc.file} ${bytes.length} bytes\n`);
}
