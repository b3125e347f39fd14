import { describe, expect, it } from 'vitest';
import { REPORT_PARSE_MAX_BYTES } from '@kaoping/contracts/annual-report-workflow/annual-report-record';
import { fileSizeProblem } from './files';

describe('checking a file size in the browser before sending', () => {
  it('accepts up to the limit, refuses past it and empty files, in Chinese', () => {
    expect(fileSizeProblem(new Blob([new Uint8Array(REPORT_PARSE_MAX_BYTES)]), REPORT_PARSE_MAX_BYTES)).toBeNull();
    expect(fileSizeProblem(new Blob([new Uint8Array(REPORT_PARSE_MAX_BYTES + 1)]), REPORT_PARSE_MAX_BYTES)).toBe(
      '文件大小 20 MB,超过 20 MB 上限,请压缩或拆分后再上传',
    );
    expect(fileSizeProblem(new Blob([new Uint8Array(25 * 1048576)]), REPORT_PARSE_MAX_BYTES)).toBe(
      '文件大小 25 MB,超过 20 MB 上限,请压缩或拆分后再上传',
    );
    expect(fileSizeProblem(new Blob([]), REPORT_PARSE_MAX_BYTES)).toBe('文件是空的');
  });
});
