// The file helpers live in lib/files.ts; kept as this module's names for its callers.
export { downloadBase64, fileToBase64 } from '../../lib/files';
