import { describe, expect, it } from 'vitest';
import { pinyinInitials, unitMatches } from './unit-search';

const unit = { code: 'A01', name: '江临市临江区人民政府' };

describe('finding a unit by name, code or pinyin initials', () => {
  it('reads the initials of a unit name', () => {
    expect(pinyinInitials('江临市临江区人民政府')).toBe('jlsljqrmzf');
    expect(pinyinInitials('江临市教育局')).toBe('jlsjyj');
  });

  it('matches part of the name, the code (any case) and the initials', () => {
    expect(unitMatches('临江区', unit)).toBe(true);
    expect(unitMatches('a01', unit)).toBe(true);
    expect(unitMatches('ljq', unit)).toBe(true);
    expect(unitMatches('LJQ', unit)).toBe(true);
    expect(unitMatches('  ', unit)).toBe(true);
  });

  it('does not match what is not there', () => {
    expect(unitMatches('教育', unit)).toBe(false);
    expect(unitMatches('jyj', unit)).toBe(false);
    expect(unitMatches('B02', unit)).toBe(false);
  });
});
