// Names people type (unit, group, display names): trimmed, and refused when they hide or reorder
// text — control characters (NUL among them: PostgreSQL refuses it, SQLite would store it),
// bidirectional overrides that make "fdp.exe" look like "exe.pdf", or nothing visible at all
// (only zero-width characters). Both databases then store the same thing.
import { z } from 'zod';

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
// eslint-disable-next-line no-misleading-character-class -- each invisible code point is matched on its own, on purpose
const INVISIBLE = /[\s\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200d\u2060-\u2064\u3164\ufe00-\ufe0f\ufeff\uffa0]/gu;

/** A one-line name of `min`–`max` characters; `label` words the messages (「单位名称」). */
export function nameSchema(label: string, min: number, max: number) {
  return z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不超过${max}个字`)
    .refine((v) => !CONTROL.test(v), `${label}含有不允许的控制字符(如换行、NUL)`)
    .refine((v) => !BIDI_CONTROL.test(v), `${label}含有改变文字方向的隐藏字符,请重新输入`)
    .refine((v) => Array.from(v.replace(INVISIBLE, '')).length >= min, min <= 1 ? `${label}不能为空` : `${label}至少${min}个字`);
}
