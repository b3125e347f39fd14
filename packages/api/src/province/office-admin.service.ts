// Offices of one deployment (issue #14 part 3): the operator adds a province and its cities from the
// command line (`kaoping office add`), then each office's first account (`kaoping office first-account`).
// Offices are deployment-wide rows (offices is a global table); the audit entry lands in the new
// office's own log and, for a city, in its province's log too.
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { officeUpdateInputSchema } from '@kaoping/contracts/org/office';
import { conflict, invalidInput, notFound } from '@kaoping/domain/errors/domain-error';
import type { Db } from '@kaoping/db/connect';
import { acrossOffices, scopeToOffice } from '@kaoping/db/offices/office-scope';
import { findOffice, insertOffice, listOffices, type OfficeRecord } from '@kaoping/db/offices/office.repository';
import { recordChange } from '../audit/record-change';

export interface OfficeCreateInput {
  kind: 'city' | 'province';
  name: string;
  /** Defaults to the name. */
  shortName?: string | undefined;
  /** Defaults to the name. */
  regionName?: string | undefined;
  /** A city's province; a province has none. */
  parentId?: number | null | undefined;
  /** The office's internal code (unique); defaults to `<kind>-<n>`. */
  code?: string | undefined;
}

const detailsSchema = officeUpdateInputSchema.omit({ version: true });

export async function createOffice(root: Db, actor: SessionUser | null, input: OfficeCreateInput, now: Date): Promise<OfficeRecord> {
  // The name first: short name and region default to it, so its problem is the one to tell.
  const name = detailsSchema.shape.name.safeParse(input.name);
  if (!name.success) throw invalidInput(name.error.issues.map((i) => i.message).join(';'));
  const details = detailsSchema.safeParse({
    name: input.name,
    shortName: input.shortName ?? input.name.slice(0, 30),
    regionName: input.regionName ?? input.name.slice(0, 30),
  });
  if (!details.success) throw invalidInput(details.error.issues.map((i) => i.message).join(';'));
  const parentId = input.parentId ?? null;
  if (input.kind === 'province' && parentId !== null) throw invalidInput('省级机构没有上级机构,不能指定 --parent');
  if (input.code !== undefined && !/^[a-z0-9][a-z0-9-]{0,39}$/.test(input.code))
    throw invalidInput(`机构代码 ${input.code} 无效:只能使用小写字母、数字和连字符,最多 40 个字符`);
  return acrossOffices(root)
    .transaction()
    .execute(async (trx) => {
      const offices = await listOffices(trx);
      if (parentId !== null) {
        const parent = await findOffice(trx, parentId);
        if (!parent) throw notFound(`上级机构 ${parentId} 不存在(用 kaoping office list 查看机构编号)`);
        if (parent.kind !== 'province') throw invalidInput(`上级机构 ${parentId}(${parent.name})是市级机构,市级机构的上级只能是省级机构`);
      }
      const sameName = offices.find((o) => o.name === details.data.name);
      if (sameName) throw conflict(`已有名为 ${details.data.name} 的机构(编号 ${sameName.id})`);
      const code = input.code ?? `${input.kind}-${Math.max(0, ...offices.map((o) => o.id)) + 1}`;
      if (offices.some((o) => o.code === code)) throw conflict(`机构代码 ${code} 已被使用`);
      const office = await insertOffice(
        trx,
        {
          code,
          name: details.data.name,
          shortName: details.data.shortName,
          regionName: details.data.regionName,
          kind: input.kind,
          parentId,
        },
        now.toISOString(),
      );
      const after = { code, name: office.name, shortName: office.shortName, regionName: office.regionName, kind: office.kind, parentId };
      const change = { action: 'org.office.create', entity: 'office', entityId: office.id, unitId: null, before: null, after };
      await recordChange(scopeToOffice(trx, office.id), actor, now, change);
      if (parentId !== null) await recordChange(scopeToOffice(trx, parentId), actor, now, change);
      return office;
    });
}

/** The role of an office's first account: a city's administrator; a province's reader (it holds no data to administer). */
export function firstAccountRole(office: Pick<OfficeRecord, 'kind'>): 'admin' | 'leader' {
  return office.kind === 'province' ? 'leader' : 'admin';
}
