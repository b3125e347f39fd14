// `kaoping office list|add|first-account`: the offices of one deployment (a province and its cities,
// docs/scale.md "The province"). Offices are deployment-wide, so these commands ignore KAOPING_OFFICE;
// every addition is audited (命令行) in the new office's log and its province's.
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { userCreateInputSchema } from '@kaoping/contracts/users/user';
import { roleLabelsZh } from '@kaoping/contracts/auth/role';
import { isDomainError } from '@kaoping/domain/errors/domain-error';
import { LoginRateLimiter } from '@kaoping/api/auth/login-rate-limiter';
import type { Context } from '@kaoping/api/context';
import { createOffice, firstAccountRole } from '@kaoping/api/province/office-admin.service';
import { createUserAccount } from '@kaoping/api/users/user.service';
import type { Db } from '@kaoping/db/connect';
import { migrateToLatest } from '@kaoping/db/migrate';
import { acrossOffices, scopeToOffice } from '@kaoping/db/offices/office-scope';
import { findOffice, listOffices } from '@kaoping/db/offices/office.repository';
import { listUsers } from '@kaoping/db/users/user.repository';
import { parseCliArgs } from '../args';
import { CliError } from '../cli-error';
import { openCliDatabase } from '../database';
import { terminalIo, type UsersIo } from './users';

const USAGE = [
  'usage: kaoping office list [--json]',
  '       kaoping office add --kind province|city --name 机构全称 [--short-name 简称] [--region 所辖地区] [--parent 省级机构编号] [--code CODE]',
  '       kaoping office first-account 机构编号 --name USERNAME [--display-name 姓名] [--one-time]',
].join('\n');

const KIND_LABEL = { province: '省级', city: '市级' } as const;

const cliActor = (officeId: number): SessionUser => ({
  id: 0,
  username: 'cli',
  displayName: '命令行',
  role: 'admin',
  unitId: null,
  unitName: null,
  officeId,
});

function officeContext(db: Db, dialect: Context['dialect'], officeId: number): Context & { user: SessionUser } {
  return {
    db: scopeToOffice(db, officeId),
    dialect,
    user: cliActor(officeId),
    sessionToken: null,
    clientIp: 'cli',
    cookies: { set: () => undefined, clear: () => undefined },
    loginLimiter: new LoginRateLimiter(),
    now: () => new Date(),
  };
}

async function withDatabase<T>(work: (db: Db, dialect: Context['dialect']) => Promise<T>): Promise<T> {
  const { handle } = openCliDatabase();
  try {
    await migrateToLatest(handle.db);
    return await work(handle.db, handle.dialect);
  } catch (error) {
    if (isDomainError(error)) throw new CliError(error.message);
    throw error;
  } finally {
    await handle.destroy();
  }
}

function officeId(text: string | undefined, what: string): number {
  if (text === undefined) throw new CliError(`${what}缺失\n${USAGE}`);
  const id = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(id) || id <= 0) throw new CliError(`${what}应为机构编号(正整数),收到 ${text}`);
  return id;
}

export async function run(args: string[], io: UsersIo = terminalIo): Promise<number> {
  const { positionals, values } = parseCliArgs(args, {
    json: { type: 'boolean', default: false },
    kind: { type: 'string' },
    name: { type: 'string' },
    'short-name': { type: 'string' },
    region: { type: 'string' },
    parent: { type: 'string' },
    code: { type: 'string' },
    'display-name': { type: 'string' },
    'one-time': { type: 'boolean', default: false },
  });
  const [sub, target] = positionals;
  switch (sub) {
    case 'list':
      return withDatabase(async (db) => {
        const offices = await listOffices(acrossOffices(db));
        if (values.json) {
          process.stdout.write(JSON.stringify(offices, null, 2) + '\n');
          return 0;
        }
        const names = new Map(offices.map((o) => [o.id, o.name]));
        for (const o of offices)
          process.stdout.write(
            [
              o.id,
              KIND_LABEL[o.kind],
              o.name,
              o.shortName,
              o.regionName,
              o.parentId === null ? '-' : `${o.parentId} ${names.get(o.parentId) ?? ''}`,
            ]
              .join('\t')
              .concat('\n'),
          );
        return 0;
      });
    case 'add': {
      const kind = values.kind;
      if (kind !== 'province' && kind !== 'city') throw new CliError(`--kind 应为 province(省级)或 city(市级)\n${USAGE}`);
      if (values.name === undefined) throw new CliError(`缺少 --name 机构全称\n${USAGE}`);
      const parentId = values.parent === undefined ? null : officeId(values.parent, '--parent ');
      return withDatabase(async (db) => {
        const office = await createOffice(
          db,
          cliActor(parentId ?? 1),
          { kind, name: values.name ?? '', shortName: values['short-name'], regionName: values.region, parentId, code: values.code },
          new Date(),
        );
        const under = parentId === null ? '' : `,上级机构 ${parentId}`;
        process.stdout.write(`已添加${KIND_LABEL[office.kind]}机构 ${office.name}(编号 ${office.id}${under})\n`);
        process.stdout.write(`创建其第一个账号:pnpm kaoping office first-account ${office.id} --name 用户名\n`);
        return 0;
      });
    }
    case 'first-account': {
      const id = officeId(target, '机构编号');
      if (values.name === undefined) throw new CliError(`缺少 --name 用户名\n${USAGE}`);
      return withDatabase(async (db, dialect) => {
        const office = await findOffice(acrossOffices(db), id);
        if (!office) throw new CliError(`机构 ${id} 不存在(用 kaoping office list 查看机构编号)`);
        const ctx = officeContext(db, dialect, id);
        if ((await listUsers(ctx.db)).length > 0)
          throw new CliError(`机构 ${id}(${office.name})已有账号;再添加账号请用 KAOPING_OFFICE=${id} pnpm kaoping users create …`);
        const role = firstAccountRole(office);
        const input = userCreateInputSchema.safeParse({
          username: values.name,
          displayName: values['display-name'] ?? values.name,
          role,
          unitId: null,
          phone: null,
        });
        if (!input.success) throw new CliError(input.error.issues.map((i) => i.message).join(';'));
        let password: string | undefined;
        if (io.interactive && !values['one-time']) {
          password = await io.promptHidden(`${input.data.username} 的密码(至少 10 个字符): `);
          if ((await io.promptHidden('再次输入密码: ')) !== password) throw new CliError('两次输入的密码不一致');
        }
        const created = await createUserAccount(ctx, input.data, password === undefined ? {} : { password });
        const what = office.kind === 'province' ? '省级账号(只读各市已发布的考评结果)' : roleLabelsZh[created.user.role];
        process.stdout.write(`已为 ${office.name} 创建${what} ${created.user.username}(${created.user.displayName})\n`);
        if (created.oneTimePassword) process.stdout.write(`初始密码(仅显示一次,首次登录后须修改):${created.oneTimePassword}\n`);
        return 0;
      });
    }
    default:
      throw new CliError(USAGE);
  }
}
