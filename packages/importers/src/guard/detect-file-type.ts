// The type of an uploaded file from its content (the maintained `file-type` signatures: a WebP is
// RIFF…WEBP, not any RIFF file; a .docx is a zip holding word/), never from its name.
import { fileTypeFromBuffer } from 'file-type';

export interface DetectedType {
  ext: string;
  mime: string;
}

/** The detected type when it is one of `allowed` (extensions: 'pdf', 'png', …), else null. */
export async function detectFileType(bytes: Uint8Array, allowed: readonly string[]): Promise<DetectedType | null> {
  const type = await fileTypeFromBuffer(bytes);
  return type && allowed.includes(type.ext) ? { ext: type.ext, mime: type.mime } : null;
}
