// The office's own details (设置 › 机构信息) and the first-run checklist. Each request reads and edits
// its own office's row (its handle's office; row 1 in a single-office deployment); `set_up_at` stays null until an admin
// confirms the details, and the checklist's other steps are read from the data itself, so they
// tick whichever way the data arrived (UI, CLI or a restored backup).
import type { Office, OfficeSetup, OfficeUpdateInput, SignInInfo } from '@kaoping/contracts/org/office';
import { conflict, notFound } from '@kaoping/domain/errors/domain-error';
import { chinaToday } from '@kaoping/domain/period/period';
import { listSchemes } from '@kaoping/db/assessment/scheme.repository';
import { listRounds } from '@kaoping/db/assessment/round.repository';
import { listAuditEntries } from '@kaoping/db/audit/audit.repository';
import type { Db } from '@kaoping/db/connect';
import { officeOf, scopeToOffice } from '@kaoping/db/offices/office-scope';
import { hasAnyUnits } from '@kaoping/db/demo/seed-demo-city';
import { findOffice, updateOfficeDetails, type OfficeRecord } from '@kaoping/db/offices/office.repository';
import { listGroupYears } from '@kaoping/db/org/group.repository';
import { countActiveLiaisonsByUnit } from '@kaoping/db/users/user.repository';
import type { Actor } from '../actor';
import { recordChange } from '../audit/record-change';

/** The deployment's first office (created by the offices migration): the one the sign-in page names. */
export const OWN_OFFICE_ID = 1;

/** The office of the request: its handle's (the signed-in user's office); office 1 before sign-in. */
function officeIdOf(db: Db): number {
  return officeOf(db) ?? OWN_OFFICE_ID;
}

function toOffice(r: OfficeRecord): Office {
  return { id: r.id, name: r.name, shortName: r.shortName, regionName: r.regionName, setUpAt: r.setUpAt, version: r.version };
}

async function loadOffice(db: Db): Promise<OfficeRecord> {
  const office = await findOffice(db, officeIdOf(db));
  if (!office) throw notFound('机构信息不存在,请先运行数据库迁移');
  return office;
}

export async function getOffice(db: Db): Promise<Office> {
  return toOffice(await loadOffice(db));
}

/** Saves the details (version-checked); the first save marks the office as set up. */
export async function updateOffice(db: Db, actor: Actor, input: OfficeUpdateInput): Promise<Office> {
  const { now } = actor;
  return db.transaction().execute(async (trx) => {
    const before = await loadOffice(trx);
    const details = { name: input.name, shortName: input.shortName, regionName: input.regionName };
    const after = await updateOfficeDetails(trx, officeIdOf(trx), input.version, details, now.toISOString());
    if (!after) throw conflict('机构信息已被他人修改,请刷新后重试');
    await recordChange(trx, actor.user, now, {
      action: 'org.office.update',
      entity: 'office',
      entityId: officeIdOf(trx),
      unitId: null,
      before: { name: before.name, shortName: before.shortName, regionName: before.regionName },
      after: details,
    });
    return toOffice(after);
  });
}

/** The demo seed writes one audit entry `system/demo` (seed-demo-city.ts): that is its marker. */
async function holdsDemoCity(db: Db): Promise<boolean> {
  return (await listAuditEntries(db, { entity: 'system', entityId: 'demo', limit: 1 })).length > 0;
}

export async function signInInfo(db: Db): Promise<SignInInfo> {
  // Before sign-in no office is known: the page names the deployment's first office.
  const first = scopeToOffice(db, OWN_OFFICE_ID);
  const office = await findOffice(first, OWN_OFFICE_ID);
  return { officeName: office?.setUpAt ? office.name : null, demo: await holdsDemoCity(first) };
}

/** Each first-run step, ticked from the data: groups, units, liaison accounts, a scheme for this year or later, a round. */
export async function officeSetup(db: Db, actor: Actor): Promise<OfficeSetup> {
  const year = Number(chinaToday(actor.now).slice(0, 4));
  const [office, groupYears, units, liaisons, schemes, rounds, demo] = await Promise.all([
    loadOffice(db),
    listGroupYears(db),
    hasAnyUnits(db),
    countActiveLiaisonsByUnit(db),
    listSchemes(db),
    listRounds(db, { year: null, statuses: null, includeSelf: false }),
    holdsDemoCity(db),
  ]);
  return {
    year,
    setUp: office.setUpAt !== null,
    demo,
    done: {
      office: office.setUpAt !== null,
      groups: groupYears.some((y) => y >= year),
      units,
      liaisons: liaisons.size > 0,
      scheme: schemes.some((s) => s.year >= year),
      round: rounds.length > 0,
    },
  };
}
