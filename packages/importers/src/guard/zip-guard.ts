// Checks a zip container (.docx, .xlsx) before a library opens it: entry count, the uncompressed
// size declared by the central directory, and the size inflating really produces, stopped at the
// limit (a zip bomb can lie in its headers). Inflating is streamed in small pieces, so checking a
// bomb costs at most the limit in time and a few MB of memory.
import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync } from 'fflate';

export interface ZipLimits {
  maxUncompressedBytes: number;
  maxEntries: number;
  /** Entries that must be present (e.g. word/document.xml). */
  requiredEntries?: readonly string[];
  /** What the file is, for messages: 「Word 文档」. */
  what: string;
}

const MB = 1024 * 1024;
const PUSH_CHUNK_BYTES = 16 * 1024;

export const DOCX_LIMITS: ZipLimits = {
  maxUncompressedBytes: 64 * MB,
  maxEntries: 5_000,
  requiredEntries: ['word/document.xml'],
  what: 'Word 文档',
};

export const isZip = (bytes: Uint8Array) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Null when the archive stays within the limits, else the Chinese reason. */
export function checkZipArchive(bytes: Uint8Array, limits: ZipLimits): string | null {
  if (!isZip(bytes)) return `不是有效的${limits.what}(应为 zip 格式)`;
  const cap = limits.maxUncompressedBytes;

  let entries = 0;
  let declared = 0;
  const names = new Set<string>();
  try {
    unzipSync(bytes, {
      filter(file) {
        entries++;
        declared += file.originalSize;
        names.add(file.name);
        return false; // nothing is inflated here
      },
    });
  } catch {
    return `${limits.what}已损坏(zip 结构无法读取)`;
  }
  if (entries > limits.maxEntries) return `${limits.what}内的文件数 ${entries} 过多,疑似压缩炸弹,已拒绝`;
  if (declared > cap) return `${limits.what}解压后大小 ${(declared / MB).toFixed(0)} MB 超过上限 ${cap / MB} MB,疑似压缩炸弹,已拒绝`;
  const missing = (limits.requiredEntries ?? []).find((name) => !names.has(name));
  if (missing) return `不是有效的${limits.what}:压缩包中没有 ${missing}`;

  let inflated = 0;
  let overLimit = false;
  let failure: string | null = null;
  const unzip = new Unzip((file) => {
    if (overLimit || failure !== null) return;
    if (file.compression !== 0 && file.compression !== 8) {
      failure = `${limits.what}中的 ${file.name} 使用了不支持的压缩方式`;
      return;
    }
    file.ondata = (error, chunk) => {
      if (error) {
        failure = `${limits.what}已损坏(解压失败)`;
        return;
      }
      inflated += chunk.length;
      if (inflated > cap && !overLimit) {
        overLimit = true;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let at = 0; at < bytes.length && !overLimit && failure === null; at += PUSH_CHUNK_BYTES) {
      const end = Math.min(at + PUSH_CHUNK_BYTES, bytes.length);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch {
    if (!overLimit) return `${limits.what}已损坏(解压失败)`;
  }
  if (overLimit) return `${limits.what}解压后超过 ${cap / MB} MB,疑似压缩炸弹,已拒绝`;
  return failure;
}
