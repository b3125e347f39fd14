// The password policy: at least 10 characters, not containing the username, and not guessable —
// zxcvbn-ts (common-password and keyboard-pattern dictionaries) must rate it 3 of 4 or better.
// zxcvbn has no Chinese dictionary; the pinyin and number habits below are the commonest
// Chinese passwords in public leak statistics and are added as one more dictionary.
import { randomInt } from 'node:crypto';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH } from '@kaoping/contracts/users/user';

const chineseCommon = [
  'woaini',
  'woaini1314',
  'woaini520',
  'aini1314',
  '5201314',
  '1314520',
  'iloveyou',
  'zhangwei',
  'wangwei',
  'liwei',
  'zhangsan',
  'lisi',
  'wangwu',
  'zhongguo',
  'china',
  'beijing',
  'shanghai',
  'qq123456',
  'qwe123',
  'a123456',
  'aa123456',
  'abc123456',
  'woshishui',
  'wodemima',
  'mima',
  'mima123',
  'zhengfu',
  'zhengwu',
  'gongkai',
  'zhengwugongkai',
  'kaoping',
  'kaohe',
  'admin',
  'administrator',
  'guanliyuan',
  'lianluoyuan',
  'jiangling',
];

let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  // Building the dictionaries takes ~100 ms: once, on first use.
  factory ??= new ZxcvbnFactory({ dictionary: { ...dictionary, chineseCommon }, graphs: adjacencyGraphs });
  return factory;
}

/** zxcvbn's 0–4 rating below which a password is refused. */
export const MIN_STRENGTH_SCORE = 3;

/** The reasons (Chinese, for people) a password is refused; empty when it is acceptable. */
export function passwordProblems(password: string, context: { username: string; displayName?: string }): string[] {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push(`密码至少 ${PASSWORD_MIN_LENGTH} 个字符`);
  if (/^\s|\s$/.test(password)) problems.push('密码首尾不能是空格');
  const username = context.username.trim().toLowerCase();
  if (username.length > 0 && password.toLowerCase().includes(username)) problems.push('密码不能包含用户名');
  if (problems.length > 0) return problems;
  const result = zxcvbn().check(password, [context.username, ...(context.displayName ? [context.displayName] : [])]);
  if (result.score < MIN_STRENGTH_SCORE)
    problems.push(`密码太容易被猜到${hintOf(result.feedback.warning)},请使用更长、更不规则的组合(例如几个不相关的词加数字和符号)`);
  return problems;
}

function hintOf(warning: string | null): string {
  switch (warning) {
    case 'topTen':
    case 'topHundred':
    case 'common':
    case 'similarToCommon':
      return '(属于常见密码或与常见密码相似)';
    case 'straightRow':
    case 'keyPattern':
      return '(是键盘上的连续按键)';
    case 'simpleRepeat':
    case 'extendedRepeat':
    case 'repeated':
      return '(含有重复的字符)';
    case 'sequences':
      return '(含有连续的字母或数字)';
    case 'dates':
    case 'recentYears':
      return '(含有日期或年份)';
    case 'userInputs':
      return '(含有用户名或姓名)';
    case 'namesByThemselves':
    case 'commonNames':
      return '(含有常见姓名)';
    default:
      return '';
  }
}

// No 0/O, 1/l/I: people copy these from a printed sheet.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A one-time password such as `Kp7x-9mQd-3wRt` (about 70 bits): it passes the policy and must be changed at first sign-in. */
export function generateOneTimePassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${group()}-${group()}-${group()}`;
}
