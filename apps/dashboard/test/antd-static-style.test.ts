import { createRequire } from 'node:module';
import { createElement as h, type ComponentType, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { antdStaticStyle } from '../antd-static-style';
import { THEME, THEME_TOKEN } from '../src/theme';

// The browser runs antd with zeroRuntime (src/theme.ts): a style antd would have generated at runtime
// but the built sheet lacks is a component left unstyled. So: render what the pages use the way antd
// did before (runtime styles on, same theme) and find each of its rules in the sheet.

const require = createRequire(import.meta.url);
const antdRequire = createRequire(require.resolve('antd'));
const antd = require('antd') as Record<
  string,
  ComponentType<Record<string, unknown>> & Record<string, ComponentType<Record<string, unknown>>>
>;
const { createCache, extractStyle, StyleProvider } = antdRequire('@ant-design/cssinjs') as {
  createCache(): unknown;
  extractStyle(cache: unknown, options: { plain: boolean; types: string }): string;
  StyleProvider: ComponentType<{ cache: unknown; children?: ReactNode }>;
};
const c = (name: string) => {
  const [root, sub] = name.split('.');
  const component = sub ? antd[root!]?.[sub] : antd[root!];
  if (!component) throw new Error(`antd has no ${name}`);
  return component;
};

/** Top-level rules (a rule, or an @media/@keyframes block whole), as cssinjs writes them: no comments. */
function rules(css: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < css.length; i++) {
    const ch = css[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) {
      out.push(css.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  return out;
}

/** The styles antd generates at runtime for `node` under the app's theme. */
function runtimeRules(node: ReactNode): string[] {
  const cache = createCache();
  renderToString(h(StyleProvider, { cache }, h(c('ConfigProvider'), { theme: { token: THEME_TOKEN } }, h(c('App'), null, node))));
  return rules(extractStyle(cache, { plain: true, types: 'style' }).replace(/\.data-ant-cssinjs-cache-path\{content:"[^"]*";\}$/, ''));
}

describe('antd static style', () => {
  let sheet: Set<string>;
  beforeAll(() => {
    sheet = new Set(rules(antdStaticStyle(THEME_TOKEN)));
  }, 60_000);

  it('is what the app runs on: antd generates no styles in the browser', () => {
    expect(THEME.zeroRuntime).toBe(true);
    expect(THEME.token).toBe(THEME_TOKEN);
  });

  it.each<[string, () => ReactNode]>([
    [
      'a sortable, selectable, paginated table',
      () =>
        h(c('Table'), {
          columns: [{ title: 'a', dataIndex: 'a', sorter: true, filters: [{ text: 'a', value: 'a' }] }],
          dataSource: Array.from({ length: 30 }, (_, i) => ({ key: i, a: i })),
          rowSelection: {},
          size: 'small',
        }),
    ],
    [
      'the side menu and the layout',
      () =>
        h(
          c('Layout'),
          null,
          h(c('Layout.Sider'), null, h(c('Menu'), { mode: 'inline', theme: 'dark', items: [{ key: 'a', label: 'a' }] })),
        ),
    ],
    [
      'buttons, tags, badges',
      () => [
        h(c('Button'), { type: 'primary', key: 1 }),
        h(c('Button'), { type: 'link', danger: true, key: 2 }),
        h(c('Tag'), { color: 'red', key: 3 }),
        h(c('Badge'), { count: 120, key: 4 }),
      ],
    ],
    [
      'a form with inputs, a select, a date picker',
      () =>
        h(
          c('Form'),
          null,
          h(c('Form.Item'), { label: 'x', name: 'x', required: true }, h(c('Input'))),
          h(c('Select'), { options: [] }),
          h(c('DatePicker')),
          h(c('InputNumber')),
        ),
    ],
    [
      'cards, tabs, alerts, statistics, descriptions',
      () =>
        h(
          c('Card'),
          { title: 'x' },
          h(c('Tabs'), { items: [{ key: 'a', label: 'a' }] }),
          h(c('Alert'), { type: 'info', showIcon: true, title: 'x' }),
          h(c('Statistic'), { value: 1 }),
          h(c('Descriptions'), { items: [{ label: 'a', children: 'b' }] }),
        ),
    ],
  ])('holds every rule antd generates for %s', (_name, node) => {
    const missing = runtimeRules(node()).filter((rule) => !sheet.has(rule));
    expect(missing.map((rule) => rule.slice(0, 200))).toEqual([]);
  });

  it('catches a rule it lacks (the check can fail)', () => {
    const other = createCache();
    renderToString(
      h(StyleProvider, { cache: other }, h(c('ConfigProvider'), { prefixCls: 'kp', theme: { token: THEME_TOKEN } }, h(c('Button')))),
    );
    const foreign = rules(extractStyle(other, { plain: true, types: 'style' }));
    // Another class prefix (ConfigProvider prefixCls) makes other selectors: none of its button rules is in the sheet.
    const buttonRules = foreign.filter((rule) => rule.includes('.kp-btn'));
    expect(buttonRules.length).toBeGreaterThan(10);
    expect(buttonRules.filter((rule) => sheet.has(rule))).toEqual([]);
  });
});
