import { describe, expect, it } from 'vitest';
import { tooltipHtml } from './tooltip-html';

const XSS = '<img src=x onerror=alert(1)>';

describe('tooltipHtml', () => {
  it('escapes the title, every label, value and note', () => {
    const html = tooltipHtml(XSS, [{ label: XSS, value: XSS, color: '#1f4e79' }], [XSS]);
    expect(html).not.toContain('<img');
    expect(html.split('&lt;img src=x onerror=alert(1)&gt;')).toHaveLength(5);
  });
  it('draws a colour marker only for a plain colour value', () => {
    expect(tooltipHtml('t', [{ label: 'a', value: '1', color: '#1f4e79' }])).toContain('background:#1f4e79');
    const html = tooltipHtml('t', [{ label: 'a', value: '1', color: 'red;background:url(javascript:alert(1))' }]);
    expect(html).not.toContain('javascript');
  });
});
