// Renders the sample bulletin through LibreOffice to look at it. Skipped unless asked for:
//   BULLETIN_RENDER_DIR=/tmp/bulletin TZ=UTC pnpm exec vitest run --project unit packages/exporters/src/bulletin/bulletin-render.test.ts
// writes bulletin-sample.docx/.pdf/.xlsx and page images page-NN.png (60 dpi) into that folder.
// LibreOffice runs with its own throw-away profile, so it never collides with another instance.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBulletinDocx } from './bulletin-docx';
import { buildRankingsXlsx } from './bulletin-xlsx';
import { sampleBulletinData } from './sample-bulletin-data';

const outDir = process.env.BULLETIN_RENDER_DIR;

describe.skipIf(!outDir)('sample bulletin rendered by LibreOffice', () => {
  it('converts to a PDF with CJK fonts and page images', async () => {
    const dir = outDir ?? '';
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(dir)) if (/^page-\d+\.png$/.test(f)) rmSync(join(dir, f));
    const data = sampleBulletinData();
    writeFileSync(join(dir, 'bulletin-sample.docx'), await buildBulletinDocx(data));
    writeFileSync(join(dir, 'bulletin-sample.xlsx'), await buildRankingsXlsx(data));
    const profile = join(dir, 'lo-profile');
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'bulletin-sample.docx')], { timeout: 240_000, stdio: 'pipe' });
    const info = execFileSync('pdfinfo', [join(dir, 'bulletin-sample.pdf')], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
    const fonts = execFileSync('pdffonts', [join(dir, 'bulletin-sample.pdf')], { encoding: 'utf8' });
    execFileSync('pdftoppm', ['-png', '-r', '60', join(dir, 'bulletin-sample.pdf'), join(dir, 'page')], { timeout: 240_000 });
    console.log(`bulletin sample: ${pages} pages\n${fonts}`);
    expect(pages).toBeGreaterThan(5);
    expect(fonts).toMatch(/CJK/);
  }, 300_000);
});
