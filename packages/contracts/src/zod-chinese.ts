// Chinese messages for every zod issue a schema does not word itself (zod's zh-CN locale), plus
// plain wording where the locale would show internals (e.g. 9007199254740991). Call once at start-up
// of each program that validates user input: the server does (apps/server/src/create-server.ts);
// the dashboard should too (its entry module).
import { z } from 'zod';

let configured = false;

export function useChineseZodMessages(): void {
  if (configured) return;
  configured = true;
  z.config(z.locales.zhCN());
  z.config({
    customError: (issue) => {
      if (issue.code === 'too_big' && issue.origin === 'number' && Number(issue.maximum) >= Number.MAX_SAFE_INTEGER) return '数值过大';
      if (issue.code === 'too_small' && issue.origin === 'number' && Number(issue.minimum) <= Number.MIN_SAFE_INTEGER) return '数值过小';
      if (issue.code === 'invalid_type' && issue.input === undefined) return '必填';
      return undefined; // the zh-CN locale's message
    },
  });
}
