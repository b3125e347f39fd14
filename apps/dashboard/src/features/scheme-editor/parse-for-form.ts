// The form view of the scheme.json text being edited (see parseForForm).
import { schemeSchema, type Scheme } from '@kaoping/contracts/scoring/scheme';

// Issues about a value (an empty name, a code with a space, points that do not add up), not about
// the shape: the form can still show such a scheme, and the live validation below names the field.
const VALUE_ISSUES = new Set(['too_small', 'too_big', 'invalid_format', 'custom']);

/**
 * The scheme.json text as a scheme for the form view, or null while the JSON does not parse or
 * its shape is not a scheme's. A scheme that is only invalid in its values (e.g. a group whose name
 * was just cleared) stays in the form: dropping the form there would lose the office's place.
 */
export function parseForForm(json: string): Scheme | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  const parsed = schemeSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  if (!parsed.error.issues.every((issue) => VALUE_ISSUES.has(issue.code))) return null;
  return { vetoes: [], majorDeductions: [], ...(raw as Partial<Scheme>) } as Scheme;
}
