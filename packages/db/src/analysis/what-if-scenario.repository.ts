// Saved what-if scenarios (权重模拟方案). Analysis only: official results never read them.
import type { Db } from '../connect';
import type { WhatIfScenarioTable } from './analysis.tables';

export interface WhatIfScenario {
  id: number;
  name: string;
  period: string;
  groupCode: string;
  /** Level-1 points by indicator code (codes left out keep their official points). */
  points: Record<string, number>;
  createdBy: number | null;
  createdByName: string;
  createdAt: string;
  version: number;
}

type Row = Omit<WhatIfScenarioTable, 'id'> & { id: number };

function toScenario(row: Row): WhatIfScenario {
  return {
    id: Number(row.id),
    name: row.name,
    period: row.period_code,
    groupCode: row.group_code,
    points: JSON.parse(row.points_json) as Record<string, number>,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    version: row.version,
  };
}

export interface NewScenario {
  name: string;
  period: string;
  groupCode: string;
  points: Record<string, number>;
  createdBy: number | null;
  createdByName: string;
}

/** Points are stored with their keys sorted, so the same scenario always reads back the same. */
function pointsJson(points: Record<string, number>): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(points)
        .sort()
        .map((code) => [code, points[code]]),
    ),
  );
}

export async function insertScenario(db: Db, scenario: NewScenario, now: string): Promise<WhatIfScenario> {
  const row = await db
    .insertInto('what_if_scenarios')
    .values({
      name: scenario.name,
      period_code: scenario.period,
      group_code: scenario.groupCode,
      points_json: pointsJson(scenario.points),
      created_by: scenario.createdBy,
      created_by_name: scenario.createdByName,
      created_at: now,
      version: 1,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toScenario(row);
}

export async function findScenarioById(db: Db, id: number): Promise<WhatIfScenario | null> {
  const row = await db.selectFrom('what_if_scenarios').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toScenario(row) : null;
}

export async function findScenarioByName(db: Db, period: string, groupCode: string, name: string): Promise<WhatIfScenario | null> {
  const row = await db
    .selectFrom('what_if_scenarios')
    .selectAll()
    .where('period_code', '=', period)
    .where('group_code', '=', groupCode)
    .where('name', '=', name)
    .executeTakeFirst();
  return row ? toScenario(row) : null;
}

/** A group's scenarios of a period, newest first. */
export async function listScenarios(db: Db, filter: { period: string; groupCode: string }): Promise<WhatIfScenario[]> {
  const rows = await db
    .selectFrom('what_if_scenarios')
    .selectAll()
    .where('period_code', '=', filter.period)
    .where('group_code', '=', filter.groupCode)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toScenario);
}

/** Deletes when `version` still matches; false when it changed or is already gone. */
export async function deleteScenario(db: Db, id: number, version: number): Promise<boolean> {
  const result = await db.deleteFrom('what_if_scenarios').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
