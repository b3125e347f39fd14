import { describe, expect, it } from 'vitest';
import { validateSchemeText } from '@kaoping/domain/scoring/validate-scheme-text';
import { parseForForm } from './parse-for-form';

const valid = {
  code: 'S',
  title: '细则',
  year: 2026,
  groups: [{ code: 'XQ', name: '县区' }],
  indicators: [{ code: '1', name: '公开', points: 100, rule: { kind: 'manual' } }],
  grading: { bands: [{ grade: '合格', min: 60 }] },
};

describe('parseForForm', () => {
  it('parses a valid scheme with its defaults', () => {
    expect(parseForForm(JSON.stringify(valid))).toMatchObject({ code: 'S', vetoes: [], majorDeductions: [] });
  });

  it('keeps the form for a scheme invalid only in a value (a group without a name), while validation names the field', () => {
    const text = JSON.stringify({ ...valid, groups: [...valid.groups, { code: 'G2', name: '' }] });
    expect(parseForForm(text)?.groups).toEqual([
      { code: 'XQ', name: '县区' },
      { code: 'G2', name: '' },
    ]);
    const live = validateSchemeText(text);
    expect(live.ok).toBe(false);
    expect(live.ok ? [] : live.problems).toEqual(['方案 groups[G2].name:名称不能为空']);
  });

  it('gives up on text that is not JSON or not shaped like a scheme', () => {
    expect(parseForForm('{')).toBeNull();
    expect(parseForForm('[]')).toBeNull();
    expect(parseForForm(JSON.stringify({ ...valid, grading: undefined }))).toBeNull();
    expect(parseForForm(JSON.stringify({ ...valid, indicators: 'x' }))).toBeNull();
  });
});
