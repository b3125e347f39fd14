import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeFileName, visibleText } from './safe-file-name';

describe('safe stored file names', () => {
  it.each([
    ['整改报告.pdf', 'pdf', '整改报告.pdf'],
    ['x.html', 'pdf', 'x.pdf'], // a %PDF- polyglot named .html is stored as what it is
    ['../../etc/passwd', 'pdf', 'passwd.pdf'],
    ['..\\..\\windows\\system.ini', 'png', 'system.png'],
    ['报告\r\nSet-Cookie: a=b.pdf', 'pdf', '报告Set-Cookie_ a=b.pdf'],
    ['evil\u0000.pdf', 'pdf', 'evil.pdf'],
    ['invoice\u202efdp.exe', 'pdf', 'invoicefdp.pdf'],
    ['\u200b\u200c\u200d', 'pdf', '文件.pdf'],
    ['..', 'jpg', '文件.jpg'],
    ['CON.docx', 'docx', '_CON.docx'],
    ['a'.repeat(300) + '.pdf', 'pdf', 'a'.repeat(80) + '.pdf'],
  ])('%j as %s → %j', (sent, ext, want) => {
    expect(safeFileName(sent, ext)).toBe(want);
  });

  it('never yields a path, a control or invisible character, or a second extension', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('pdf', 'png', 'jpg', 'docx', 'xlsx'), (sent, ext) => {
        const name = safeFileName(sent, ext);
        return (
          // eslint-disable-next-line no-control-regex -- checking that no control character is left
          !/[/\\\u0000-\u001f\u007f-\u009f]/u.test(name) &&
          visibleText(name) === name &&
          name.endsWith(`.${ext}`) &&
          !name.startsWith('.') &&
          Array.from(name).length <= 80 + 1 + ext.length
        );
      }),
    );
  });
});
