// Checks every call's raw input before any schema sees it, the same on both databases:
// - a NUL character anywhere (PostgreSQL refuses it with a 500, SQLite would store it);
// - nesting deeper than MAX_INPUT_DEPTH (a scheme 5,000 levels deep overflowed the stack).
// Walks iteratively, so a hostile input cannot overflow the stack here either.

export const MAX_INPUT_DEPTH = 100;

export function inputProblem(input: unknown): string | null {
  const stack: [unknown, number][] = [[input, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return '内容中含有不允许的空字符(NUL),请删除后重试';
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_INPUT_DEPTH) return `输入的层级过深(超过 ${MAX_INPUT_DEPTH} 层),请检查内容`;
    const children = Array.isArray(value) ? value : Object.entries(value).flat();
    for (const child of children) stack.push([child, depth + 1]);
  }
  return null;
}
