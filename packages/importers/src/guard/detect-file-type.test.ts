import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeDocx } from '../annual-report/fixture-documents';
import { detectFileType } from './detect-file-type';

const ALL = ['pdf', 'png', 'jpg', 'webp', 'docx', 'xlsx'];

describe('file type from content', () => {
  it('recognises what offices upload', async () => {
    expect(await detectFileType(strToU8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), ALL)).toEqual({ ext: 'pdf', mime: 'application/pdf' });
    expect(
      await detectFileType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), ALL),
    ).toMatchObject({ ext: 'png' });
    expect(await detectFileType(makeDocx(['整改情况说明']), ALL)).toMatchObject({ ext: 'docx' });
  });

  it('refuses a RIFF file that is not WebP (a WAV), a plain zip, and HTML named anything', async () => {
    const wav = new Uint8Array([
      ...strToU8('RIFF'),
      36,
      0,
      0,
      0,
      ...strToU8('WAVEfmt '),
      16,
      0,
      0,
      0,
      1,
      0,
      1,
      0,
      0x44,
      0xac,
      0,
      0,
      0x88,
      0x58,
      1,
      0,
      2,
      0,
      16,
      0,
    ]);
    expect(await detectFileType(wav, ALL)).toBeNull();
    expect(await detectFileType(zipSync({ 'a.txt': strToU8('hello') }), ALL)).toBeNull();
    expect(await detectFileType(strToU8('<html><script>alert(1)</script></html>'), ALL)).toBeNull();
    const webp = new Uint8Array([
      ...strToU8('RIFF'),
      26,
      0,
      0,
      0,
      ...strToU8('WEBPVP8 '),
      14,
      0,
      0,
      0,
      0x30,
      0x01,
      0,
      0x9d,
      0x01,
      0x2a,
      1,
      0,
      1,
      0,
      0,
      0,
      0,
      0,
    ]);
    expect(await detectFileType(webp, ALL)).toMatchObject({ ext: 'webp' });
    expect(await detectFileType(webp, ['png'])).toBeNull();
  });
});
