// Kinds of reporting unit, as the deadline (条例 第四十九条) and 规章 capacity (S4) rules need them.
import type { ReportUnitKind } from '@kaoping/contracts/annual-report/annual-report';

export type { ReportUnitKind };

export const UNIT_KIND_LABELS: Record<ReportUnitKind, string> = {
  city_gov: '设区的市人民政府',
  county_gov: '县(市、区)人民政府',
  city_dept: '市直部门',
  county_dept: '县(市、区)直部门',
  township: '乡镇',
  street: '街道',
};

/** Only province-level and 设区的市 governments (and State Council departments) may make 规章. */
export const MAKES_RULES: ReadonlySet<ReportUnitKind> = new Set(['city_gov']);

/**
 * Best guess of a unit's kind from its name (淮安市人民政府 → city_gov, 李溪镇人民政府 → township).
 * A heuristic for files read without a unit register; null when the name says nothing.
 */
export function inferUnitKind(name: string | null | undefined): ReportUnitKind | null {
  if (!name) return null;
  const n = name.replace(/\s+/g, '');
  if (/街道(办事处)?$|街道办$/.test(n)) return 'street';
  if (/[乡镇](人民政府)?$/.test(n)) return 'township';
  if (/(县|区|旗)人民政府(办公室)?$/.test(n)) return 'county_gov';
  if (/(市|州|盟)人民政府(办公室)?$/.test(n)) {
    // 县级市 (开平市) cannot be told from 设区的市 by name alone; the longer path names a county.
    return /(省|自治区).+市.+市人民政府/.test(n) ? 'county_gov' : 'city_gov';
  }
  if (/(局|委员会|委|办公室|办|厅|中心|院|署|站|所|队|会)$/.test(n))
    return /[县区旗]/.test(n.replace(/^.*?市/, '')) ? 'county_dept' : 'city_dept';
  return null;
}
