// ECharts puts a tooltip formatter's string into the page with innerHTML. Every string that
// comes from users (unit, group and indicator names, finding text, grade labels) goes through
// this before it is concatenated into tooltip HTML. Canvas labels are drawn as text and need
// no escaping, as long as they do not use rich text (see test/charts/probe-formatters.ts).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return '';
  return String(text).replace(/[&<>"'`]/g, (ch) => ENTITIES[ch] ?? ch);
}
