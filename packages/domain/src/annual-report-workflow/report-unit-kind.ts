// A registered unit's kind as the annual-report rules know it (deadline, 规章 capacity).
import type { ReportUnitKind } from '@kaoping/contracts/annual-report/annual-report';
import type { UnitKind } from '@kaoping/contracts/units/unit';

export function reportUnitKindOf(kind: UnitKind): ReportUnitKind {
  switch (kind) {
    case 'county_gov':
      return 'county_gov';
    case 'city_dept':
      return 'city_dept';
    case 'township':
      return 'township';
    case 'street':
      return 'street';
    case 'other':
      return 'city_dept';
  }
}
