import { describe, expect, it, vi } from 'vitest';

vi.mock('../../i18n/i18n', () => ({ i18next: { language: 'zh' } }));
const { formatDate, formatMovement, formatPercent, formatScore } = await import('./bulletin-format');

describe('bulletin formats', () => {
  it('prints scores, rates, dates and movement as the bulletin does', () => {
    expect(formatScore(85.5)).toBe('85.50');
    expect(formatScore(null)).toBe('—');
    expect(formatPercent(0.955)).toBe('95.5%');
    expect(formatPercent(null)).toBe('—');
    expect(formatDate('2026-11-06')).toBe('2026年11月6日');
    expect(formatDate('2026-11-06', 'en')).toBe('2026-11-06');
    expect([3, -2, 0, null].map((d) => formatMovement(d, '持平'))).toEqual(['▲3', '▼2', '持平', '—']);
  });
});
