// Mapping an imported 细则's groups (ALL, G1…, or the names read from a 责任单位 column / per-group
// tables) onto the year's groups (设置 › 分组), so the confirmed scheme assesses the city's units.
import type { IndicatorNode, Scheme } from '@kaoping/contracts/scoring/scheme';

export type YearGroup = { code: string; name: string };
/** The select value meaning "every group of the year" (the proposal's ALL). */
export const ALL_GROUPS = '*';
/** Proposed group code → a year group's code or ALL_GROUPS; a missing entry is unmapped. */
export type GroupMapping = Readonly<Record<string, string | undefined>>;

// Offices write the same three groups many ways: a name that reduces to one of these words is that group.
const SYNONYMS: readonly (readonly string[])[] = [
  ['县区', '区县', '县市区', '县市', '县', '区', '县区级'],
  ['市直部门', '市直单位', '市直', '市直机关', '市级部门', '市直各部门', '市级单位', '部门', '市直机关单位'],
  ['乡镇', '乡镇街道', '乡镇街', '镇街', '街镇', '街道', '乡镇办', '乡镇办事处', '乡镇街道办事处'],
];
const canonical = (name: string) =>
  name
    .replace(/[\s()()[\]【】、,,·/]/g, '')
    .replace(/^各/, '')
    .replace(/(人民)?政府$/, '');
const classOf = (name: string) => SYNONYMS.findIndex((words) => words.includes(canonical(name)));

/** The year's group a proposed group most likely is: ALL → all groups; then code, name, synonym. */
export function suggestGroup(proposed: YearGroup, yearGroups: readonly YearGroup[]): string | undefined {
  if (proposed.code === 'ALL') return ALL_GROUPS;
  const byCode = yearGroups.find((g) => g.code === proposed.code);
  if (byCode) return byCode.code;
  const byName = yearGroups.find((g) => canonical(g.name) === canonical(proposed.name));
  if (byName) return byName.code;
  const cls = classOf(proposed.name);
  if (cls < 0) return undefined;
  return yearGroups.find((g) => classOf(g.name) === cls)?.code;
}

export function suggestMapping(groups: readonly YearGroup[], yearGroups: readonly YearGroup[]): Record<string, string | undefined> {
  return Object.fromEntries(groups.map((g) => [g.code, suggestGroup(g, yearGroups)]));
}

/** The proposed groups without a valid target (in the proposal's order). */
export function unmappedGroups(scheme: Scheme, mapping: GroupMapping, yearGroups: readonly YearGroup[]): YearGroup[] {
  return scheme.groups.filter((g) => {
    const target = mapping[g.code];
    return target === undefined || (target !== ALL_GROUPS && !yearGroups.some((y) => y.code === target));
  });
}

/**
 * The scheme with its groups replaced by the year's groups they map to (all of them when any maps
 * to ALL_GROUPS) and every appliesTo.groups rewritten; a restriction that maps to all groups is
 * dropped. Throws when a group is unmapped: callers check `unmappedGroups` first.
 */
export function applyGroupMapping(scheme: Scheme, mapping: GroupMapping, yearGroups: readonly YearGroup[]): Scheme {
  const missing = unmappedGroups(scheme, mapping, yearGroups);
  if (missing.length > 0) throw new Error(`unmapped groups: ${missing.map((g) => g.code).join(',')}`);
  const targets = new Set(scheme.groups.map((g) => mapping[g.code] as string));
  const groups = targets.has(ALL_GROUPS) ? [...yearGroups] : yearGroups.filter((g) => targets.has(g.code));
  const rewrite = (nodes: readonly IndicatorNode[]): IndicatorNode[] =>
    nodes.map((node) => {
      const children = node.children ? rewrite(node.children) : undefined;
      const next: IndicatorNode = { ...node, ...(children ? { children } : {}) };
      const restricted = node.appliesTo?.groups;
      if (!restricted) return next;
      // A code that is not a proposed group is left as written (the office's own choice).
      const mapped = restricted.map((code) => (scheme.groups.some((g) => g.code === code) ? (mapping[code] as string) : code));
      const unique = [...new Set(mapped)];
      const everyGroup = unique.includes(ALL_GROUPS) || groups.every((g) => unique.includes(g.code));
      const { groups: _dropped, ...rest } = node.appliesTo ?? {};
      const appliesTo = everyGroup ? rest : { ...rest, groups: unique };
      if (Object.keys(appliesTo).length === 0) {
        const { appliesTo: _none, ...withoutAppliesTo } = next;
        return withoutAppliesTo;
      }
      return { ...next, appliesTo };
    });
  return { ...scheme, groups: groups.map(({ code, name }) => ({ code, name })), indicators: rewrite(scheme.indicators) };
}
