// Renders the sample bulletin through LibreOffice to look at it. Skipped unless asked for:
//   BULLETIN_RENDER_DIR=/tmp/bulletin TZ=UTC pnpm exec vitest run --project unit packages/exporters/src/bulletin/bulletin-render.test.ts
// writes bulletin-sample.docx/.xlsx and two renders, each with 60 dpi page images:
//   plain/    LibreOffice as installed: fontconfig puts Noto CJK in for the Windows faces
//             (SimSun → Noto Serif CJK SC, FangSong/SimHei/KaiTi → Noto Sans CJK SC);
//   office/   emulating an office PC that has 仿宋 and 楷体: a throw-away LibreOffice profile whose
//             font replacement table maps FangSong and KaiTi to Noto Serif CJK SC.
// Each render uses its own profile folder, so it never collides with another LibreOffice instance.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBulletinDocx } from './bulletin-docx';
import { buildRankingsXlsx } from './bulletin-xlsx';
import { sampleBulletinData } from './sample-bulletin-data';

const outDir = process.env.BULLETIN_RENDER_DIR;

const fontPair = (i: number, from: string, to: string) =>
  `<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs"><node oor:name="_${i}" oor:op="replace">` +
  `<prop oor:name="Always" oor:op="fuse"><value>true</value></prop><prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop>` +
  `<prop oor:name="ReplaceFont" oor:op="fuse"><value>${from}</value></prop><prop oor:name="SubstituteFont" oor:op="fuse"><value>${to}</value></prop></node></item>`;

const OFFICE_FONTS_PROFILE =
  '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  '<item oor:path="/org.openoffice.Office.Common/Font/Substitution"><prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>' +
  fontPair(0, 'FangSong', 'Noto Serif CJK SC') +
  fontPair(1, 'KaiTi', 'Noto Serif CJK SC') +
  '</oor:items>';

function render(docx: string, dir: string, profileXml: string | null): { pages: number; fonts: string } {
  rmSync(dir, { recursive: true, force: true });
  const profile = join(dir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  if (profileXml) writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), profileXml);
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
    timeout: 240_000,
    stdio: 'pipe',
  });
  const pdf = join(dir, 'bulletin-sample.pdf');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
  const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(dir, 'page')], { timeout: 240_000 });
  return { pages, fonts };
}

describe.skipIf(!outDir)('sample bulletin rendered by LibreOffice', () => {
  it('converts to PDF with CJK fonts, as installed and with office fonts emulated', async () => {
    const dir = outDir ?? '';
    mkdirSync(dir, { recursive: true });
    const data = sampleBulletinData();
    const docx = join(dir, 'bulletin-sample.docx');
    writeFileSync(docx, await buildBulletinDocx(data));
    writeFileSync(join(dir, 'bulletin-sample.xlsx'), await buildRankingsXlsx(data));
    const plain = render(docx, join(dir, 'plain'), null);
    const office = render(docx, join(dir, 'office'), OFFICE_FONTS_PROFILE);
    console.log(
      `bulletin sample: ${plain.pages} pages as installed, ${office.pages} pages with office fonts\n${plain.fonts}\n${office.fonts}`,
    );
    for (const r of [plain, office]) {
      expect(r.pages).toBeGreaterThan(5);
      expect(r.fonts).toMatch(/NotoSerifCJK/);
    }
  }, 600_000);
});
