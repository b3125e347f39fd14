// A stored file's name, made safe to show and to offer as a download name: no directories (`../`,
// `C:\`), no control characters (NUL, CR/LF that would split a header), no invisible or direction-
// changing characters (zero-width, RTL override that turns `fdp.exe` into `exe.pdf`), no names
// Windows refuses, a bounded length, and the extension of the type the content really is.

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/gu;
// Zero-width and joiners, bidirectional marks/embeddings/overrides/isolates, BOM, soft hyphen, word joiner…
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class -- each invisible code point is matched on its own, on purpose
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/gu;
const RESERVED = /[<>:"/\\|?*]/gu;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/iu;
const MAX_STEM = 80;

/** `name` without characters that hide, reorder or break things; empty when nothing visible is left. */
export function visibleText(name: string): string {
  return name.normalize('NFC').replace(CONTROL, '').replace(INVISIBLE, '');
}

/**
 * The name to store for an upload: the last path segment of what the browser sent, cleaned, with
 * `ext` (from the detected content type, without dot) as its only extension. `fallback` when
 * nothing usable is left.
 */
export function safeFileName(sent: string, ext: string, fallback = '文件'): string {
  const lastSegment = visibleText(sent).split(/[/\\]/u).pop() ?? '';
  let stem = lastSegment.replace(RESERVED, '_').trim();
  // Drop what the client called the extension; the content decides it.
  const dot = stem.lastIndexOf('.');
  if (dot > 0) stem = stem.slice(0, dot);
  stem = stem.replace(/^[.\s]+|[.\s]+$/gu, '');
  if (WINDOWS_DEVICE.test(stem)) stem = `_${stem}`;
  stem = Array.from(stem).slice(0, MAX_STEM).join('');
  if (stem === '') stem = fallback;
  return `${stem}.${ext}`;
}
