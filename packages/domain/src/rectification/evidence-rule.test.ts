import { describe, expect, it } from 'vitest';
import { evidenceProblem } from './evidence-rule';

const link = { label: '栏目截图', url: 'https://example.gov.cn/a' };

describe('evidence required per order', () => {
  it('an order that asks for evidence refuses a fix or an explanation without any', () => {
    expect(evidenceProblem({ type: 'submit', evidence: [] }, true)).toMatch(/佐证材料/);
    expect(evidenceProblem({ type: 'explain', evidence: [] }, true)).toMatch(/佐证材料/);
    expect(evidenceProblem({ type: 'submit', evidence: [link] }, true)).toBeNull();
  });

  it('an order that does not ask for it accepts none; other actions never need it', () => {
    expect(evidenceProblem({ type: 'submit', evidence: [] }, false)).toBeNull();
    expect(evidenceProblem({ type: 'acknowledge' }, true)).toBeNull();
  });
});
