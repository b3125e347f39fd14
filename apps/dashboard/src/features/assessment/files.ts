// The file helpers live in lib/files.ts; kept as this module's names for its callers.
export { downloadText, fileToBase64 } from '../../lib/files';
