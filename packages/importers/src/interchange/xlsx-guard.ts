// Checks an .xlsx before a spreadsheet library opens it: size, zip signature, the entries
// a workbook must have, and the uncompressed size, both as declared by the zip's central
// directory and as actually inflated (a zip bomb can lie in its headers).
import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync } from 'fflate';

export const MAX_XLSX_BYTES = 10 * 1024 * 1024;
export const MAX_XLSX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
const MAX_ENTRIES = 10_000;
const MB = 1024 * 1024;
const PUSH_CHUNK_BYTES = 16 * 1024;

/** Null when the bytes look like a safe workbook, else the Chinese reason. */
export function checkXlsxArchive(bytes: Uint8Array): string | null {
  if (bytes.length > MAX_XLSX_BYTES) return `文件大小 ${(bytes.length / MB).toFixed(1)} MB 超过上限 ${MAX_XLSX_BYTES / MB} MB`;
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    return '不是有效的 Excel 工作簿(.xlsx 应为 zip 格式),请在 Excel 中另存为 .xlsx 或 CSV UTF-8';
  }

  // 1. what the central directory declares (nothing is inflated: the filter says no)
  let entries = 0;
  let declared = 0;
  const names = new Set<string>();
  try {
    unzipSync(bytes, {
      filter(file) {
        entries++;
        declared += file.originalSize;
        names.add(file.name);
        return false;
      },
    });
  } catch {
    return '文件已损坏或不是有效的 Excel 工作簿(zip 结构无法读取)';
  }
  if (entries > MAX_ENTRIES) return `压缩包内文件数 ${entries} 过多,疑似压缩炸弹,已拒绝`;
  if (declared > MAX_XLSX_UNCOMPRESSED_BYTES) {
    return `解压后大小 ${(declared / MB).toFixed(1)} MB 超过上限 ${MAX_XLSX_UNCOMPRESSED_BYTES / MB} MB,疑似压缩炸弹,已拒绝`;
  }
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    return '不是有效的 Excel 工作簿:压缩包中没有 xl/workbook.xml(可能是其他 zip 文件或 .xls 旧格式)';
  }

  // 2. what inflating really produces, stopping at the limit
  let inflated = 0;
  let isOverLimit = false;
  let failure: string | null = null;
  const unzip = new Unzip((file) => {
    if (isOverLimit || failure !== null) return;
    if (file.compression !== 0 && file.compression !== 8) {
      failure = `压缩包中的 ${file.name} 使用了不支持的压缩方式`;
      return;
    }
    file.ondata = (error, chunk) => {
      if (error) {
        failure = '文件已损坏(解压失败)';
        return;
      }
      inflated += chunk.length;
      if (inflated > MAX_XLSX_UNCOMPRESSED_BYTES && !isOverLimit) {
        isOverLimit = true;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  // Small pieces: fflate inflates everything pushed at once, so a 16 KB piece bounds
  // the output of one step to ~16 MB even at deflate's maximum ratio.
  try {
    for (let at = 0; at < bytes.length && !isOverLimit && failure === null; at += PUSH_CHUNK_BYTES) {
      const end = Math.min(at + PUSH_CHUNK_BYTES, bytes.length);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch {
    if (!isOverLimit) return '文件已损坏(解压失败)';
  }
  if (isOverLimit) return `解压后大小超过上限 ${MAX_XLSX_UNCOMPRESSED_BYTES / MB} MB,疑似压缩炸弹,已拒绝`;
  return failure;
}
