// Builds zip bombs in memory for the guard tests: a .docx whose word/document.xml inflates to
// `inflatedMb` MB of XML, streamed through the compressor so building it stays small.
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';

export function buildDocxBomb(inflatedMb: number, options: { lieAboutSize?: boolean } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  const add = (name: string, text: string) => {
    const file = new ZipPassThrough(name);
    zip.add(file);
    file.push(strToU8(text), true);
  };
  add('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  const doc = new ZipDeflate('word/document.xml', { level: 1 });
  zip.add(doc);
  doc.push(
    strToU8(
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>',
    ),
  );
  const mb = new Uint8Array(1024 * 1024).fill(0x41); // "AAAA…": one enormous run of text
  for (let i = 0; i < inflatedMb; i++) doc.push(mb);
  doc.push(strToU8('</w:t></w:r></w:p></w:body></w:document>'), true);
  zip.end();
  const total = parts.reduce((n, p) => n + p.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  if (options.lieAboutSize) lieAboutSizes(bytes);
  return bytes;
}

/** Rewrites every declared uncompressed size to 1 KB: the headers lie, only inflating tells. */
function lieAboutSizes(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 46 <= bytes.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x02014b50)
      view.setUint32(i + 24, 1024, true); // central directory entry
    else if (sig === 0x04034b50)
      view.setUint32(i + 22, 1024, true); // local header
    else if (sig === 0x08074b50) view.setUint32(i + 12, 1024, true); // data descriptor
  }
}
