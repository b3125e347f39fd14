// antd's component styles for the dashboard's theme, generated at build time (issue #14). antd 6
// generates each component's CSS in the browser the first time the component renders (CSS-in-JS),
// which cost about 0.6 s of main thread on a full reload. With `theme.zeroRuntime` (src/theme.ts) it
// skips that and only sets the theme's CSS variables; the rules come from the stylesheet built here:
// every antd component (and its popups, panels and variants) rendered once on the server with the
// same theme, the styles it registered extracted by @ant-design/cssinjs. antd 6's rules reach the theme
// through CSS variables (still set by antd in the browser) and hash their `:where(.css-…)` selectors by
// antd's version: the rules are the ones the browser generated before (test/antd-static-style.test.ts).
import { createRequire } from 'node:module';
import type * as ReactModule from 'react';
import type * as ReactDomServer from 'react-dom/server';

interface CssinjsModule {
  createCache(): unknown;
  extractStyle(cache: unknown, options?: { plain?: boolean; types?: string | string[] }): string;
  StyleProvider: ReactModule.ComponentType<{ cache: unknown; children?: ReactModule.ReactNode }>;
}

type Component = ReactModule.ComponentType<Record<string, unknown>>;

/** Returns the CSS of every antd component for `token` (the seed tokens of ConfigProvider's theme). */
export function antdStaticStyle(token: Record<string, unknown>): string {
  const require = createRequire(import.meta.url);
  // CommonJS builds, resolved from antd itself (its own React and cssinjs, as in the bundle).
  const antdRequire = createRequire(require.resolve('antd'));
  const React = require('react') as typeof ReactModule;
  const { renderToString } = require('react-dom/server') as typeof ReactDomServer;
  const antd = require('antd') as Record<string, unknown>;
  const { createCache, extractStyle, StyleProvider } = antdRequire('@ant-design/cssinjs') as CssinjsModule;
  const { iconStyles } = antdRequire('@ant-design/icons/lib/utils') as { iconStyles: string };
  const h = React.createElement;
  /** An antd export by its path ('Space.Compact'); a component that is missing renders nothing. */
  const c = (path: string): Component => {
    let value: unknown = antd;
    for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
    return (value as Component | undefined) ?? (() => null);
  };

  // Components rendered bare would not show their popups, panels or variants: these render them.
  const internalPanel = (name: string) => c(`${name}._InternalPanelDoNotUseOrYouWillBeFired`);
  const custom: Record<string, () => ReactModule.ReactNode[]> = {
    Affix: () => [h(c('Affix'), null, h('div'))],
    Anchor: () => [h(c('Anchor'), { items: [{ key: 'a', href: '#a', title: 'a' }] })],
    BackTop: () => [h(c('FloatButton.BackTop'))],
    Badge: () => [h(c('Badge'), { count: 1 }), h(c('Badge.Ribbon'), { text: 'r' }, h('div'))],
    Button: () => [
      h(c('Button'), { type: 'primary' }),
      h(c('Button'), { danger: true }),
      h(c('Space.Compact'), null, h(c('Button')), h(c('Button'))),
      h(c('Space.Compact'), { orientation: 'vertical' }, h(c('Button')), h(c('Button'))),
    ],
    Cascader: () => [h(c('Cascader')), h(c('Cascader.Panel'))],
    Dropdown: () => [h(c('Dropdown'), { open: true, menu: { items: [{ key: 'a', label: 'a' }] } }, h('span'))],
    Drawer: () => [h(c('Drawer'), { open: true }), h(internalPanel('Drawer'))],
    List: () => [h(c('List'), { dataSource: [1], renderItem: () => h(c('List.Item'), null, h(c('List.Item.Meta'), { title: 'x' })) })],
    Space: () => [h(c('Space'), null, h('span')), h(c('Space.Compact'), null, h(c('Space.Addon'), null, 'x'), h(c('Input')))],
    FloatButton: () => [h(c('FloatButton')), h(c('FloatButton.Group'), null, h(c('FloatButton')))],
    Form: () => [h(c('Form'), null, h(c('Form.Item'), { label: 'x', name: 'x', help: 'x' }, h(c('Input'))))],
    Grid: () => [h(c('Row'), null, h(c('Col'), { span: 1 }))],
    Input: () => [
      h(c('Input')),
      h(c('Input.TextArea')),
      h(c('Input.Search')),
      h(c('Input.Password')),
      h(c('Input.OTP')),
      h(c('Space.Compact'), null, h(c('Input')), h(c('Input'))),
    ],
    Layout: () => [h(c('Layout'), null, h(c('Layout.Header')), h(c('Layout.Sider')), h(c('Layout.Content')), h(c('Layout.Footer')))],
    Menu: () => [
      h(c('Menu'), { mode: 'horizontal', items: [{ key: 'a', label: 'a' }] }),
      h(c('Menu'), { mode: 'inline', items: [{ key: 'a', label: 'a', children: [{ key: 'b', label: 'b' }] }] }),
      h(c('Menu'), { mode: 'vertical', items: [{ key: 'a', label: 'a' }] }),
    ],
    // Portals do not render on the server, but the components register their styles before that (with their root class).
    Modal: () => [h(c('Modal'), { open: true }), h(internalPanel('Modal')), h(internalPanel('Modal'), { type: 'confirm' })],
    Popconfirm: () => [h(c('Popconfirm'), { open: true, title: 'x' }, h('span')), h(internalPanel('Popconfirm'))],
    Popover: () => [h(c('Popover'), { open: true, content: 'x' }, h('span')), h(internalPanel('Popover'))],
    QRCode: () => [h(c('QRCode'), { value: 'x' })],
    Select: () => [h(c('Select')), h(c('Select'), { mode: 'multiple' }), h(internalPanel('Select'))],
    Steps: () => [h(c('Steps'), { items: [{ title: 'a' }] })],
    Table: () => [
      h(c('Table'), {
        columns: [{ title: 'a', dataIndex: 'a', sorter: true, filters: [{ text: 'a', value: 'a' }] }],
        dataSource: [{ key: 1, a: 1 }],
        rowSelection: {},
        bordered: true,
        summary: () => null,
      }),
    ],
    Tag: () => [h(c('Tag')), h(c('Tag'), { color: 'red' }), h(c('Tag'), { color: 'success' }), h(c('Tag.CheckableTag'), { checked: true })],
    Tooltip: () => [h(c('Tooltip'), { open: true, title: 'x' }, h('span')), h(internalPanel('Tooltip'))],
    Tour: () => [h(internalPanel('Tour'))],
    Typography: () => [h(c('Typography.Title')), h(c('Typography.Text')), h(c('Typography.Paragraph')), h(c('Typography.Link'))],
    Upload: () => [h(c('Upload')), h(c('Upload.Dragger'))],
  };
  const panels = ['AutoComplete', 'Cascader', 'DatePicker', 'TimePicker', 'TreeSelect', 'Mentions', 'InputNumber'];
  const skip = new Set(['ConfigProvider', 'version', 'theme', 'unstableSetRender']);

  const nodes: ReactModule.ReactNode[] = [];
  for (const [name, value] of Object.entries(antd)) {
    if (skip.has(name) || !/^[A-Z]/.test(name) || (typeof value !== 'function' && typeof value !== 'object') || value === null) continue;
    const render = custom[name];
    if (render) nodes.push(...render());
    else nodes.push(h(value as Component));
    if (panels.includes(name)) {
      const panel = internalPanel(name);
      nodes.push(h(panel));
    }
  }
  // message / notification panels (their styles are otherwise registered only when one opens).
  for (const name of ['message', 'notification']) {
    const panel = internalPanel(name);
    nodes.push(h(panel, { content: 'x', title: 'x' }));
  }

  const cache = createCache();
  // antd's development warnings about bare or server-rendered components are no news here.
  const { error, warn } = console;
  console.error = console.warn = () => {};
  try {
    for (const node of nodes) {
      // Each on its own: one component that cannot render bare must not hide the others' styles.
      try {
        renderToString(h(StyleProvider, { cache }, h(c('ConfigProvider'), { theme: { token } }, h(c('App'), null, node))));
      } catch {
        // A component that needs props it was not given: its styles are registered before it throws, or it is not used bare.
      }
    }
  } finally {
    Object.assign(console, { error, warn });
  }
  // Component rules only: the theme's CSS variables (token, component tokens) are still set by antd in the browser.
  // Without the map of cache paths at the end (for hydrating server-rendered pages, which this app has none of).
  const styles = extractStyle(cache, { plain: true, types: 'style' }).replace(/\.data-ant-cssinjs-cache-path\{content:"[^"]*";\}$/, '');
  return `${iconStyles}\n${styles}`;
}
