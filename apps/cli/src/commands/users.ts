// `kaoping users list|create|import FILE|reset NAME|disable NAME`: the same services as the 用户管理
// page, run as the command line (audited as 命令行). `create --role admin` on an empty database is
// how a production office gets its first administrator.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { roleLabelsZh, roleSchema } from '@kaoping/contracts/auth/role';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { userCreateInputSchema } from '@kaoping/contracts/users/user';
import { isDomainError } from '@kaoping/domain/errors/domain-error';
import { LoginRateLimiter } from '@kaoping/api/auth/login-rate-limiter';
import type { Context } from '@kaoping/api/context';
import { importUsersFile } from '@kaoping/api/users/users-import.service';
import { createUserAccount, resetUserPassword, setUserStatus, toUserRow } from '@kaoping/api/users/user.service';
import { migrateToLatest } from '@kaoping/db/migrate';
import { findUnitsForAccountsByCode } from '@kaoping/db/users/account-units.repository';
import { findUserByUsername, listUsers } from '@kaoping/db/users/user.repository';
import { chinaToday } from '@kaoping/domain/period/period';
import { parseCliArgs } from '../args';
import { CliError } from '../cli-error';
import { openCliDatabase, userPath } from '../database';

const USAGE = [
  'usage: kaoping users list [--json]',
  '       kaoping users create --name USERNAME --role admin|assessor|leader|liaison [--display-name 姓名] [--unit CODE] [--phone P] [--one-time]',
  '       kaoping users import FILE.xlsx [--out ACCOUNTS.xlsx]',
  '       kaoping users reset USERNAME',
  '       kaoping users disable USERNAME',
].join('\n');

/** How the command talks to a person: a TTY gets a hidden password prompt; tests pass their own. */
export interface UsersIo {
  interactive: boolean;
  promptHidden(question: string): Promise<string>;
}

const cliActor = (officeId: number): SessionUser => ({
  id: 0,
  username: 'cli',
  displayName: '命令行',
  role: 'admin',
  unitId: null,
  unitName: null,
  officeId,
});

