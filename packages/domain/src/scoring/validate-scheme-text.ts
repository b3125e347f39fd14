import { formatSchemeIssues, schemeSchema, type Scheme } from '@kaoping/contracts/scoring/scheme';
import { compileScheme } from './compile-scheme';

/**
 * Parses and validates scheme.json text: the scheme, or the problems naming each node.
 * The same check runs in the scheme editor as the office types and on the server at import.
 */
export function validateSchemeText(text: string): { ok: true; scheme: Scheme } | { ok: false; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [`不是有效的 JSON(${error instanceof Error ? error.message : String(error)})`] };
  }
  const parsed = schemeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: formatSchemeIssues(parsed.error, raw) };
  const compiled = compileScheme(parsed.data);
  if (!compiled.ok) return { ok: false, problems: compiled.issues };
  return { ok: true, scheme: parsed.data };
}
