// Moving bytes between the browser and the API: procedures take and return files as base64.

/** A chosen file's bytes as base64 (what the import, evidence and screenshot procedures take). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: spreading megabytes into one String.fromCharCode call overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The bytes of a base64 payload from the server. */
export function base64ToBytes(contentBase64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
}

/** Saves a base64 payload from the server (an .xlsx, a .docx) as a file in the browser. */
export function downloadBase64(fileName: string, contentBase64: string, mime: string): void {
  downloadBlob(fileName, new Blob([base64ToBytes(contentBase64)], { type: mime }));
}

/** Saves text from the server (scheme.json) as a file in the browser. */
export function downloadText(fileName: string, text: string, mime = 'application/json'): void {
  downloadBlob(fileName, new Blob([text], { type: `${mime};charset=utf-8` }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // Revoked a moment later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Null when `file` fits `maxBytes`, else the Chinese reason: checked before anything is sent. */
export function fileSizeProblem(file: Blob, maxBytes: number): string | null {
  if (file.size === 0) return '文件是空的';
  if (file.size <= maxBytes) return null;
  const mb = (n: number) => (n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0);
  return `文件大小 ${mb(file.size)} MB,超过 ${mb(maxBytes)} MB 上限,请压缩或拆分后再上传`;
}
