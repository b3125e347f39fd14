import type { PeriodRow, PeriodStatus } from '@kaoping/contracts/org/period';
import type { Db } from '../connect';

export async function listPeriods(db: Db): Promise<PeriodRow[]> {
  const rows = await db.selectFrom('periods').selectAll().orderBy('start_date', 'desc').orderBy('kind').execute();
  return rows.map((r) => ({
    code: r.code,
    kind: r.kind as PeriodRow['kind'],
    year: r.year,
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status as PeriodStatus,
  }));
}

export async function findPeriod(db: Db, code: string): Promise<PeriodRow | null> {
  const r = await db.selectFrom('periods').selectAll().where('code', '=', code).executeTakeFirst();
  return r
    ? {
        code: r.code,
        kind: r.kind as PeriodRow['kind'],
        year: r.year,
        startDate: r.start_date,
        endDate: r.end_date,
        status: r.status as PeriodStatus,
      }
    : null;
}

export async function insertPeriod(db: Db, period: PeriodRow, now: string): Promise<void> {
  await db
    .insertInto('periods')
    .values({
      code: period.code,
      kind: period.kind,
      year: period.year,
      start_date: period.startDate,
      end_date: period.endDate,
      status: period.status,
      created_at: now,
    })
    .execute();
}

export async function updatePeriodStatus(db: Db, code: string, status: PeriodStatus): Promise<void> {
  await db.updateTable('periods').set({ status }).where('code', '=', code).execute();
}
