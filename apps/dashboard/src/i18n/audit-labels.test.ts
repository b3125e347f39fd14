import { describe, expect, it } from 'vitest';
import { auditLabelsEn } from './areas/audit-labels.en';
import { auditLabelsZh } from './areas/audit-labels.zh';

// Every action a service writes to the audit log gets words in 变更记录 (issue #15 §18): a new
// service action without a label would show as 其他操作(org.office.update).
// Vite reads the service sources as text (the dashboard's tests may not use node:fs).
const apiSources = import.meta.glob<string>(['../../../../packages/api/src/**/*.ts', '!**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const literalActions = [
  ...new Set(Object.values(apiSources).flatMap((text) => [...text.matchAll(/\baction: '([a-zA-Z_.]+)'/g)].map((m) => m[1]!))),
].sort();

describe('audit action labels', () => {
  it('finds the actions the services write', () => {
    expect(literalActions).toContain('unit.update');
    expect(literalActions.length).toBeGreaterThan(30);
  });

  it.each(literalActions)('%s has a label in Chinese and English', (action) => {
    const key = action.replaceAll('.', '_') as keyof typeof auditLabelsZh.actions;
    expect(auditLabelsZh.actions[key], `zh label for ${action}`).toBeTruthy();
    expect(auditLabelsEn.actions[key], `en label for ${action}`).toBeTruthy();
  });
});
