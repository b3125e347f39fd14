import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateOneTimePassword, passwordProblems } from './password-policy';

describe('password policy', () => {
  it('accepts a long, irregular password', () => {
    expect(passwordProblems('Tq7#mZ2!vR9k', { username: 'wang' })).toEqual([]);
    expect(passwordProblems('临江 晴天 骆驼 2931', { username: 'wang' })).toEqual([]);
  });

  it('refuses fewer than 10 characters, counting Chinese characters as one each', () => {
    expect(passwordProblems('Tq7#mZ2!v', { username: 'wang' })).toEqual(['密码至少 10 个字符']);
    expect(passwordProblems('政务公开考评平台密码', { username: 'wang' })).not.toContain('密码至少 10 个字符');
  });

  it('refuses a password containing the username, in any case', () => {
    expect(passwordProblems('xx-Liaison-A01-zz', { username: 'liaison-a01' })).toContain('密码不能包含用户名');
  });

  it.each(['password123', 'qwertyuiop', '1234567890', 'Passw0rd!2024', 'woaini1314520', 'iloveyou123', 'zhengwugongkai'])(
    'refuses the common password %s',
    (password) => {
      const problems = passwordProblems(password, { username: 'someone' });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^密码太容易被猜到/);
    },
  );

  it('refuses a password built from the display name', () => {
    expect(passwordProblems('zhangmin1990', { username: 'u1', displayName: 'zhangmin' })[0]).toMatch(/太容易被猜到/);
  });

  it('refuses leading or trailing spaces', () => {
    expect(passwordProblems(' Tq7#mZ2!vR9k', { username: 'wang' })).toContain('密码首尾不能是空格');
  });

  it('generates one-time passwords that pass the policy themselves and do not repeat', () => {
    fc.assert(
      fc.property(fc.constantFrom('admin', 'liaison-a01', 'wang'), (username) => {
        const password = generateOneTimePassword();
        expect(password).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
        expect(password).not.toMatch(/[0O1lI]/);
        expect(passwordProblems(password, { username })).toEqual([]);
      }),
      { numRuns: 60 },
    );
    expect(new Set(Array.from({ length: 1000 }, generateOneTimePassword)).size).toBe(1000);
  });
});
