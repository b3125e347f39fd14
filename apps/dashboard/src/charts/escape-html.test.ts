import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html';

describe('escapeHtml', () => {
  it('neutralises markup, attributes and entities', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml(`a"b'c\`d&e`)).toBe('a&quot;b&#39;c&#96;d&amp;e');
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
  it('keeps Chinese text and numbers as they are, and empty for nothing', () => {
    expect(escapeHtml('江临市教育局')).toBe('江临市教育局');
    expect(escapeHtml(86.5)).toBe('86.5');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
  });
});