/** Reads a line from the terminal without echoing it. */
function promptHiddenOnTty(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    output._writeToOutput = (s: string) => {
      // The question is written once; every typed character afterwards is hidden.
      if (!asked) {
        process.stdout.write(s);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

export const terminalIo: UsersIo = { interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY), promptHidden: promptHiddenOnTty };

function contextFor(db: Context['db'], dialect: Context['dialect'], officeId: number): Context & { user: SessionUser } {
  return {
    db,
    dialect,
    user: cliActor(officeId),
    sessionToken: null,
    clientIp: 'cli',
    cookies: { set: () => undefined, clear: () => undefined },
    loginLimiter: new LoginRateLimiter(),
    now: () => new Date(),
  };
}

async function withDatabase<T>(work: (ctx: Context & { user: SessionUser }) => Promise<T>): Promise<T> {
  const { handle, officeId } = openCliDatabase();
  try {
    await migrateToLatest(handle.db);
    return await work(contextFor(handle.db, handle.dialect, officeId));
  } catch (error) {
    // A refused action (duplicate name, weak password, last admin) is the user's to fix: no stack.
    if (isDomainError(error)) throw new CliError(error.message);
    throw error;
  } finally {
    await handle.destroy();
  }
}

async function requireUsername(ctx: Context, name: string | undefined, sub: string) {
  if (!name) throw new CliError(`usage: kaoping users ${sub} USERNAME`);
  const user = await findUserByUsername(ctx.db, name);
  if (!user) throw new CliError(`用户 ${name} 不存在`);
  return user;
}

export async function run(args: string[], io: UsersIo = terminalIo): Promise<number> {
  const { positionals, values } = parseCliArgs(args, {
    json: { type: 'boolean', default: false },
    name: { type: 'string' },
    'display-name': { type: 'string' },
    role: { type: 'string' },
    unit: { type: 'string' },
    phone: { type: 'string' },
    'one-time': { type: 'boolean', default: false },
    out: { type: 'string' },
  });
  const [sub, target] = positionals;
  switch (sub) {
    case 'list':
      return withDatabase(async (ctx) => {
        const rows = (await listUsers(ctx.db)).map(toUserRow);
        if (values.json) {
          process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
          return 0;
        }
        if (rows.length === 0) process.stdout.write('没有用户。创建第一个管理员:pnpm kaoping users create --role admin --name admin\n');
        for (const u of rows) {
          const status = u.status === 'active' ? (u.mustChangePassword ? '待改密' : '启用') : '停用';
          process.stdout.write(
            [u.username, u.displayName, roleLabelsZh[u.role], u.unitName ?? '-', status, u.lastSignInAt ?? '从未登录'].join('\t') + '\n',
          );
        }
        return 0;
      });
    case 'create': {
      const role = roleSchema.safeParse(values.role);
      if (!values.name || !role.success) throw new CliError(USAGE);
      return withDatabase(async (ctx) => {
        let unitId: number | null = null;
        if (values.unit) {
          const unit = (await findUnitsForAccountsByCode(ctx.db, [values.unit], chinaToday(ctx.now()))).get(values.unit);
          if (!unit) throw new CliError(`单位编码 ${values.unit} 不存在`);
          unitId = unit.id;
        }
        const input = userCreateInputSchema.safeParse({
          username: values.name,
          displayName: values['display-name'] ?? values.name,
          role: role.data,
          unitId,
          phone: values.phone ?? null,
        });
        if (!input.success) throw new CliError(input.error.issues.map((i) => i.message).join(';'));
        // Interactive: the admin types the password (twice). Otherwise, or with --one-time, a one-time password is printed.
        let password: string | undefined;
        if (io.interactive && !values['one-time']) {
          password = await io.promptHidden(`${input.data.username} 的密码(至少 10 个字符): `);
          if ((await io.promptHidden('再次输入密码: ')) !== password) throw new CliError('两次输入的密码不一致');
        }
        const created = await createUserAccount(ctx, input.data, password === undefined ? {} : { password });
        process.stdout.write(`已创建${roleLabelsZh[created.user.role]} ${created.user.username}(${created.user.displayName})\n`);
        if (created.oneTimePassword) process.stdout.write(`初始密码(仅显示一次,首次登录后须修改):${created.oneTimePassword}\n`);
        return 0;
      });
    }
    case 'import': {
      if (!target) throw new CliError(USAGE);
      let bytes: Buffer;
      try {
        bytes = readFileSync(userPath(target));
      } catch {
        throw new CliError(`cannot read ${target}`);
      }
      return withDatabase(async (ctx) => {
        const result = await importUsersFile(ctx, { fileName: basename(target), contentBase64: bytes.toString('base64') });
        if (!result.ok) {
          for (const p of result.problems)
            process.stderr.write(`${basename(target)}${p.row ? ` 第${p.row}行` : ''}${p.column ? ` ${p.column} 列` : ''}:${p.message}\n`);
          process.stderr.write('文件未导入(任一行有误则整个文件不导入)\n');
          return 2;
        }
        const out = userPath(values.out ?? result.fileName);
        writeFileSync(out, Buffer.from(result.xlsxBase64 ?? '', 'base64'));
        process.stdout.write(`已导入 ${result.created.length} 个用户;初始密码已写入 ${out}(请妥善保管,分发后删除)\n`);
        return 0;
      });
    }
    case 'reset':
      return withDatabase(async (ctx) => {
        const user = await requireUsername(ctx, target, 'reset');
        const reset = await resetUserPassword(ctx, user.id);
        process.stdout.write(
          `已重置 ${reset.username} 的密码,其登录会话已全部结束\n初始密码(仅显示一次,首次登录后须修改):${reset.oneTimePassword}\n`,
        );
        return 0;
      });
    case 'disable':
      return withDatabase(async (ctx) => {
        const user = await requireUsername(ctx, target, 'disable');
        await setUserStatus(ctx, user.id, 'disabled');
        process.stdout.write(`已停用 ${user.username},其登录会话已全部结束\n`);
        return 0;
      });
    default:
      throw new CliError(USAGE);
  }
}
